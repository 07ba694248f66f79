import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { binaryFrame } from './binaryFrame.ts'

describe('binaryFrame', () => {
  let wss: WebSocketServer | undefined
  afterEach(() => wss?.close())

  it('frames payloads of every header size so that a stock ws client reads them back', async () => {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
    const sizes = [0, 1, 125, 126, 127, 65_535, 65_536, 300_000]
    wss.on('connection', (socket) => {
      const raw = (socket as unknown as { _socket: NodeJS.WritableStream })._socket
      for (const size of sizes) raw.write(binaryFrame(new Uint8Array(size).map((_, i) => (i * 7 + size) & 0xff)))
    })
    await once(wss, 'listening')
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`)
    const received: Buffer[] = []
    client.on('message', (data: Buffer, isBinary) => {
      expect(isBinary).toBe(true)
      received.push(data)
    })
    await once(client, 'open')
    await expect.poll(() => received.length).toBe(sizes.length)
    received.forEach((data, n) => {
      const size = sizes[n]!
      expect(data.byteLength).toBe(size)
      expect(data.equals(Buffer.from(new Uint8Array(size).map((_, i) => (i * 7 + size) & 0xff)))).toBe(true)
    })
    client.close()
  })

  it('writes the header the RFC gives for each length', () => {
    expect([...binaryFrame(new Uint8Array([9])).subarray(0, 3)]).toEqual([0x82, 1, 9])
    expect([...binaryFrame(new Uint8Array(200)).subarray(0, 4)]).toEqual([0x82, 126, 0, 200])
    expect([...binaryFrame(new Uint8Array(70_000)).subarray(0, 10)]).toEqual([0x82, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70])
  })
})
