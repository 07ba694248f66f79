import type { Generated } from 'kysely'

/** Table types for Kysely; one definition shared by every dialect. */
export interface Database {
  documents: DocumentsTable
  doc_updates: DocUpdatesTable
}

export interface DocumentsTable {
  id: string
  title: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/**
 * The append-only Yjs update log. After compaction a document has one row holding its
 * whole state, followed by the updates appended since.
 */
export interface DocUpdatesTable {
  seq: Generated<number>
  doc_id: string
  data: Uint8Array
}
