import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiError } from './ApiError.ts'
import { errorResponse } from './errorResponse.ts'

/** Turns any thrown error into the API's JSON error shape; never leaks a stack trace. */
export function onError(log: (message: string, error: unknown) => void): ErrorHandler {
  return (error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error.code, error.message, error.details)
    if (error instanceof HTTPException) {
      const code = error.status === 413 ? 'payload_too_large' : error.status === 404 ? 'not_found' : 'invalid_request'
      return errorResponse(c, code, error.message || 'invalid request')
    }
    // Two requests racing for the same unique value (a username, a branch name): the loser is told.
    const code = (error as { code?: unknown }).code
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
      return errorResponse(c, 'conflict', '已存在 (already exists)')
    }
    log(`${c.req.method} ${c.req.path} failed`, error)
    return errorResponse(c, 'internal_error', '服务器内部错误 (internal error)')
  }
}
