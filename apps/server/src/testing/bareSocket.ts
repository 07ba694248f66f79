import { MessageType } from '@dongbi/schema'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { waitFor } from './yClient.ts'

export interface BareSocket {
  ws: WebSocket
  /** Every binary frame received so far. */
  messages: Uint8Array[]
  /** Resolves when the socket is open (rejects if the upgrade fails). */
  opened: Promise<void>
  /** Resolves with the close code and reason, however the socket ends. */
  closed: Promise<{ code: number; reason: string }>
  send(frame: Uint8Array | string): void
  /** Resolves with the first received frame (old or new) whose first byte is `type`. */
  nextMessage(type: number, options?: { timeoutMs?: number }): Promise<Uint8Array>
  close(): void
}

/**
 * A bare `ws` socket on `collabUrl/<path>` (the path may carry `?token=`), for breaking the
 * protocol by hand: frames go out exactly as given, text frames included.
 */
export function rawSocket(collabUrl: string, path: string, token?: string): BareSocket {
  const query = token ? `${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : ''
  const ws = new WebSocket(`${collabUrl}/${path}${query}`)
  ws.binaryType = 'nodebuffer'
  const messages: Uint8Array[] = []
  ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) messages.push(new Uint8Array(data))
  })
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    // A refused upgrade is an error "Unexpected server response: <status>", then a 1006 close.
    ws.on('error', reject)
  })
  opened.catch(() => {})
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  return {
    ws,
    messages,
    opened,
    closed,
    send: (frame) => ws.send(frame, { binary: typeof frame !== 'string' }),
    async nextMessage(type, { timeoutMs = 5_000 } = {}) {
      await waitFor(() => messages.some((m) => m[0] === type), { timeoutMs, message: `a message of type ${type}` })
      return messages.find((m) => m[0] === type)!
    },
    close: () => ws.terminate(),
  }
}

/** Builders for raw collaboration frames. */
export const frames = {
  /** `[Sync, Update, update]` */
  update(update: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Sync)
    syncProtocol.writeUpdate(encoder, update)
    return encoding.toUint8Array(encoder)
  },
  /** `[Sync, Step1, stateVector]` */
  syncStep1(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
    encoding.writeVarUint8Array(encoder, stateVector)
    return encoding.toUint8Array(encoder)
  },
  /** `[Awareness, payload]` with an arbitrary payload. */
  awareness(payload: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Awareness)
    encoding.writeVarUint8Array(encoder, payload)
    return encoding.toUint8Array(encoder)
  },
  /** `[SavedRequest, n]` */
  savedRequest(n: number): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.SavedRequest)
    encoding.writeVarUint(encoder, n)
    return encoding.toUint8Array(encoder)
  },
}
