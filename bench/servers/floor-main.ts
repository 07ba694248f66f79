/**
 * Not a peer: the floor of rows 1 and 2. A bare relay that does nothing a collaboration
 * server must do on the measured path — no validation, no storage, no Yjs transaction — and
 * forwards each message to the other sockets on the same path straight from the socket's
 * data callback. Its numbers are what the kernel's loopback and the bench's own clients cost;
 * no server can be faster than that on this machine, so a gap between it and the peers bounds
 * how much better anyone can be.
 *
 * It keeps the updates it relays and answers a client's sync step 1 with the room's whole
 * state, encoded by Yjs once and cached until the next update (row 2 warm: the same bytes a
 * server's step 2 holds, sent with no work at all). It has no storage, so no cold row.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocketServer, type WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

interface Room {
  sockets: Set<WebSocket>
  updates: Uint8Array[]
  /** `[Sync, Step2, state]` for the updates so far; null once another update arrived. */
  answer: Buffer | null
}

/** y-websocket's message type for sync messages (awareness is 1). */
const SYNC = 0
const { messageYjsSyncStep1: STEP1, messageYjsSyncStep2: STEP2, messageYjsUpdate: UPDATE } = syncProtocol

function answerOf(room: Room): Buffer {
  if (room.answer) return room.answer
  const doc = new Y.Doc()
  for (const update of room.updates) Y.applyUpdate(doc, update)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SYNC)
  encoding.writeVarUint(encoder, STEP2)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc))
  doc.destroy()
  room.answer = Buffer.from(encoding.toUint8Array(encoder))
  return room.answer
}

const rooms = new Map<string, Room>()
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
const server = http.createServer((_request, response) => response.end('floor'))
server.on('upgrade', (request, socket, head) => {
  const path = request.url ?? '/'
  wss.handleUpgrade(request, socket, head, (ws) => {
    let room = rooms.get(path)
    if (!room) rooms.set(path, (room = { sockets: new Set(), updates: [], answer: null }))
    const { sockets } = room
    sockets.add(ws)
    ws.on('message', (data: Buffer) => {
      if (data[0] === SYNC && data[1] === STEP1) return ws.send(answerOf(room))
      for (const peer of sockets) if (peer !== ws) peer.send(data)
      if (data[0] === SYNC && (data[1] === STEP2 || data[1] === UPDATE)) {
        const decoder = decoding.createDecoder(data)
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder)
        room.updates.push(decoding.readVarUint8Array(decoder).slice())
        room.answer = null
      }
    })
    ws.on('close', () => sockets.delete(ws))
  })
})
server.listen(0, '127.0.0.1', () => console.log(`floor relay listening on port ${(server.address() as AddressInfo).port}`))
process.on('SIGTERM', () => process.exit(0))
