import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { BadMessageError } from './BadMessageError.ts'
import type { Connection } from './Connection.ts'

/**
 * Rewrites a client's awareness update so it cannot pose as anyone: every state's `user` is
 * replaced by the socket's authenticated identity (or the alias it is shown as), and entries for awareness clients owned
 * by another socket are dropped. Null states (a client leaving) pass through.
 */
export function stampAwareness(update: Uint8Array, connection: Connection, ownedElsewhere: (clientId: number) => boolean): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const encoder = encoding.createEncoder()
  const { userId, name, color, shownAs } = connection.authorization
  const user = shownAs ?? { id: userId, name, color }
  const entries: { clientId: number; clock: number; state: string }[] = []
  try {
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      if (ownedElsewhere(clientId)) continue
      const state: unknown = JSON.parse(json)
      if (state === null) {
        entries.push({ clientId, clock, state: 'null' })
        continue
      }
      if (typeof state !== 'object' || Array.isArray(state)) throw new Error('awareness state must be an object')
      entries.push({ clientId, clock, state: JSON.stringify({ ...state, user }) })
    }
  } catch {
    throw new BadMessageError('malformed awareness update')
  }
  if (decoding.hasContent(decoder)) throw new BadMessageError('trailing bytes in awareness update')
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.state)
  }
  return encoding.toUint8Array(encoder)
}
