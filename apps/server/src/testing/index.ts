export { startTestServer, type TestServer } from './startTestServer.ts'
export { yClient, synced, waitFor, type YClient } from './yClient.ts'
