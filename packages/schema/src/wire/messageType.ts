/**
 * Message types on the collaboration socket. 0–3 are the y-websocket protocol's own, so a
 * stock `WebsocketProvider` speaks with the server unchanged; 100+ are 动笔 extensions that
 * the server sends only to clients that ask for them (see {@link collabParams}).
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Server → client: the document's state vector as stored durably (payload: varUint8Array). */
  Saved: 100,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Query parameters a 动笔 client adds to the collaboration URL. */
export const collabParams = {
  /** `saved=1`: send {@link MessageType.Saved} after each durable append. */
  saved: 'saved',
} as const

/** Path prefix of the collaboration socket: `ws://host/collab/<documentId>`. */
export const collabPath = '/collab'
