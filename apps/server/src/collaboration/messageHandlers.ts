import { MessageType } from '@dongbi/schema'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { BadMessageError } from './BadMessageError.ts'
import type { Connection } from './Connection.ts'
import type { DocumentRoom } from './DocumentRoom.ts'
import { onlyOwnSuggestions } from './onlyOwnSuggestions.ts'
import { encodeAwareness } from './encodeMessages.ts'
import { stampAwareness } from './stampAwareness.ts'

type Handler = (room: DocumentRoom, connection: Connection, decoder: decoding.Decoder) => void

/** Every handler reads its whole message, then calls this before acting on it. */
function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new BadMessageError('trailing bytes after message')
}

function handleSync(room: DocumentRoom, connection: Connection, decoder: decoding.Decoder): void {
  const step = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  expectEnd(decoder)
  switch (step) {
    case syncProtocol.messageYjsSyncStep1:
      Y.decodeStateVector(payload) // throws on a malformed vector
      connection.sendFrame(room.syncStep2FrameFor(payload))
      return
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate:
      if (connection.canEdit) return room.receiveUpdate(connection, payload)
      // A view-level socket never changes the document: drop, and say so.
      if (!connection.canSuggest) return connection.tellReadOnly()
      // A comment-level one only adds or removes its own suggestions (修改建议).
      const scratch = room.currentCopy()
      try {
        // An anonymous peer suggests under their alias, never their own id.
        const authorId = connection.authorization.shownAs?.id ?? connection.authorization.userId
        if (!onlyOwnSuggestions(scratch, payload, authorId)) return connection.refuseUpdate()
      } finally {
        scratch.destroy()
      }
      room.receiveUpdate(connection, payload)
      return
    default:
      throw new BadMessageError(`unknown sync step ${step}`)
  }
}

function handleAwareness(room: DocumentRoom, connection: Connection, decoder: decoding.Decoder): void {
  const update = decoding.readVarUint8Array(decoder)
  expectEnd(decoder)
  const stamped = stampAwareness(update, connection, (clientId) => room.awarenessOwner(clientId) !== connection && room.awarenessOwner(clientId) !== undefined)
  try {
    awarenessProtocol.applyAwarenessUpdate(room.awareness, stamped, connection)
  } catch {
    throw new BadMessageError('malformed awareness update')
  }
}

function handleQueryAwareness(room: DocumentRoom, connection: Connection, decoder: decoding.Decoder): void {
  expectEnd(decoder)
  connection.send(encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]))
}

function handleSavedRequest(_room: DocumentRoom, connection: Connection, decoder: decoding.Decoder): void {
  const n = decoding.readVarUint(decoder)
  expectEnd(decoder)
  connection.requestSaved(n)
}

/** `[Hello, version]`: the client is 动笔's editor and wants `Event` messages from now on. */
function handleHello(room: DocumentRoom, connection: Connection, decoder: decoding.Decoder): void {
  const version = decoding.readVarUint(decoder)
  expectEnd(decoder)
  if (version < 1) throw new BadMessageError(`unknown hello version ${version}`)
  room.hello(connection)
}

/** What the server does with each message type a client may send. */
export const messageHandlers: Partial<Record<number, Handler>> = {
  [MessageType.Sync]: handleSync,
  [MessageType.Awareness]: handleAwareness,
  [MessageType.QueryAwareness]: handleQueryAwareness,
  [MessageType.SavedRequest]: handleSavedRequest,
  [MessageType.Hello]: handleHello,
}

/** Decodes one binary frame and runs its handler; throws BadMessageError on anything malformed. */
export function handleMessage(room: DocumentRoom, connection: Connection, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message)
  let handler: Handler | undefined
  try {
    const type = decoding.readVarUint(decoder)
    handler = messageHandlers[type]
    if (!handler) throw new BadMessageError(`unknown message type ${type}`)
    handler(room, connection, decoder)
  } catch (error) {
    if (error instanceof BadMessageError) throw error
    // lib0 and Yjs throw plain Errors (or RangeErrors) on truncated input.
    throw new BadMessageError(handler ? 'malformed or truncated message' : 'empty or truncated message')
  }
}
