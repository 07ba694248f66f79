import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { CloseCode, collabPath, documentId as documentIdSchema, type CollabEvent } from '@dongbi/schema'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import * as Y from 'yjs'
import type { DocumentSignal, Fanout, ServerSignal } from '../cluster/Fanout.ts'
import type { DocumentRecord, Store } from '../store/Store.ts'
import type { Authorization, CollabAuthorizer } from './CollabAuthorizer.ts'
import type { CollabExtension } from './CollabExtension.ts'
import { Connection } from './Connection.ts'
import { answerFromLog } from './answerFromLog.ts'
import { binaryFrame } from './binaryFrame.ts'
import { DocumentRoom, type ServerChangeResult } from './DocumentRoom.ts'
import { encodeEvent } from './encodeMessages.ts'
import { handleMessage } from './messageHandlers.ts'
import { UpdateWriter } from './UpdateWriter.ts'

export interface CollabServerOptions {
  store: Store
  /** Decides every upgrade and rechecks open sockets; see {@link CollabAuthorizer}. */
  authorizer: CollabAuthorizer
  maxMessageBytes: number
  maxDocumentBytes: number
  compactAfterUpdates: number
  unloadAfterMs: number
  /** Hooks run in this order (e.g. idle version checkpoints). */
  extensions?: CollabExtension[]
  /**
   * Other server instances sharing the store: their updates, awareness and events reach
   * this instance's sockets and this one's reach theirs. Absent with a single instance.
   */
  fanout?: Fanout
  log?: (message: string, error?: unknown) => void
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * Loading a document for a socket whose opening message (sync step 1, sent as soon as the
 * socket opens) has not arrived yet, the server waits this long for it before replaying the
 * log, so that a newcomer can still be answered from the log (`answerFromLog`): the wait is
 * about one round trip, the replay of a long document tens of ms of blocked process.
 */
const firstMessageWaitMs = 50

/** How long loading a document waits for the answer it sent from the log to leave (see `Connection.whenFlushed`). */
const answerFlushWaitMs = 100

const statusText = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' } as const

function destroySocket(this: Duplex): void {
  this.destroy()
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * The y-websocket endpoint: `ws://host/collab/<documentId>`. Owns the loaded documents,
 * loads them on first connection and unloads them after `unloadAfterMs` without one.
 */
export class CollabServer {
  private readonly wss: WebSocketServer
  private readonly writer: UpdateWriter
  private readonly rooms = new Map<string, Promise<DocumentRoom>>()
  private readonly loaded = new Map<string, DocumentRoom>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly log: (message: string, error?: unknown) => void
  private readonly changeHooks = new Set<Promise<void>>()
  private closing = false

  constructor(private readonly options: CollabServerOptions) {
    this.log = options.log ?? ((message, error) => console.error(`[collab] ${message}`, error ?? ''))
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false })
    this.writer = new UpdateWriter(options.store)
    const fanout = options.fanout
    if (fanout) {
      fanout.onServerSignal((signal) => this.receiveServerSignal(signal))
      fanout.onReconnect(() => {
        for (const room of this.loaded.values()) void room.catchUp() // logs its failures and tries again
      })
    }
  }

  private receiveServerSignal(signal: ServerSignal): void {
    if (signal.type === 'notify') this.notifyLocal(signal.userId, signal.event)
    else void this.recheckLocal(signal.filter)
  }

  /** Another instance's signal about a document this one has loaded. */
  private receiveDocumentSignal(room: DocumentRoom, signal: DocumentSignal): void {
    if (this.rooms.get(room.id) === undefined) return
    switch (signal.type) {
      case 'event':
        return this.broadcastLocal(room.id, encodeEvent(signal.event))
      case 'close':
        return room.closeAll(signal.code, signal.reason)
      case 'discard':
        return void this.discardLocal(room.id).catch((error) => this.log(`discarding ${room.id} failed`, error))
      default:
        return room.receiveSignal(signal)
    }
  }

  /** Number of documents in memory. */
  get loadedCount(): number {
    return this.loaded.size
  }

