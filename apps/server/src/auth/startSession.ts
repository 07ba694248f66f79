import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import type { UserRow } from '../store/UserStore.ts'
import { peerIsTrustedProxy } from './clientAddress.ts'
import { newSecret, hashSecret } from './secretToken.ts'
import { sessionCookieName } from './sessionCookie.ts'

/** True when the client reached us over HTTPS (directly, or via a trusted proxy that says so). */
export function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  // Only a configured proxy's word counts: anyone else could send X-Forwarded-Proto.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  const peerIsProxy = incoming !== undefined && peerIsTrustedProxy(incoming, c.var.services.config.trustProxy)
  return peerIsProxy && c.req.header('x-forwarded-proto') === 'https'
}

/** Creates a session row and sets its HttpOnly, SameSite=Lax cookie (Secure over HTTPS). */
export async function startSession(c: Context, user: UserRow): Promise<void> {
  const { store, config } = c.var.services
  const secret = newSecret('dbs_')
  const now = new Date()
  const ttlMs = config.sessionTtlHours * 3_600_000
  await store.sessions.insertSession({
    id: hashSecret(secret),
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    last_seen_at: now.toISOString(),
    revoked_at: null,
    ip: c.var.clientIp,
    user_agent: (c.req.header('user-agent') ?? '').slice(0, 200),
  })
  setCookie(c, sessionCookieName, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  })
}
