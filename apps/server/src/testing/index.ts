export { startTestServer, type TestServer } from './startTestServer.ts'
export { yClient, synced, waitFor, type YClient } from './yClient.ts'
export {
  connectRaw,
  decodeAwarenessEntries,
  decodeServerMessage,
  encodeAwarenessEntries,
  encodeSavedRequest,
  encodeSync,
  openRawSocket,
  syncStep1,
  syncStep2,
  syncUpdate,
  type RawSocket,
  type ServerMessage,
  type UpgradeResult,
} from './rawSocket.ts'
export { login, sessionCookieOf } from './session.ts'
