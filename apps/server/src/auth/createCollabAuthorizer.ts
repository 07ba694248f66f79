import type { IncomingMessage } from 'node:http'
import { parse as parseCookie } from 'hono/utils/cookie'
import type { CollabAuthorizer } from '../collaboration/CollabAuthorizer.ts'
import type { Config } from '../config.ts'
import { documentAccess } from '../policies/documentAccess.ts'
import { anonymousPeers, peerAlias } from '../policies/peerAnonymity.ts'
import type { DocumentRecord, Store } from '../store/Store.ts'
import { resolvePrincipal } from './resolvePrincipal.ts'
import { sameOrigin } from './sameOrigin.ts'
import { sessionCookieName } from './sessionCookie.ts'

/**
 * Socket access with the same rules as REST: a foreign `Origin` is refused (cross-site
 * WebSocket hijacking), then a `token` query parameter or the session cookie must name an
 * active user who can read the document.
 */
export function createCollabAuthorizer(store: Store, config: Pick<Config, 'allowedOrigins'>): CollabAuthorizer {
  return {
    async authenticate(request: IncomingMessage, record: DocumentRecord | undefined) {
      const origin = request.headers.origin
      if (origin !== undefined && !sameOrigin(origin, request.headers.host, config.allowedOrigins)) {
        return { status: 403, reason: 'cross-origin socket refused' }
      }
      const url = new URL(request.url ?? '/', 'http://localhost')
      const cookies = parseCookie(request.headers.cookie ?? '', sessionCookieName)
      const principal = await resolvePrincipal(store, { token: url.searchParams.get('token') ?? undefined, session: cookies[sessionCookieName] })
      if (!principal) return { status: 401, reason: 'sign in or pass a token' }
      const { user } = principal
      if (principal.via === 'session' && user.must_change_password) return { status: 403, reason: 'change your temporary password first' }
      const identity = { userId: user.id, name: user.display_name, color: user.color, sessionId: principal.sessionId, tokenId: principal.tokenId }
      // A missing document is let through so the socket can close with the documented 4404.
      if (!record || record.deletedAt) return { ...identity, access: 'view' }
      const access = await documentAccess(store, user, record)
      if (!access) return { status: 403, reason: 'no access to this document' }
      const peers = await anonymousPeers(store, record.id)
      const at = peers?.peerIds.indexOf(user.id) ?? -1
      if (at < 0) return { ...identity, access }
      const { id, name, color } = peerAlias(at + 1, peers!.peerIds.length)
      return { ...identity, access, shownAs: { id, name, color } }
    },

    async recheck(authorization, documentId) {
      const now = new Date().toISOString()
      if (authorization.sessionId) {
        const session = await store.sessions.session(authorization.sessionId)
        if (!session || session.revoked_at || session.expires_at <= now) return null
      }
      if (authorization.tokenId) {
        const tokens = await store.sessions.tokens(authorization.userId)
        const token = tokens.find((t) => t.id === authorization.tokenId)
        if (!token || (token.expires_at && token.expires_at <= now)) return null
      }
      const [user, record] = await Promise.all([store.users.byId(authorization.userId), store.getDocument(documentId)])
      if (!record || record.deletedAt) return null
      return documentAccess(store, user, record)
    },
  }
}
