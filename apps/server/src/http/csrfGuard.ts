import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { sameOrigin } from '../auth/sameOrigin.ts'
import { sessionCookieName } from '../auth/sessionCookie.ts'
import { ApiError } from './ApiError.ts'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests that a browser could have been tricked into sending: any
 * unsafe request whose `Origin` is foreign, and any cookie-carrying unsafe request without an
 * `Origin` (browsers always send one on POST/PATCH/DELETE). Bearer-token clients carry no
 * ambient credentials and pass. JSON-only bodies (415 otherwise) close the form-post path.
 */
export function csrfGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next()
    const origin = c.req.header('origin')
    const { allowedOrigins } = c.var.services.config
    if (origin !== undefined) {
      if (!sameOrigin(origin, c.req.header('host'), allowedOrigins)) {
        throw new ApiError('forbidden', '跨站请求被拒绝 (cross-site request refused)')
      }
    } else if (getCookie(c, sessionCookieName) !== undefined && c.req.header('authorization') === undefined) {
      throw new ApiError('forbidden', '缺少 Origin 请求头 (missing Origin header)')
    }
    await next()
  }
}
