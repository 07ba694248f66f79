import type { IncomingMessage } from 'node:http'
import type { DocumentAccess } from '@dongbi/schema'
import type { DocumentRecord } from '../store/Store.ts'

/** Who holds a collaboration socket, as decided when it was opened. */
export interface Authorization {
  userId: string
  name: string
  color: string
  access: DocumentAccess
  /**
   * Who others see on this socket's caret instead, e.g. an anonymous peer reviewer's alias
   * 同伴评审 k/N. Awareness is one broadcast to the whole room, so everyone sees the alias.
   */
  shownAs?: { id: string; name: string; color: string }
  /** How they proved it, so a revoked session or token can close the socket. */
  sessionId?: string
  tokenId?: string
}

export interface Refusal {
  /** HTTP status answered instead of 101. */
  status: 400 | 401 | 403
  reason: string
}

/**
 * The collaboration server's access hook, implemented on top of the app's policies. It is
 * asked before every upgrade (no 101 without it) and again whenever access may have changed.
 */
export interface CollabAuthorizer {
  /**
   * `record` is the document as the server has just read it (undefined when there is none):
   * the hook decides on it instead of reading it again. A missing or deleted document must not
   * be refused for that reason — the server closes its socket with the documented 4404 — but
   * the caller must still prove who they are first, so that only users learn what exists.
   */
  authenticate(request: IncomingMessage, record: DocumentRecord | undefined): Promise<Authorization | Refusal>
  /** The current access of an open socket, or null to close it. */
  recheck(authorization: Authorization, documentId: string): Promise<DocumentAccess | null>
}
