import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'

/**
 * How a server frames messages: `y-websocket` is the stock protocol (ours and
 * @y/websocket-server); `hocuspocus` prefixes every message with the document name and
 * needs an Auth message before anything else.
 */
export type Dialect = 'y-websocket' | 'hocuspocus'

const SYNC = 0
const AUTH = 2
const QUERY_AWARENESS = 3
const SYNC_REPLY = 4 // hocuspocus: a Sync message that asks for no step 1 in return
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2
const AUTHENTICATED = 2

/**
 * A lean protocol-level client: no Y.Doc, no awareness. It sends pre-encoded updates and
 * hands every received document update (sync step 2 or live update) to `onUpdate` with
 * the time it arrived. Used where the bench process must stay cheap so that it measures
 * the server, not itself (fan-out readers, throughput writers and observers).
 */
export class RawClient {
  readonly ws: WebSocket
  /** Resolves once the server answered our sync step 1: the socket is in the document. */
  readonly ready: Promise<void>
  onUpdate: ((update: Uint8Array, receivedAt: number) => void) | null = null
  private readonly prefix: Uint8Array
  private keepAlive: NodeJS.Timeout | null = null
  private closed = false

  constructor(
    url: string,
    readonly dialect: Dialect,
    readonly documentName: string,
  ) {
    const prefixEncoder = encoding.createEncoder()
    if (dialect === 'hocuspocus') encoding.writeVarString(prefixEncoder, documentName)
    this.prefix = encoding.toUint8Array(prefixEncoder)
    this.ws = new WebSocket(url, { perMessageDeflate: false })
    this.ws.binaryType = 'nodebuffer'
    this.ready = new Promise<void>((resolve, reject) => {
      let synced = false
      this.ws.once('open', () => {
        if (dialect === 'hocuspocus') {
          // [name][Auth][Token][token ""][provider version]; the server queues what follows until it answered.
          const auth = encoding.createEncoder()
          encoding.writeUint8Array(auth, this.prefix)
          encoding.writeVarUint(auth, AUTH)
          encoding.writeVarUint(auth, 0)
          encoding.writeVarString(auth, '')
          encoding.writeVarString(auth, '4.8.0')
          this.ws.send(encoding.toUint8Array(auth))
          // Hocuspocus closes sockets silent for its 60 s timeout; a provider's awareness renewals keep them open.
          this.keepAlive = setInterval(() => this.sendFrame(QUERY_AWARENESS), 20_000)
        }
        // Sync step 1 with an empty state vector: the answer (step 2) is the whole document.
        this.sendFrame(SYNC, STEP1, new Uint8Array([0]))
      })
      this.ws.on('message', (data: Buffer) => {
        const receivedAt = performance.now()
        const decoder = decoding.createDecoder(data)
        if (dialect === 'hocuspocus') decoding.readVarString(decoder)
        const type = decoding.readVarUint(decoder)
        if (type === SYNC || type === SYNC_REPLY) {
          const step = decoding.readVarUint(decoder)
          if (step === STEP2 || step === UPDATE) {
            const update = decoding.readVarUint8Array(decoder)
            if (step === STEP2 && !synced) {
              synced = true
              resolve()
            }
            this.onUpdate?.(update, receivedAt)
          }
        } else if (type === AUTH && dialect === 'hocuspocus') {
          const kind = decoding.readVarUint(decoder)
          if (kind !== AUTHENTICATED) reject(new Error(`hocuspocus refused ${documentName}`))
        }
      })
      this.ws.once('error', reject)
      this.ws.once('close', (code) => {
        if (this.keepAlive) clearInterval(this.keepAlive)
        if (!synced) reject(new Error(`socket for ${documentName} closed before sync (${code})`))
      })
    })
  }

  private sendFrame(type: number, step?: number, payload?: Uint8Array): void {
    const encoder = encoding.createEncoder()
    encoding.writeUint8Array(encoder, this.prefix)
    encoding.writeVarUint(encoder, type)
    if (step !== undefined) encoding.writeVarUint(encoder, step)
    if (payload) encoding.writeVarUint8Array(encoder, payload)
    this.send(encoding.toUint8Array(encoder))
  }

  private send(message: Uint8Array): void {
    if (!this.closed && this.ws.readyState === WebSocket.OPEN) this.ws.send(message)
  }

  /** Sends one Yjs update as a sync Update message. */
  sendUpdate(update: Uint8Array): void {
    this.sendFrame(SYNC, UPDATE, update)
  }

  /** Bytes queued in the socket but not yet written (backpressure signal). */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.keepAlive) clearInterval(this.keepAlive)
    this.ws.close()
  }
}

/** Opens `count` raw clients, at most `concurrency` connecting at a time. */
export async function openRawClients(count: number, concurrency: number, open: (i: number) => RawClient): Promise<RawClient[]> {
  const clients: RawClient[] = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      const client = open(i)
      clients[i] = client
      await client.ready
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  } catch (error) {
    for (const client of clients) client?.close()
    throw error
  }
  return clients
}
