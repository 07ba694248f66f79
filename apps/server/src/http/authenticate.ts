import type { IncomingMessage } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { clientAddress } from '../auth/clientAddress.ts'
import { resolvePrincipal } from '../auth/resolvePrincipal.ts'
import { sessionCookieName } from '../auth/sessionCookie.ts'
import { ApiError } from './ApiError.ts'

/**
 * Sets `principal` from `Authorization: Bearer <token>` or the session cookie, and
 * `clientIp`. A bearer token that does not check out is a 401 at once; a stale cookie is
 * simply no session.
 */
export function authenticate(): MiddlewareHandler {
  return async (c, next) => {
    const { store, config } = c.var.services
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    c.set('clientIp', incoming ? clientAddress(incoming, config.trustProxy) : '')
    const header = c.req.header('authorization')
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header)
      const principal = match ? await resolvePrincipal(store, { token: match[1] }) : null
      if (!principal) throw new ApiError('unauthorized', '令牌无效或已撤销 (invalid or revoked token)')
      c.set('principal', principal)
    } else {
      c.set('principal', await resolvePrincipal(store, { session: getCookie(c, sessionCookieName) }))
    }
    await next()
  }
}
