import { helloVersion, MessageType, type CollabEvent } from '@dongbi/schema'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'

/** A decoded server → client message, as far as the tests need to read it. */
export type ServerMessage =
  | { type: 'sync'; step: number; payload: Uint8Array }
  | { type: 'awareness'; payload: Uint8Array }
  | { type: 'auth'; permissionDenied: string }
  | { type: 'saved'; n: number }
  | { type: 'event'; event: CollabEvent }
  | { type: 'other'; bytes: Uint8Array }

export function decodeServerMessage(bytes: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(bytes)
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync:
      return { type: 'sync', step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) }
    case MessageType.Awareness:
      return { type: 'awareness', payload: decoding.readVarUint8Array(decoder) }
    case MessageType.Auth: {
      const kind = decoding.readVarUint(decoder)
      return kind === 0 ? { type: 'auth', permissionDenied: decoding.readVarString(decoder) } : { type: 'other', bytes }
    }
    case MessageType.Saved:
      return { type: 'saved', n: decoding.readVarUint(decoder) }
    case MessageType.Event:
      return { type: 'event', event: JSON.parse(decoding.readVarString(decoder)) as CollabEvent }
    default:
      return { type: 'other', bytes }
  }
}

/** `[Sync, step, payload]` with y-protocols' step numbers: {@link syncStep1}, {@link syncStep2}, {@link syncUpdate}. */
export function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const syncStep1 = syncProtocol.messageYjsSyncStep1
export const syncStep2 = syncProtocol.messageYjsSyncStep2
export const syncUpdate = syncProtocol.messageYjsUpdate

/** `[Awareness, update]` with hand-written entries, so a test can claim any client id or identity. */
export function encodeAwarenessEntries(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId)
    encoding.writeVarUint(inner, entry.clock)
    encoding.writeVarString(inner, JSON.stringify(entry.state))
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

/** Reads an awareness update's entries (client id, clock, parsed state). */
export function decodeAwarenessEntries(update: Uint8Array): { clientId: number; clock: number; state: any }[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries = []
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: JSON.parse(decoding.readVarString(decoder)) })
  }
  return entries
}

/** `[SavedRequest, n]`: the server answers `[Saved, n]` after everything this socket sent before it is handled. */
export function encodeSavedRequest(n: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SavedRequest)
  encoding.writeVarUint(encoder, n)
  return encoding.toUint8Array(encoder)
}

/** `[Hello, version]`: what 动笔's editor sends to receive `Event` messages. */
export function encodeHello(version = helloVersion): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Hello)
  encoding.writeVarUint(encoder, version)
  return encoding.toUint8Array(encoder)
}

export interface RawSocket {
  ws: WebSocket
  /** Every message received so far, decoded, in order. */
  messages: ServerMessage[]
  /** Resolves with the close code and reason once the socket closes. */
  closed: Promise<{ code: number; reason: string }>
  send(message: Uint8Array): void
  /** Resolves with the first message (already received or future) matching `predicate`. */
  next<T extends ServerMessage>(predicate: (message: ServerMessage) => message is T, timeoutMs?: number): Promise<T>
  next(predicate: (message: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>
  /** Sends `[SavedRequest, n]` and waits for `[Saved, n]`: a round trip proving every earlier message was handled. */
  roundTrip(): Promise<void>
  close(): void
}

export type UpgradeResult = { status: 101; socket: RawSocket } | { status: number; socket?: undefined }

let savedCounter = 1

/**
 * Opens a plain `ws` socket to `collabUrl/documentId` (with `?token=` when given) and reports
 * the HTTP status of the upgrade: 101 with the socket, or the refusal's status.
 */
export function openRawSocket(
  collabUrl: string,
  documentId: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<UpgradeResult> {
  const url = `${collabUrl}/${encodeURIComponent(documentId)}${options.token ? `?token=${encodeURIComponent(options.token)}` : ''}`
  const ws = new WebSocket(url, { headers: options.headers ?? {} })
  ws.binaryType = 'nodebuffer'
  const messages: ServerMessage[] = []
  const listeners = new Set<() => void>()
  ws.on('message', (data: Buffer) => {
    messages.push(decodeServerMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
    for (const listener of listeners) listener()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() })
      for (const listener of listeners) listener()
    })
  })
  const socket: RawSocket = {
    ws,
    messages,
    closed,
    send: (message) => ws.send(message),
    next(predicate: (message: ServerMessage) => boolean, timeoutMs = 5_000): Promise<any> {
      return new Promise((resolve, reject) => {
        let seen = 0
        const check = () => {
          for (; seen < messages.length; seen++) {
            if (predicate(messages[seen]!)) {
              done()
              return resolve(messages[seen]!)
            }
          }
          if (ws.readyState === WebSocket.CLOSED) {
            done()
            reject(new Error('socket closed before the expected message'))
          }
        }
        const timer = setTimeout(() => {
          done()
          reject(new Error(`no matching message within ${timeoutMs} ms`))
        }, timeoutMs)
        const done = () => {
          clearTimeout(timer)
          listeners.delete(check)
        }
        listeners.add(check)
        check()
      })
    },
    async roundTrip() {
      const n = savedCounter++
      ws.send(encodeSavedRequest(n))
      await socket.next((m) => m.type === 'saved' && m.n === n)
    },
    close: () => ws.close(),
  }
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ status: 101, socket }))
    ws.once('unexpected-response', (request, response) => {
      resolve({ status: response.statusCode ?? 0 })
      response.resume()
      request.destroy()
    })
    // Persistent: ws may report more than one error (e.g. after a refused upgrade is torn down).
    ws.on('error', (error) => reject(error))
  })
}

/** Opens a socket that must be accepted (101); throws otherwise. */
export async function connectRaw(collabUrl: string, documentId: string, options: { token?: string; headers?: Record<string, string> } = {}): Promise<RawSocket> {
  const result = await openRawSocket(collabUrl, documentId, options)
  if (result.status !== 101) throw new Error(`expected a 101 upgrade, got ${result.status}`)
  return result.socket!
}
