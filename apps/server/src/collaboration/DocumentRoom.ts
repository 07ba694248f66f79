import { CloseCode } from '@dongbi/schema'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Store } from '../store/Store.ts'
import { BadMessageError } from './BadMessageError.ts'
import type { Connection } from './Connection.ts'
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from './encodeMessages.ts'
import type { UpdateWriter } from './UpdateWriter.ts'

export interface DocumentRoomOptions {
  store: Store
  writer: UpdateWriter
  maxDocumentBytes: number
  compactAfterUpdates: number
  log: (message: string, error?: unknown) => void
}

interface Outgoing {
  update: Uint8Array
  origin: Connection | null
}

/**
 * One loaded document: its Y.Doc, awareness and sockets.
 *
 * An incoming update is stored first and applied to `doc` only once durable, so `doc` never
 * holds anything the store lacks: whatever a client receives from it — a live broadcast or a
 * sync-step-2 answer — survives a crash of the server.
 */
export class DocumentRoom {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  private lastSeq = 0
  private logCount = 0
  private storedBytes = 0
  private pendingWrites = 0
  private pendingBytes = 0
  private outgoing: Outgoing[] = []
  private compacting: Promise<void> | null = null
  private drainWaiters: (() => void)[] = []

  constructor(
    readonly id: string,
    private readonly options: DocumentRoomOptions,
  ) {
    this.awareness.setLocalState(null)
    this.doc.on('update', this.handleDocUpdate)
    this.awareness.on('update', this.handleAwarenessUpdate)
  }

  /** Replays the stored log. A row that fails to apply is logged and skipped, never fatal. */
  async load(): Promise<void> {
    const { updates, lastSeq, bytes } = await this.options.store.loadUpdates(this.id)
    this.doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(this.doc, update)
        } catch (error) {
          this.options.log(`document ${this.id}: skipped a stored update that fails to apply`, error)
        }
      }
    }, 'load')
    this.lastSeq = lastSeq
    this.logCount = updates.length
    this.storedBytes = bytes
  }

  /** Adds a socket and makes the server's opening move: sync step 1 and current awareness. */
  join(connection: Connection): void {
    this.connections.add(connection)
    connection.send(encodeSyncStep1(this.doc))
    const states = this.awareness.getStates()
    if (states.size > 0) connection.send(encodeAwareness(this.awareness, [...states.keys()]))
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null)
    }
  }

  /** Validates an update, hands it to the writer, and applies it once durable. */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    try {
      Y.decodeUpdate(update)
    } catch {
      throw new BadMessageError('update fails to decode')
    }
    if (this.storedBytes + update.byteLength > this.options.maxDocumentBytes) {
      connection.close(CloseCode.DocumentTooLarge, 'document too large')
      return
    }
    this.storedBytes += update.byteLength
    this.pendingBytes += update.byteLength
    this.pendingWrites++
    connection.writeQueued()
    // Copy: the frame's buffer is reused by ws once the handler returns.
    const data = update.slice()
    this.options.writer.write({ docId: this.id, data }, (error, seq) => {
      this.pendingWrites--
      this.pendingBytes -= data.byteLength
      if (error) {
        this.storedBytes -= data.byteLength
        this.options.log(`document ${this.id}: append failed`, error)
        connection.close(CloseCode.InternalError, 'storage failed')
      } else {
        this.lastSeq = seq
        this.logCount++
        try {
          Y.applyUpdate(this.doc, data, connection)
        } catch (applyError) {
          this.options.log(`document ${this.id}: stored update failed to apply`, applyError)
        }
        connection.writeDone()
      }
      if (this.pendingWrites === 0) this.drainWaiters.splice(0).forEach((resolve) => resolve())
    })
  }

  /** Called by the writer after each batch: broadcast what it made visible, compact if due. */
  endBatch(): void {
    this.broadcastOutgoing()
    if (this.logCount > this.options.compactAfterUpdates && !this.compacting) {
      void this.compact()
    }
  }

  /** Resolves when every accepted update is durable and applied. */
  whenWritten(): Promise<void> {
    if (this.pendingWrites === 0) return Promise.resolve()
    return new Promise((resolve) => this.drainWaiters.push(resolve))
  }

  /** Rewrites the log as one state row, by re-encoding the live doc (never `mergeUpdates`). */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      try {
        if (this.logCount <= 1) return
        const state = Y.encodeStateAsUpdate(this.doc)
        const throughSeq = this.lastSeq
        const countAtStart = this.logCount
        const durableBytesAtStart = this.storedBytes - this.pendingBytes
        await this.options.store.compact(this.id, state, throughSeq)
        // Rows added while compacting stay; everything up to throughSeq is now one row.
        this.logCount = this.logCount - countAtStart + 1
        this.storedBytes = state.byteLength + (this.storedBytes - durableBytesAtStart)
      } catch (error) {
        this.options.log(`document ${this.id}: compaction failed`, error)
      } finally {
        this.compacting = null
      }
    })()
    return this.compacting
  }

  /** Flushes, compacts and frees the document; the room is unusable afterwards. */
  async unload(): Promise<void> {
    await this.whenWritten()
    await this.compact()
    this.awareness.destroy()
    this.doc.destroy()
  }

  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason)
  }

  private handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === 'load') return
    this.outgoing.push({ update, origin: (origin as Connection | null) ?? null })
  }

  private handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const connection = origin as Connection | null
    if (connection && typeof connection === 'object' && 'awarenessClients' in connection) {
      for (const id of added) connection.awarenessClients.add(id)
      for (const id of removed) connection.awarenessClients.delete(id)
    }
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    const message = encodeAwareness(this.awareness, changed)
    for (const peer of this.connections) peer.send(message)
  }

  /**
   * Sends each socket the updates of the last batch it did not send itself: one merged
   * message for readers, a merge without its own updates for each writer. Each writer's
   * updates are merged once first and the per-writer merges combined, so leaving one
   * writer out re-merges a few compact updates, not the whole batch.
   */
  private broadcastOutgoing(): void {
    const outgoing = this.outgoing
    if (outgoing.length === 0) return
    this.outgoing = []
    if (outgoing.length === 1) {
      const { update, origin } = outgoing[0]!
      const message = encodeUpdate(update)
      for (const connection of this.connections) if (connection !== origin) connection.send(message)
      return
    }
    const byOrigin = new Map<Connection | null, Uint8Array[]>()
    for (const { update, origin } of outgoing) {
      const updates = byOrigin.get(origin)
      if (updates) updates.push(update)
      else byOrigin.set(origin, [update])
    }
    const byWriter = new Map<Connection | null, Uint8Array>()
    for (const [origin, updates] of byOrigin) byWriter.set(origin, mergeAll(updates))
    const toReaders = encodeUpdate(mergeAll([...byWriter.values()]))
    for (const connection of this.connections) {
      if (!byWriter.has(connection)) {
        connection.send(toReaders)
        continue
      }
      const others: Uint8Array[] = []
      for (const [origin, update] of byWriter) if (origin !== connection) others.push(update)
      if (others.length > 0) connection.send(encodeUpdate(mergeAll(others)))
    }
  }
}

function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
}
