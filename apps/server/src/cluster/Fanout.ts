import type { CollabEvent } from '@dongbi/schema'

/** What one instance tells the others that have a document loaded. */
export type DocumentSignal =
  /** A Yjs update, already durable in the shared store under `seq`. */
  | { type: 'update'; seq: number; data: Uint8Array }
  /** An awareness update (already stamped with the sender's identity by its instance). */
  | { type: 'awareness'; data: Uint8Array }
  /** An instance just loaded the document: send it the awareness states of your sockets. */
  | { type: 'awareness-query' }
  /** A live event for 动笔's editors on the document (comments, review status…). */
  | { type: 'event'; event: CollabEvent }
  /** Close every socket of the document (it was deleted). */
  | { type: 'close'; code: number; reason: string }
  /** Drop the document from memory without compacting: it is about to be purged. */
  | { type: 'discard' }

/** What one instance tells every other. */
export type ServerSignal =
  | { type: 'notify'; userId: string; event: CollabEvent }
  | { type: 'recheck'; filter: { userId?: string; documentId?: string } }

/**
 * Carries signals between server instances that share one database. An instance hears only
 * the documents it subscribed to and never its own signals.
 */
export interface Fanout {
  /** Resolves once signals published from now on reach `onSignal`. */
  subscribe(documentId: string, onSignal: (signal: DocumentSignal) => void): Promise<void>
  unsubscribe(documentId: string): void
  publish(documentId: string, signal: DocumentSignal): void
  publishToAll(signal: ServerSignal): void
  /** Called for every other instance's {@link ServerSignal}. */
  onServerSignal(handler: (signal: ServerSignal) => void): void
  /** Called after the connection to the other instances was lost and came back: signals may have been missed. */
  onReconnect(handler: () => void): void
  close(): Promise<void>
}
