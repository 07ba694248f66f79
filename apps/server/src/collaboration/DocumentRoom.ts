import { CloseCode } from '@dongbi/schema'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DocumentSignal } from '../cluster/Fanout.ts'
import type { Store } from '../store/Store.ts'
import { BadMessageError } from './BadMessageError.ts'
import { BodyGuard, type Placed } from './BodyGuard.ts'
import type { Connection } from './Connection.ts'
import { binaryFrame } from './binaryFrame.ts'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './encodeMessages.ts'
import { afterSendDelayMs } from './afterSendDelayMs.ts'
import type { UpdateWriter } from './UpdateWriter.ts'

export interface DocumentRoomOptions {
  store: Store
  writer: UpdateWriter
  maxDocumentBytes: number
  compactAfterUpdates: number
  /**
   * Called once the changes of one or more batches are applied to the doc, a few milliseconds
   * after they were sent (see {@link DocumentRoom.settle}): where the `onChange` hooks run.
   */
  onChanged?: () => void
  /** Called when a socket says `Hello` (it reads `Event` messages from now on). */
  onHello?: (connection: Connection) => void
  /** Tells the other server instances (see {@link Fanout}); absent with a single instance. */
  publish?: (signal: DocumentSignal) => void
  log: (message: string, error?: unknown) => void
}

/** Origin of changes that another server instance stored: applied and broadcast here, never stored or published again. */
const remoteOrigin = 'remote'

/** What became of a server-side change. */
export type ServerChangeResult = 'applied' | 'unchanged' | 'too_large'

interface Outgoing {
  update: Uint8Array
  origin: Connection | null
}

interface Durable extends Outgoing {
  done: (error: Error | null) => void
}

/**
 * One loaded document: its Y.Doc, awareness and sockets.
 *
 * An incoming update is stored first and applied to `doc` only once durable, so `doc` never
 * holds anything the store lacks: whatever a client receives from it — a live broadcast or a
 * sync-step-2 answer — survives a crash of the server.
 *
 * A durable update is sent to the other sockets at once and applied to the doc a few
 * milliseconds later, together with whatever else arrived meanwhile: reading `doc` applies
 * what is waiting first, so every reader sees every durable update. The keystroke's way to
 * its readers then holds nothing but storing and sending it.
 */
