import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType } from '@dongbi/schema'
import type { Connection } from './Connection.ts'
import { encodeSyncStep2Update } from './encodeMessages.ts'

/** True for `[Sync, Step1, stateVector]` with an empty state vector: a client that has nothing yet. */
function isEmptySyncStep1(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return false
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return false
    const stateVector = decoding.readVarUint8Array(decoder)
    return !decoding.hasContent(decoder) && stateVector.length === 1 && stateVector[0] === 0
  } catch {
    return false
  }
}

/**
 * Opening a document that is not in memory, a new client (empty state vector) is answered
 * straight from the stored log — sync step 2 with the stored state as it is — before the
 * server replays that log into its own Y.Doc, instead of after replaying it and re-encoding
 * the result. The row is exactly what the store holds, so the answer is as durable as the
 * usual one; what it saves is the replay and the encoding (tens of ms for a long document,
 * more in a process whose code is not yet optimised) on the newcomer's way to seeing the text.
 *
 * Only a log of one row (a document compacted when it was last unloaded, the usual case): a
 * client counts itself synced on step 2, so step 2 must carry everything, and merging many
 * rows costs what the replay does. Removes the answered message from `early` and says whether
 * it answered.
 */
export function answerFromLog(connection: Connection, early: Uint8Array[], rows: Uint8Array[]): boolean {
  if (rows.length > 1) return false
  const index = early.findIndex(isEmptySyncStep1)
  if (index < 0 || connection.closed) return false
  early.splice(index, 1)
  connection.send(encodeSyncStep2Update(rows[0] ?? new Uint8Array([0, 0])))
  return true
}
