import type { SearchQuery } from '@dongbi/schema'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { readableDocumentIds } from '../policies/readableDocuments.ts'
import type { Database } from '../store/Database.ts'
import type { DocumentRecordRow } from '../store/toDocumentRecord.ts'
import { toDocumentRecord } from '../store/toDocumentRecord.ts'
import type { UserRow } from '../store/UserStore.ts'
import type { SearchHit } from './SearchIndex.ts'

/**
 * The conditions on `documents d` every search index applies, whatever its text matching:
 * live, readable by `viewer`, and the query's filters. `from`/`to` compare as text against
 * `toISOString()` values, so they are normalised the same way.
 */
export function documentConditions(db: Kysely<Database>, viewer: UserRow, query: SearchQuery): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`d.deleted_at IS NULL`, sql`d.id IN ${readableDocumentIds(db, viewer)}`]
  if (query.kind) where.push(sql`d.kind = ${query.kind}`)
  if (query.branchId) where.push(sql`d.branch_id = ${query.branchId}`)
  if (query.authorId) where.push(sql`d.owner_id = ${query.authorId}`)
  if (query.from) where.push(sql`d.updated_at >= ${new Date(query.from).toISOString()}`)
  if (query.to) where.push(sql`d.updated_at <= ${new Date(query.to).toISOString()}`)
  return where
}

/** A ranked page row: the document's columns plus what a hit shows beside them. */
export interface HitRow extends DocumentRecordRow {
  owner_name: string | null
  branch_name: string | null
  score: number
}

/** The page's rows as hits, with the bodies read for that page only. */
export function toSearchHits(rows: HitRow[], bodies: Map<string, string>): SearchHit[] {
  return rows.map((row) => ({
    record: toDocumentRecord(row),
    ownerName: row.owner_name,
    branchName: row.branch_name,
    body: bodies.get(row.id) ?? '',
    score: Number(row.score),
  }))
}
