/**
 * Close codes of the collaboration socket. 1xxx are WebSocket standard codes; 4xxx are
 * 动笔's application codes, mirroring HTTP statuses so they read at a glance.
 */
export const CloseCode = {
  /** The server is shutting down; reconnect later. */
  GoingAway: 1001,
  /** A text frame was sent; the protocol is binary only. */
  UnsupportedData: 1003,
  /** A frame larger than the server's `MAX_MESSAGE_BYTES`. */
  MessageTooBig: 1009,
  /** An unexpected server error while handling this socket. */
  InternalError: 1011,
  /** A malformed or truncated message, an unknown message type, or an update that fails to decode or has bytes after it. */
  BadMessage: 4400,
  /** Access to the document was revoked, or the user disabled or signed out. Do not reconnect. */
  AccessRevoked: 4403,
  /** The user's access level changed (e.g. raised to edit); reconnect to get the new one. */
  AccessChanged: 4409,
  /** No document with this id (or it was deleted). Do not reconnect. */
  DocumentNotFound: 4404,
  /** Applying the update would grow the document past the server's `MAX_DOCUMENT_BYTES`. */
  DocumentTooLarge: 4413,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Close codes after which a client must not reconnect on its own. */
export const finalCloseCodes: ReadonlySet<number> = new Set([CloseCode.AccessRevoked, CloseCode.DocumentNotFound, CloseCode.DocumentTooLarge])
