/**
 * @y/websocket-server 0.1.1 as its own bin runs it (`src/server.js`): a plain HTTP server whose
 * upgrades go to `setupWSConnection`, persistence by y-leveldb in `YPERSISTENCE` (read by the
 * package at import). Two changes to the bin, both harness-only: it listens on port 0 and
 * prints the real port, and on SIGTERM it waits for y-leveldb's write queue before exiting
 * (the bin would lose queued writes, which the cold time-to-first-sync row needs on disk).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPersistence, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

if (!process.env.YPERSISTENCE) throw new Error('YPERSISTENCE must be set: the bench runs every server with persistence')

const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(0, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`y-websocket-server listening on port ${(server.address() as AddressInfo).port}`)
})

process.on('SIGTERM', () => {
  server.close()
  const persistence = getPersistence() as { provider?: { destroy(): Promise<void> } } | null
  // destroy() is queued behind every pending write of y-leveldb's transaction chain.
  void Promise.resolve(persistence?.provider?.destroy()).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
})
