import { MessageType } from '@dongbi/schema'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { IndexeddbPersistence } from 'y-indexeddb'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { SyncState } from './SyncState.ts'

const pendingKey = 'dongbi.pending'

/**
 * Tells the truth about saving: counts local transactions and clears them only when the
 * server confirms they are durable. It asks with a `SavedRequest` after each local change
 * (and after every reconnect) and the server answers once everything sent before is stored.
 *
 * The count survives a reload through IndexedDB, where the unsynced edits themselves are kept.
 */
export class SyncTracker {
  private seq = 0
  private pendingSeqs: number[] = []
  /** Unconfirmed changes carried over from an earlier page load (kept in IndexedDB). */
  private inherited = 0
  private requestScheduled = false
  private last: SyncState | undefined

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly local: IndexeddbPersistence | null,
    private readonly onChange: (state: SyncState) => void,
  ) {
    provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) => this.handleSaved(decoding.readVarUint(decoder))
    doc.on('update', this.handleUpdate)
    provider.on('status', this.emit)
    provider.on('sync', this.handleSync)
    void local?.whenSynced.then(async () => {
      const stored = Number(await local.get(pendingKey))
      if (Number.isFinite(stored) && stored > 0 && this.seq === 0) {
        this.inherited = stored
        if (this.provider.synced) this.requestSaved()
        this.emit()
      }
    })
    this.emit()
  }

  get state(): SyncState {
    const pending = this.pendingSeqs.length + this.inherited
    const status = !this.provider.wsconnected ? 'offline' : !this.provider.synced || pending > 0 ? 'syncing' : 'saved'
    return { status, pending }
  }

  destroy(): void {
    this.doc.off('update', this.handleUpdate)
    this.provider.off('status', this.emit)
    this.provider.off('sync', this.handleSync)
  }

  private handleUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || origin === this.local) return
    this.pendingSeqs.push(++this.seq)
    this.persistPending()
    this.scheduleRequest()
    this.emit()
  }

  private handleSync = (synced: boolean): void => {
    // The provider answers the server's sync step 1 (sending our offline edits) before it
    // sees the server's step 2, so a request now covers everything made while offline.
    if (synced) this.requestSaved()
    this.emit()
  }

  private handleSaved(n: number): void {
    const before = this.pendingSeqs.length + this.inherited
    while (this.pendingSeqs.length > 0 && this.pendingSeqs[0]! <= n) this.pendingSeqs.shift()
    if (n >= this.seq) this.inherited = 0
    if (this.pendingSeqs.length + this.inherited !== before) this.persistPending()
    this.emit()
  }

  private scheduleRequest(): void {
    if (this.requestScheduled) return
    this.requestScheduled = true
    // After the provider has sent this turn's updates; one request covers them all.
    queueMicrotask(() => {
      this.requestScheduled = false
      this.requestSaved()
    })
  }

  private requestSaved(): void {
    const ws = this.provider.ws
    if (!ws || ws.readyState !== WebSocket.OPEN || !this.provider.synced) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.SavedRequest)
    encoding.writeVarUint(encoder, this.seq)
    ws.send(encoding.toUint8Array(encoder))
  }

  private persistPending(): void {
    void this.local?.set(pendingKey, this.pendingSeqs.length + this.inherited)
  }

  private emit = (): void => {
    const state = this.state
    if (this.last && this.last.status === state.status && this.last.pending === state.pending) return
    this.last = state
    this.onChange(state)
  }
}
