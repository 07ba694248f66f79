/** A document's metadata row. */
export interface DocumentRecord {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

/** What a document's update log holds: replay `updates` in order to rebuild it. */
export interface StoredUpdates {
  updates: Uint8Array[]
  /** Sequence number of the last update, 0 when empty. */
  lastSeq: number
  /** Total stored bytes. */
  bytes: number
}

export interface AppendEntry {
  docId: string
  data: Uint8Array
}

/**
 * Persistence behind one small interface, implemented for SQLite now and PostgreSQL
 * later. Every method is async so both fit.
 */
export interface Store {
  createDocument(record: { id: string; title: string }): Promise<DocumentRecord>
  getDocument(id: string): Promise<DocumentRecord | undefined>
  listDocuments(options: { deleted: boolean }): Promise<DocumentRecord[]>
  updateDocument(id: string, changes: { title?: string; deletedAt?: string | null; touch?: boolean }): Promise<DocumentRecord | undefined>
  /** Removes a document and its update log for good. */
  purgeDocument(id: string): Promise<boolean>

  loadUpdates(docId: string): Promise<StoredUpdates>
  /** Appends updates of any documents in one transaction; resolves with each one's seq once durable. */
  appendUpdates(entries: AppendEntry[]): Promise<number[]>
  /** Replaces the log rows up to and including `throughSeq` by one row holding `state`. */
  compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void>

  close(): Promise<void>
}
