/**
 * Message types on the collaboration socket. 0–3 are the y-websocket protocol's own, so a
 * stock `WebsocketProvider` speaks with the server unchanged; 100+ are 动笔 extensions that
 * the server sends only in answer to a client that used them first.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /**
   * Client → server `[101, varUint n]`: "tell me when everything I sent before this is stored".
   * The server answers `[100, varUint n]` once all earlier updates from this socket are durable.
   */
  SavedRequest: 101,
  /** Server → client answer to {@link MessageType.SavedRequest}. */
  Saved: 100,
  /**
   * Client → server `[102, varUint version]`: "I am 动笔's editor and read {@link MessageType.Event}".
   * Only sockets that said so get events; a stock y-websocket client never sees type 103.
   */
  Hello: 102,
  /** Server → client `[103, varString json]`: a {@link CollabEvent}, e.g. a new unread count. */
  Event: 103,
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/** Path prefix of the collaboration socket: `ws://host/collab/<documentId>`. */
export const collabPath = '/collab'
