import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { DocumentSignal } from './Fanout.ts'

const kinds = ['update', 'awareness', 'awareness-query', 'event', 'close', 'discard'] as const

/**
 * `[sender, kind, payload]` in lib0 encoding: updates and awareness travel as bytes (no
 * base64 on the hot path), the rare JSON ones as strings.
 */
export function encodeSignal(sender: string, signal: DocumentSignal): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, sender)
  encoding.writeVarUint(encoder, kinds.indexOf(signal.type))
  switch (signal.type) {
    case 'update':
      encoding.writeVarUint(encoder, signal.seq)
      encoding.writeVarUint8Array(encoder, signal.data)
      break
    case 'awareness':
      encoding.writeVarUint8Array(encoder, signal.data)
      break
    case 'event':
      encoding.writeVarString(encoder, JSON.stringify(signal.event))
      break
    case 'close':
      encoding.writeVarUint(encoder, signal.code)
      encoding.writeVarString(encoder, signal.reason)
      break
  }
  return encoding.toUint8Array(encoder)
}

export function decodeSignal(message: Uint8Array): { sender: string; signal: DocumentSignal } {
  const decoder = decoding.createDecoder(message)
  const sender = decoding.readVarString(decoder)
  const type = kinds[decoding.readVarUint(decoder)]
  switch (type) {
    case 'update':
      return { sender, signal: { type, seq: decoding.readVarUint(decoder), data: decoding.readVarUint8Array(decoder) } }
    case 'awareness':
      return { sender, signal: { type, data: decoding.readVarUint8Array(decoder) } }
    case 'event':
      return { sender, signal: { type, event: JSON.parse(decoding.readVarString(decoder)) } }
    case 'close':
      return { sender, signal: { type, code: decoding.readVarUint(decoder), reason: decoding.readVarString(decoder) } }
    case 'awareness-query':
    case 'discard':
      return { sender, signal: { type } }
    default:
      throw new Error('unknown signal kind')
  }
}
