import type { UserRow } from '../store/UserStore.ts'

/** Who is making a request or holding a socket, and how they proved it. */
export interface Principal {
  user: UserRow
  via: 'session' | 'token'
  /** Hash id of the session, when via a session cookie. */
  sessionId?: string
  /** Id of the API token, when via a token. */
  tokenId?: string
}
