import type { Context } from 'hono'
import { z } from 'zod'
import { ApiError } from './ApiError.ts'

/**
 * Reads and validates a JSON body. Anything but `application/json` is 415 (so a cross-site
 * form post cannot reach a handler); unparsable JSON and schema failures are 400.
 */
export async function parseJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'Content-Type must be application/json')
  }
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new ApiError('invalid_request', 'request body is not valid JSON')
  }
  return validate(schema, raw)
}

/** Validates query parameters with a schema; 400 on failure. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return validate(schema, c.req.query())
}

function validate<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw)
  if (!result.success) {
    const first = result.error.issues[0]
    const where = first?.path.length ? `${first.path.join('.')}: ` : ''
    throw new ApiError('invalid_request', `${where}${first?.message ?? 'invalid request'}`, z.treeifyError(result.error))
  }
  return result.data
}
