export { startTestServer, type TestServer } from './startTestServer.ts'
export { yClient, synced, saved, nextClose, waitFor, within, type YClient } from './yClient.ts'
export {
  connectRaw,
  decodeAwarenessEntries,
  decodeServerMessage,
  encodeAwarenessEntries,
  encodeHello,
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
export { rawSocket, frames, type BareSocket } from './bareSocket.ts'
export { login, sessionCookieOf } from './session.ts'
export { storedDoc, storedDocAt, contentOf } from './storedDoc.ts'
export { seededRandom } from './random.ts'
export { createDocument } from './api.ts'
export { spawnServer, type SpawnedServer } from './spawnServer.ts'
export { paragraphs, writeBody } from './writeBody.ts'
export { testDatabase, testDatabaseKind, testPostgresUrl, type TestDatabase } from './testDatabase.ts'
export { addUserWithToken } from './addUserWithToken.ts'
export { createStore } from '../store/createStore.ts'
export { appendLine } from './appendLine.ts'
export { openTestStore, type TestStore } from './openTestStore.ts'