  /** The Node `upgrade` handler; answers 404 for paths outside {@link collabPath}. */
  handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // No closure here may capture `request`: this listener lives as long as the socket and
    // would keep the upgrade request (headers and all) alive with it.
    socket.on('error', destroySocket)
    let documentId: string
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost')
      const prefix = `${collabPath}/`
      if (!pathname.startsWith(prefix)) return rejectUpgrade(socket, 404, 'Not Found')
      documentId = decodeURIComponent(pathname.slice(prefix.length))
    } catch {
      return rejectUpgrade(socket, 400, 'Bad Request')
    }
    if (this.closing) return rejectUpgrade(socket, 503, 'Service Unavailable')
    void this.authorizeUpgrade(request, socket, head, documentId)
  }

  /**
   * No 101 until the authorizer says yes. The document is read once, here: the authorizer
   * decides on it and the connection knows from it whether to close with 4404.
   */
  private async authorizeUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, documentId: string): Promise<void> {
    let record: DocumentRecord | undefined
    let result: Awaited<ReturnType<CollabAuthorizer['authenticate']>>
    try {
      record = documentIdSchema.safeParse(documentId).success ? await this.options.store.getDocument(documentId) : undefined
      result = await this.options.authorizer.authenticate(request, record)
    } catch (error) {
      this.log(`authorizing a socket for ${documentId} failed`, error)
      return rejectUpgrade(socket, 500, 'Internal Server Error')
    }
    if ('status' in result) return rejectUpgrade(socket, result.status, statusText[result.status])
    if (socket.destroyed || this.closing) return void socket.destroy()
    // Read the address now: a closure over `request` would keep it alive with the socket.
    const address = request.socket.remoteAddress ?? ''
    const found = record !== undefined && !record.deletedAt
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      void this.handleConnection(ws, documentId, address, result, found)
    })
  }

  private async handleConnection(ws: WebSocket, documentId: string, address: string, authorization: Authorization, found: boolean): Promise<void> {
    const connection = new Connection(ws, documentId, address, authorization)
    let room: DocumentRoom | undefined
    const early: Uint8Array[] = []
    /** Wakes a loader waiting for this client's opening message (see `firstMessageWaitMs`). */
    let onEarly: (() => void) | null = null
    const receive = (message: Uint8Array): void => {
      try {
        handleMessage(room!, connection, message)
      } catch (error) {
        if (!(error instanceof Error && error.name === 'BadMessageError')) this.log(`document ${documentId}`, error)
        connection.fail(error)
      }
    }
    ws.on('error', (error) => this.log(`socket error on ${documentId}: ${error.message}`))
    ws.on('message', (data, isBinary) => {
      if (connection.closed) return
      if (!isBinary) return connection.close(CloseCode.UnsupportedData, 'binary frames only')
      // Copy when queueing: ws may reuse the buffer.
      if (room) return receive(toBytes(data))
      early.push(toBytes(data).slice())
      onEarly?.()
    })
    ws.on('close', () => {
      connection.closed = true
      if (room) {
        room.leave(connection)
        this.scheduleUnload(room)
      }
    })

    try {
      if (!found) return connection.close(CloseCode.DocumentNotFound, 'document not found')
      let answered = false
      let skipped = 0
      const loadedRoom = await this.getRoom(documentId, {
        onRead: async (rows) => {
          if (early.length === 0 && !connection.closed) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, firstMessageWaitMs)
              onEarly = () => {
                clearTimeout(timer)
                resolve()
              }
            })
            onEarly = null
          }
          answered = answerFromLog(connection, early, rows)
          // Replaying a long log blocks the process for tens of ms: let the answer leave first.
          if (answered) await connection.whenFlushed(answerFlushWaitMs)
        },
        onIntegrated: (count) => (skipped = count),
      })
      if (connection.closed) return this.scheduleUnload(loadedRoom)
      // The raw log held a row the server could not apply: start this client over on the usual path.
      if (answered && skipped > 0) return connection.close(CloseCode.InternalError, 'reload the document')
      room = loadedRoom
      this.cancelUnload(documentId)
      room.join(connection)
      for (const message of early.splice(0)) {
        if (connection.closed) break
        receive(message)
      }
    } catch (error) {
      this.log(`cannot open document ${documentId}`, error)
      connection.close(CloseCode.InternalError, 'internal error')
    }
  }

  /** Runs `beforeUnload` hooks once every update is durable, then unloads. */
  private async retire(room: DocumentRoom): Promise<void> {
    await room.whenWritten()
    await Promise.all(this.changeHooks)
    await this.runHooks('beforeUnload', room)
    await room.unload()
  }

  /** Runs one hook of every extension in order; failures are logged, never thrown. */
  private async runHooks(hook: 'onChange' | 'beforeUnload', room: DocumentRoom): Promise<void> {
    for (const extension of this.options.extensions ?? []) {
      try {
        if (hook === 'onChange') await extension.onChange?.(room.id, () => room.doc)
        else await extension.beforeUnload?.(room.id, room.doc)
      } catch (error) {
        this.log(`${hook} hook on ${room.id} failed`, error)
      }
    }
  }

  /** Runs the `onHello` hooks for a socket that just said Hello. */
  private async greet(connection: Connection): Promise<void> {
    const socket = {
      userId: connection.authorization.userId,
      documentId: connection.documentId,
      send: (event: CollabEvent) => connection.send(encodeEvent(event)),
    }
    for (const extension of this.options.extensions ?? []) {
      try {
        await extension.onHello?.(socket)
      } catch (error) {
        this.log(`onHello hook on ${connection.documentId} failed`, error)
      }
    }
  }

  /**
   * The loaded room of a document, loading it if needed. When this call loads it,
   * `onRead` sees the stored log before it is replayed (see `answerFromLog`).
   */
  private async getRoom(id: string, hooks: { onRead?: (rows: Uint8Array[]) => Promise<void>; onIntegrated?: (skipped: number) => void } = {}): Promise<DocumentRoom> {
    const existing = this.rooms.get(id)
    if (existing) return existing
    const pending = (async () => {
      await this.unloading.get(id)
      const fanout = this.options.fanout
      const room = new DocumentRoom(id, {
        store: this.options.store,
        writer: this.writer,
        maxDocumentBytes: this.options.maxDocumentBytes,
        compactAfterUpdates: this.options.compactAfterUpdates,
        onChanged: () => {
          // Tracked so that unloading and close() wait for them before the store closes.
          const run = this.runHooks('onChange', room).finally(() => this.changeHooks.delete(run))
          this.changeHooks.add(run)
        },
        onHello: (connection) => void this.greet(connection),
        publish: fanout && ((signal) => fanout.publish(id, signal)),
        log: this.log,
      })
      // Subscribe before reading the log: an update stored after the read is then heard of,
      // one stored before is in the log (the room holds signals until it has loaded).
      try {
        if (fanout) await fanout.subscribe(id, (signal) => this.receiveDocumentSignal(room, signal))
        const rows = await room.read()
        await hooks.onRead?.(rows)
        hooks.onIntegrated?.(room.integrate(rows))
      } catch (error) {
        fanout?.unsubscribe(id)
        throw error
      }
      this.loaded.set(id, room)
      return room
    })()
    this.rooms.set(id, pending)
    pending.catch(() => this.rooms.delete(id))
    return pending
  }

  private scheduleUnload(room: DocumentRoom): void {
    if (room.connections.size > 0 || this.closing) return
    this.cancelUnload(room.id)
    const timer = setTimeout(() => void this.unloadRoom(room), this.options.unloadAfterMs)
    timer.unref()
    this.unloadTimers.set(room.id, timer)
  }

  private cancelUnload(id: string): void {
    clearTimeout(this.unloadTimers.get(id))
    this.unloadTimers.delete(id)
  }

  private async unloadRoom(room: DocumentRoom): Promise<void> {
    this.unloadTimers.delete(room.id)
    if (room.connections.size > 0 || this.loaded.get(room.id) !== room) return
    this.rooms.delete(room.id)
    this.loaded.delete(room.id)
    this.options.fanout?.unsubscribe(room.id)
    const done = this.retire(room).catch((error) => this.log(`unloading ${room.id} failed`, error))
    this.unloading.set(room.id, done)
    await done
    if (this.unloading.get(room.id) === done) this.unloading.delete(room.id)
  }

  /**
   * The document's current content: the live doc when loaded, else a fresh one read from
   * the store. Either way only durable content (see {@link DocumentRoom}).
   */
  async readDocument(id: string): Promise<Y.Doc> {
    const room = this.loaded.get(id)
    if (room) return room.doc
    const doc = new Y.Doc()
    const { updates } = await this.options.store.loadUpdates(id)
    doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update)
        } catch (error) {
          this.log(`document ${id}: skipped a stored update that fails to apply`, error)
        }
      }
    })
    return doc
  }

  /**
   * Re-decides the access of open sockets — of one user, one document, or all — after a
   * share, role, session or account change: revoked ones close with 4403, lowered ones turn
   * read-only in place, raised ones reconnect (4409). Never rejects.
   */
  async recheck(filter: { userId?: string; documentId?: string } = {}): Promise<void> {
    this.options.fanout?.publishToAll({ type: 'recheck', filter })
    await this.recheckLocal(filter)
  }

  private async recheckLocal(filter: { userId?: string; documentId?: string }): Promise<void> {
    const work: Promise<void>[] = []
    for (const room of this.loaded.values()) {
      if (filter.documentId && room.id !== filter.documentId) continue
      for (const connection of room.connections) {
        if (filter.userId && connection.authorization.userId !== filter.userId) continue
        work.push(this.recheckConnection(room.id, connection))
      }
    }
    await Promise.all(work)
  }

  private async recheckConnection(documentId: string, connection: Connection): Promise<void> {
    try {
      const access = await this.options.authorizer.recheck(connection.authorization, documentId)
      if (!access) connection.close(CloseCode.AccessRevoked, 'access revoked')
      else if (access !== connection.authorization.access) connection.changeAccess(access)
    } catch (error) {
      this.log(`recheck of a socket on ${documentId} failed`, error)
    }
  }

  /** Sends a live event to every 动笔 client on a document (stock clients never see it). */
  broadcastEvent(documentId: string, event: CollabEvent): void {
    this.options.fanout?.publish(documentId, { type: 'event', event })
    this.broadcastLocal(documentId, encodeEvent(event))
  }

  private broadcastLocal(documentId: string, message: Uint8Array): void {
    const room = this.loaded.get(documentId)
    if (!room) return
    const frame = binaryFrame(message)
    for (const connection of room.connections) if (connection.acceptsEvents) connection.sendFrame(frame)
  }

  /** The users with a 动笔 socket open on a document: who {@link broadcastEvent} reaches. */
  listeners(documentId: string): string[] {
    const room = this.loaded.get(documentId)
    if (!room) return []
    return [...new Set([...room.connections].filter((c) => c.acceptsEvents && !c.closed).map((c) => c.authorization.userId))]
  }

  /** Sends a live event to one user's 动笔 sockets on one document, e.g. worded for them. */
  sendEvent(documentId: string, userId: string, event: CollabEvent): void {
    const room = this.loaded.get(documentId)
    if (!room) return
    const message = encodeEvent(event)
    for (const connection of room.connections) if (connection.acceptsEvents && connection.authorization.userId === userId) connection.send(message)
  }

  /**
   * Changes a document on the server, e.g. to restore a version: `change` edits a copy of
   * the current doc, and the resulting update is stored, applied and broadcast like any
   * client's, so every open editor follows. Loads the document if needed.
   */
  async changeDocument(id: string, change: (doc: Y.Doc) => void): Promise<ServerChangeResult> {
    const room = await this.getRoom(id)
    this.cancelUnload(id)
    try {
      return await room.applyServerChange(change)
    } finally {
      this.scheduleUnload(room)
    }
  }

  /**
   * Pushes an event to every open socket of `userId` that said `Hello` (so stock y-websocket
   * clients never see a message type they do not know). Answers how many sockets got it.
   */
  notifyUser(userId: string, event: CollabEvent): number {
    this.options.fanout?.publishToAll({ type: 'notify', userId, event })
    return this.notifyLocal(userId, event)
  }

  private notifyLocal(userId: string, event: CollabEvent): number {
    const message = encodeEvent(event)
    let sent = 0
    for (const room of this.loaded.values()) {
      for (const connection of room.connections) {
        if (connection.authorization.userId !== userId || !connection.acceptsEvents || connection.closed) continue
        connection.send(message)
        sent++
      }
    }
    return sent
  }

  /** Closes every socket of a document, e.g. when it is deleted. */
  closeDocument(id: string, code: number, reason: string): void {
    this.options.fanout?.publish(id, { type: 'close', code, reason })
    this.loaded.get(id)?.closeAll(code, reason)
  }

  /**
   * Closes a document's sockets and drops it from memory without compacting, once its
   * accepted updates are written: call before purging it, so that no later append or
   * compaction writes rows for a document that no longer exists.
   */
  async discardDocument(id: string): Promise<void> {
    this.options.fanout?.publish(id, { type: 'discard' })
    await this.discardLocal(id)
  }

  private async discardLocal(id: string): Promise<void> {
    this.cancelUnload(id)
    await this.unloading.get(id)
    const room = this.loaded.get(id)
    if (!room) return
    room.discard()
    room.closeAll(CloseCode.DocumentNotFound, 'document deleted')
    this.rooms.delete(id)
    this.loaded.delete(id)
    this.options.fanout?.unsubscribe(id)
    await room.whenWritten()
    room.awareness.destroy()
    room.doc.destroy()
  }

  /** Stops accepting sockets, closes the open ones, makes every update durable and compacts. */
  async close(): Promise<void> {
    this.closing = true
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    for (const room of this.loaded.values()) {
      room.closeAll(CloseCode.GoingAway, 'server shutting down')
      // What other instances change from now on is theirs to store; this one only flushes its own.
      this.options.fanout?.unsubscribe(room.id)
    }
    await this.writer.drain()
    await Promise.all([...this.loaded.values()].map((room) => this.retire(room)))
    await Promise.all(this.unloading.values())
    this.loaded.clear()
    this.rooms.clear()
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
  }
}
