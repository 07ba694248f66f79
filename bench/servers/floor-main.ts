/**
 * Not a peer: the floor of row 1. A bare relay that does nothing a collaboration server must
 * do — no Yjs, no storage, no validation — and forwards each message to the other sockets on
 * the same path straight from the socket's data callback. Its fan-out latency is what the
 * kernel's loopback and the bench's own clients cost; no server can be faster than that on
 * this machine, so a gap between it and the peers bounds how much better anyone can be.
 * It answers a client's sync step 1 with an empty step 2, so raw clients see "synced".
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

const emptyStep2 = Buffer.from([0, 1, 2, 0, 0]) // [Sync, Step2, update of 2 bytes: no structs, no deletions]
const rooms = new Map<string, Set<WebSocket>>()
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
const server = http.createServer((_request, response) => response.end('floor'))
server.on('upgrade', (request, socket, head) => {
  const path = request.url ?? '/'
  wss.handleUpgrade(request, socket, head, (ws) => {
    let room = rooms.get(path)
    if (!room) rooms.set(path, (room = new Set()))
    room.add(ws)
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 0) return ws.send(emptyStep2)
      for (const peer of room) if (peer !== ws) peer.send(data)
    })
    ws.on('close', () => room.delete(ws))
  })
})
server.listen(0, '127.0.0.1', () => console.log(`floor relay listening on port ${(server.address() as AddressInfo).port}`))
process.on('SIGTERM', () => process.exit(0))