export class DocumentRoom {
  private readonly ydoc = new Y.Doc()
  /** Checks each update against the doc and what waits to be applied to it. */
  private readonly guard = new BodyGuard(this.ydoc)
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc)
  readonly connections = new Set<Connection>()
  private lastSeq = 0
  private logCount = 0
  private storedBytes = 0
  private pendingWrites = 0
  private pendingBytes = 0
  /** Updates other instances stored (or a catch-up found), to send to this instance's sockets together. */
  private fromElsewhere: Uint8Array[] = []
  /** The catch-up running, if one is; `catchUpAgain`: one more is due after it. */
  private catchingUp: Promise<void> | null = null
  private catchUpAgain = false
  /** Updates of the current batch that are durable, waiting for the batch's last one of this document. */
  private durable: Durable[] = []
  /** Accepted updates not durable yet (durable ones wait in {@link sent}). */
  private unapplied: Uint8Array[] = []
  private compacting: Promise<void> | null = null
  private drainWaiters: (() => void)[] = []
  /** Sync step 2 for a client that has nothing, framed, kept until the doc changes: newcomers share one encoding and one frame. */
  private wholeState: Buffer | null = null
  /** Durable updates already sent, waiting to be applied to `ydoc` (see {@link settle}). */
  private sent: Uint8Array[] = []
  private settleTimer: NodeJS.Timeout | null = null
  /** Unloaded, or its document deleted: no more compaction, no more hooks. */
  private retired = false
  /** Signals of other instances that arrived while loading, applied once loaded. */
  private early: DocumentSignal[] | null = []
  private remoteBroadcastScheduled = false

  constructor(
    readonly id: string,
    private readonly options: DocumentRoomOptions,
  ) {
    this.awareness.setLocalState(null)
    this.ydoc.on('afterTransaction', this.handleDocChange)
    this.awareness.on('update', this.handleAwarenessUpdate)
  }

  /** The durable document, with every update sent so far applied. */
  get doc(): Y.Doc {
    this.applySent()
    return this.ydoc
  }

  /** Reads the stored log without applying it (see `answerFromLog`). */
  async read(): Promise<Uint8Array[]> {
    const { updates, lastSeq, bytes } = await this.options.store.loadUpdates(this.id)
    this.lastSeq = lastSeq
    this.logCount = updates.length
    this.storedBytes = bytes
    return updates
  }

  /** Applies what {@link read} returned. A row that fails to apply is logged and skipped, never fatal; answers how many were. */
  integrate(updates: Uint8Array[]): number {
    let skipped = 0
    this.ydoc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(this.ydoc, update)
        } catch (error) {
          skipped++
          this.options.log(`document ${this.id}: skipped a stored update that fails to apply`, error)
        }
      }
    })
    this.guard.noteHeldBack()
    const early = this.early ?? []
    this.early = null
    for (const signal of early) this.receiveSignal(signal)
    if (this.options.publish) this.options.publish({ type: 'awareness-query' })
    return skipped
  }

  /** Sync step 2 answering `stateVector` (what that client is missing), as a frame for {@link Connection.sendFrame}. */
  syncStep2FrameFor(stateVector: Uint8Array): Buffer {
    const doc = this.doc // applies what waits, which drops a stale cached answer
    const empty = stateVector.length === 1 && stateVector[0] === 0
    if (empty && this.wholeState) return this.wholeState
    const frame = binaryFrame(encodeSyncStep2(doc, stateVector))
    if (empty) this.wholeState = frame
    return frame
  }

  /**
   * A signal of another server instance (only those about the doc and its awareness). Updates
   * are durable already: they are applied and sent to this instance's sockets as stored (as
   * the guard trims them), never stored again; Yjs ignores one this doc already holds (e.g.
   * from the log it loaded). Sent as stored, not as what the doc took in: that leaves out what
   * Yjs holds back for a gap, which the sockets would then never get.
   */
  receiveSignal(signal: DocumentSignal): void {
    if (this.early) {
      this.early.push(signal)
      return
    }
    if (signal.type === 'update') {
      // Always applied, even with a seq at or below one this instance saw: sequence numbers are
      // handed out before commit, so a lower one can become visible later.
      this.lastSeq = Math.max(this.lastSeq, signal.seq)
      this.storedBytes += signal.data.byteLength
      const data = this.guard.note(signal.data)
      if (typeof data === 'string') {
        // The instance that stored it had what it builds on; this one missed a signal. The
        // log has both: re-read it rather than apply the update out of its context.
        this.options.log(`document ${this.id}: an update from another instance is refused here (${data}); catching up`)
        return void this.catchUp()
      }
      try {
        Y.applyUpdate(this.doc, data, remoteOrigin)
        this.fromElsewhere.push(data)
      } catch (error) {
        this.options.log(`document ${this.id}: an update from another instance failed to apply`, error)
      }
      this.guard.applied(this.unapplied.length === 0)
      this.scheduleRemoteBroadcast()
    } else if (signal.type === 'awareness') {
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, signal.data, remoteOrigin)
      } catch (error) {
        this.options.log(`document ${this.id}: bad awareness update from another instance`, error)
      }
    } else if (signal.type === 'awareness-query') {
      const local = [...this.connections].flatMap((connection) => [...connection.awarenessClients])
      if (local.length > 0) this.options.publish?.({ type: 'awareness', data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, local) })
    }
  }

  /**
   * Re-reads the log after signals may have been lost (the link to the other instances
   * dropped, or this guard could not place a signal's update) and applies what this doc
   * lacks. One at a time: asked while one runs, one more runs after it. After a failure (the
   * database unreachable) another runs a second later. Resolves, never rejects, when the
   * catch-ups asked for so far have run or one failed (failures are logged).
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true
      return this.catchingUp
    }
    this.catchingUp = (async () => {
      try {
        do {
          this.catchUpAgain = false
          try {
            await this.readLog()
          } catch (error) {
            this.options.log(`document ${this.id}: catching up failed`, error)
            setTimeout(() => this.retired || void this.catchUp(), 1000).unref()
            return
          }
        } while (this.catchUpAgain && !this.retired)
      } finally {
        this.catchingUp = null
      }
    })()
    return this.catchingUp
  }

  /**
   * {@link catchUp}'s reading. Like the load, it applies stored rows as they are (each
   * instance checked what it stored); the guard then learns what the doc holds back.
   */
  private async readLog(): Promise<void> {
    const { updates, lastSeq } = await this.options.store.loadUpdates(this.id)
    if (this.retired) return // unloaded meanwhile: its doc is gone
    const doc = this.doc
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update)
        } catch {
          // Skipped at load too.
        }
      }
    }, remoteOrigin)
    this.guard.applied(this.unapplied.length === 0)
    this.guard.noteHeldBack()
    this.lastSeq = Math.max(this.lastSeq, lastSeq)
    // What the doc took in, deletions included, and what it holds back (encodeStateAsUpdate
    // brings all of them). Sent whenever the log had rows: a catch-up is rare, and comparing
    // held-back structs and deletions would cost as much as sending them.
    if (updates.length > 0) this.fromElsewhere.push(Y.encodeStateAsUpdate(doc, before))
    this.scheduleRemoteBroadcast()
  }

  /** Remote updates arriving together go out as one merged message per socket. */
  private scheduleRemoteBroadcast(): void {
    if (this.remoteBroadcastScheduled) return
    this.remoteBroadcastScheduled = true
    setImmediate(() => {
      this.remoteBroadcastScheduled = false
      this.broadcastFromElsewhere()
    })
  }

  /** Adds a socket and makes the server's opening move: sync step 1 and current awareness. */
  join(connection: Connection): void {
    this.connections.add(connection)
    if (!connection.canEdit) connection.tellReadOnly()
    connection.send(encodeSyncStep1(this.doc))
    const states = this.awareness.getStates()
    if (states.size > 0) connection.send(encodeAwareness(this.awareness, [...states.keys()]))
  }

  /** The socket that announced an awareness client id, if any. */
  awarenessOwner(clientId: number): Connection | undefined {
    for (const connection of this.connections) if (connection.awarenessClients.has(clientId)) return connection
    return undefined
  }

  /** A socket said `Hello`: send it events from now on, and let the hooks greet it. */
  hello(connection: Connection): void {
    connection.acceptsEvents = true
    this.options.onHello?.(connection)
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null)
    }
  }

  /** Validates an update, hands it to the writer, and applies it once durable. */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    const placed = this.guard.check(update)
    if (typeof placed === 'string') throw new BadMessageError(placed)
    // Copy: the frame's buffer is reused by ws once the handler returns.
    const data = placed.trimmed ?? update.slice()
    // `[0, 0]`: no structs, no deletions — what every up-to-date client answers to sync step 1.
    if (data.byteLength === 2 && data[0] === 0 && data[1] === 0) return
    if (this.storedBytes + data.byteLength > this.options.maxDocumentBytes) {
      connection.close(CloseCode.DocumentTooLarge, 'document too large')
      return
    }
    connection.writeQueued()
    this.write(data, placed, connection, (error) => {
      if (error) connection.close(CloseCode.InternalError, 'storage failed')
      else connection.writeDone()
    })
  }

  /**
   * Applies a change made on the server (a version restore) exactly like a client's update:
   * made on a copy of the durable doc, stored, then broadcast to every socket (and applied, see
   * {@link settle}). Resolves once it is durable and sent; `doc` holds it from then on.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<ServerChangeResult> {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    const updates: Uint8Array[] = []
    copy.on('update', (update: Uint8Array) => updates.push(update))
    try {
      change(copy)
    } finally {
      copy.destroy()
    }
    if (updates.length === 0) return Promise.resolve('unchanged')
    const data = mergeAll(updates)
    if (this.storedBytes + data.byteLength > this.options.maxDocumentBytes) return Promise.resolve('too_large')
    const placed = this.guard.check(data)
    if (typeof placed === 'string') return Promise.reject(new Error(`server change refused: ${placed}`))
    return new Promise((resolve, reject) => {
      this.write(placed.trimmed ?? data, placed, null, (error) => (error ? reject(error) : resolve('applied')))
    })
  }

  /**
   * Hands an update to the writer. Once the batch's updates of this document are durable they
   * are sent as they came (validated and stored: what clients apply is exactly what the log
   * holds) and applied to `doc` later (see {@link settle}).
   */
  private write(data: Uint8Array, placed: Placed, origin: Connection | null, done: (error: Error | null) => void): void {
    this.guard.remember(placed)
    this.storedBytes += data.byteLength
    this.pendingBytes += data.byteLength
    this.pendingWrites++
    this.unapplied.push(data)
    this.options.writer.write({ docId: this.id, data }, (error, seq, lastOfDocument) => {
      if (error) {
        this.guard.forget(placed)
        this.release(data)
        this.storedBytes -= data.byteLength
        this.options.log(`document ${this.id}: append failed`, error)
        done(error)
        this.notifyIfDrained()
        return
      }
      this.lastSeq = Math.max(this.lastSeq, seq)
      this.logCount++
      // Durable first, then the other instances hear of it: what they show survives a crash.
      this.options.publish?.({ type: 'update', seq, data })
      this.durable.push({ update: data, origin, done })
      if (lastOfDocument) this.settle()
    })
  }

  /**
   * Sends the durable updates of the batch and tells their writers; applying them to the doc,
   * compaction and the `onChanged` hooks wait {@link afterSendDelayMs}. That work would otherwise
   * run while the readers take the keystroke in, and on a machine they share with the server
   * (every benchmark, a small deployment) it would hold them up.
   */
  private settle(): void {
    const durable = this.durable
    this.durable = []
    this.broadcast(durable)
    for (const { update } of durable) {
      this.release(update)
      this.sent.push(update)
    }
    for (const { done } of durable) done(null)
    this.notifyIfDrained()
    if (!this.retired) this.settleTimer ??= setTimeout(() => this.settleNow(), afterSendDelayMs)
  }

  /** Does the waiting part of {@link settle} now: apply, compact if due, run the hooks. */
  private settleNow(): void {
    if (!this.settleTimer) return
    clearTimeout(this.settleTimer)
    this.settleTimer = null
    this.applySent()
    if (this.retired) return
    if (this.logCount > this.options.compactAfterUpdates && !this.compacting) void this.compact()
    this.options.onChanged?.()
  }

  /** The room is done (its document deleted, or unloaded): what is left to settle is applied, never compacted or hooked. */
  discard(): void {
    this.retired = true
  }

  private applySent(): void {
    if (this.sent.length === 0) return
    const sent = this.sent
    this.sent = []
    this.ydoc.transact(() => {
      for (const update of sent) {
        try {
          Y.applyUpdate(this.ydoc, update)
        } catch (applyError) {
          this.options.log(`document ${this.id}: stored update failed to apply`, applyError)
        }
      }
    })
    this.guard.applied(this.unapplied.length === 0)
  }

  /** A write is over, stored or failed: it no longer counts as pending. */
  private release(data: Uint8Array): void {
    this.pendingWrites--
    this.pendingBytes -= data.byteLength
    this.unapplied.splice(this.unapplied.indexOf(data), 1)
  }

  private notifyIfDrained(): void {
    if (this.pendingWrites === 0) this.drainWaiters.splice(0).forEach((resolve) => resolve())
  }

  /** A scratch copy of the document with every accepted update, durable (and sent) or not, applied. */
  currentCopy(): Y.Doc {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    for (const update of this.unapplied) Y.applyUpdate(copy, update)
    return copy
  }

  /** Resolves when every accepted update is durable and applied, and the hooks of every change have started. */
  async whenWritten(): Promise<void> {
    if (this.pendingWrites > 0) await new Promise<void>((resolve) => this.drainWaiters.push(resolve))
    this.settleNow()
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
    this.discard()
    this.awareness.destroy()
    this.doc.destroy()
  }

  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason)
  }

  /**
   * The doc may have changed, or held something back: the cached answer for newcomers is
   * stale. (No 'update' listener: Yjs would encode an update per transaction for it, and one
   * that Yjs holds back whole changes no state and fires none. What sockets get is sent as
   * stored, never taken from the doc.)
   */
  private handleDocChange = (): void => {
    this.wholeState = null
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
    const frame = binaryFrame(encodeAwareness(this.awareness, changed))
    for (const peer of this.connections) peer.sendFrame(frame)
    if (origin !== remoteOrigin && this.options.publish) {
      this.options.publish({ type: 'awareness', data: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed) })
    }
  }

  /** Sends on what other instances stored and this one has just applied. */
  private broadcastFromElsewhere(): void {
    const updates = this.fromElsewhere
    this.fromElsewhere = []
    this.broadcast(updates.map((update) => ({ update, origin: null })))
  }

  /**
   * Sends updates as one framed message. Updates from one socket go to every other socket;
   * from several, to every socket, writers included, as @y/websocket-server does with every
   * update: Yjs skips what a doc already holds, and one merge and one frame for all beats a
   * merge without its own updates for each writer.
   */
  private broadcast(updates: Outgoing[]): void {
    if (updates.length === 0) return
    const byOrigin = new Map<Connection | null, Uint8Array[]>()
    for (const { update, origin } of updates) {
      const list = byOrigin.get(origin)
      if (list) list.push(update)
      else byOrigin.set(origin, [update])
    }
    // The one socket the updates came from, if they all came from one.
    const soleOrigin = byOrigin.size === 1 ? updates[0]!.origin : undefined
    const frame = binaryFrame(encodeUpdate(mergeAll([...byOrigin.values()].map(mergeAll))))
    for (const connection of this.connections) if (connection !== soleOrigin) connection.sendFrame(frame)
  }
}

function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
}
