import type { SearchQuery } from '@dongbi/schema'
import type { DocumentRecord } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'

/** One document that matched, before highlighting (see `presentSearchResult`). */
export interface SearchHit {
  record: DocumentRecord
  ownerName: string | null
  branchName: string | null
  /** The indexed body text, for building snippets. */
  body: string
  /** Higher is better; comparable within one search only. */
  score: number
}

export interface SearchPage {
  hits: SearchHit[]
  /** How many documents match in all (for paging). */
  total: number
}

/**
 * Full-text search over documents, behind one dialect-neutral interface: SQLite FTS5 now
 * ({@link SqliteSearchIndex}), PostgreSQL pg_trgm later. The index holds each document's body
 * text; titles, kinds, owners, dates and the trash are read from (or kept in step with) the
 * `documents` table by the implementation itself, so renames, trashing and purges never wait
 * for a reindex. Results contain only live documents `viewer` may read (`readableDocumentIds`).
 */
export interface SearchIndex {
  /** Stores a document's body text, extracted at `indexedAt` (ISO); a later edit makes it stale again. */
  setBody(documentId: string, text: string, indexedAt: string): Promise<void>
  /** Up to `limit` documents (live or trashed) whose text was never indexed or predates their last edit. */
  stale(limit: number): Promise<string[]>
  /** One page of matches for `query`, readable by `viewer`; never throws on odd query text. */
  search(viewer: UserRow, query: SearchQuery): Promise<SearchPage>
}
