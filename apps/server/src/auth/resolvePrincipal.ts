import type { Store } from '../store/Store.ts'
import type { Principal } from './Principal.ts'
import { hashSecret } from './secretToken.ts'

export interface Credentials {
  /** The value of `Authorization: Bearer …` or the socket's `token` parameter. */
  token?: string | undefined
  /** The session cookie's value. */
  session?: string | undefined
}

/** Touch last-used times at most this often, so reads stay reads. */
const touchEveryMs = 60_000

/**
 * Checks a token or session cookie: it must exist, be unexpired and unrevoked, and belong
 * to a user who is not disabled. A token, when given, wins over a cookie.
 */
export async function resolvePrincipal(store: Store, credentials: Credentials, now = new Date()): Promise<Principal | null> {
  const nowIso = now.toISOString()
  if (credentials.token) {
    const token = await store.sessions.tokenByHash(hashSecret(credentials.token))
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= nowIso)) return null
    const user = await store.users.byId(token.user_id)
    if (!user || user.disabled_at) return null
    if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > touchEveryMs) {
      await store.sessions.touchToken(token.id, nowIso)
    }
    return { user, via: 'token', tokenId: token.id }
  }
  if (credentials.session) {
    const id = hashSecret(credentials.session)
    const session = await store.sessions.session(id)
    if (!session || session.revoked_at || session.expires_at <= nowIso) return null
    const user = await store.users.byId(session.user_id)
    if (!user || user.disabled_at) return null
    if (now.getTime() - Date.parse(session.last_seen_at) > touchEveryMs) await store.sessions.touchSession(id, nowIso)
    return { user, via: 'session', sessionId: id }
  }
  return null
}
