import { MessageType, type CollabEvent } from '@dongbi/schema'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'

/** `[Sync, Step1, stateVector]`: the server's opening move. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** `[Sync, Step2, update]`: what a peer with state vector `stateVector` is missing. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

/** `[Sync, Step2, update]` carrying a stored update as it is (see `answerFromLog`). */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** `[Sync, Update, update]`: a live change. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** `[Awareness, update]` for the given clients. */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/** `[Saved, n]`: the answer to a SavedRequest. */
export function encodeSaved(n: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Saved)
  encoding.writeVarUint(encoder, n)
  return encoding.toUint8Array(encoder)
}

/**
 * `[Auth, PermissionDenied, "read-only: <level>"]`: the y-protocols way to say "your edits
 * are not accepted". Stock providers log it; 动笔's editor switches to read-only.
 */
export function encodeReadOnly(level: string): Uint8Array {
  return encodePermissionDenied(`read-only: ${level}`)
}

/** `[Auth, PermissionDenied, reason]`. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Auth)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/** `[Event, json]`: a 动笔 event, for sockets that sent `Hello` only. */
export function encodeEvent(event: CollabEvent): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Event)
  encoding.writeVarString(encoder, JSON.stringify(event))
  return encoding.toUint8Array(encoder)
}
