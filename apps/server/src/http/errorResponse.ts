import type { ErrorBody, ErrorCode } from '@dongbi/schema'
import { errorStatus } from '@dongbi/schema'
import type { Context } from 'hono'

/** The one shape of every error the API answers. */
export function errorResponse(c: Context, code: ErrorCode, message: string, details?: unknown): Response {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } }
  return c.json(body, errorStatus[code])
}
