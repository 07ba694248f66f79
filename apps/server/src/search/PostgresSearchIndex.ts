import type { DocumentKind, SearchQuery } from '@dongbi/schema'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import { readableDocumentIds } from '../policies/readableDocuments.ts'
import type { Database } from '../store/Database.ts'
import type { UserRow } from '../store/UserStore.ts'
import type { SearchHit, SearchIndex, SearchPage } from './SearchIndex.ts'
import { searchTerms } from './searchTerms.ts'

interface HitRow {
  id: string
  title: string
  created_at: string
  updated_at: string
  deleted_at: string | null
  owner_id: string | null
  branch_id: string | null
  kind: string
  template_id: string | null
  owner_name: string | null
  branch_name: string | null
  score: number
  total: number
}

/** `%term%` for ILIKE, with LIKE's own wildcards and escape character taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * {@link SearchIndex} on PostgreSQL (migration 010): bodies in `search_bodies`, titles straight
 * from `documents`, every term an `ILIKE '%…%'` condition on either — which pg_trgm's GIN
 * indexes answer from the index for terms of three or more characters (shorter ones scan, as
 * on SQLite). Ranking is the same for every term length: title hits first, then how often the
 * terms occur, then recency; Postgres has no bm25, and occurrences rank Chinese text well.
 */
export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async setBody(documentId: string, text: string, indexedAt: string): Promise<void> {
    await sql`
      INSERT INTO search_bodies (doc_id, body, indexed_at)
      SELECT ${documentId}, ${text}, ${indexedAt} WHERE EXISTS (SELECT 1 FROM documents WHERE id = ${documentId})
      ON CONFLICT (doc_id) DO UPDATE SET body = excluded.body, indexed_at = excluded.indexed_at`.execute(this.db)
  }

  async stale(limit: number): Promise<string[]> {
    const result = await sql<{ id: string }>`
      SELECT d.id FROM documents d LEFT JOIN search_bodies s ON s.doc_id = d.id
      WHERE s.indexed_at IS NULL OR s.indexed_at < d.updated_at
      ORDER BY d.updated_at DESC LIMIT ${limit}`.execute(this.db)
    return result.rows.map((r) => r.id)
  }

  async search(viewer: UserRow, query: SearchQuery): Promise<SearchPage> {
    const terms = searchTerms(query.q)
    if (terms.length === 0) return { hits: [], total: 0 }
    const body = sql`coalesce(s.body, '')`
    const where: RawBuilder<unknown>[] = [sql`d.deleted_at IS NULL`, sql`d.id IN ${readableDocumentIds(this.db, viewer)}`]
    // One subquery per term, each side answerable from its own trigram index (an OR across the
    // two joined tables is not).
    for (const term of terms) {
      const pattern = containsPattern(term)
      where.push(sql`d.id IN (SELECT id FROM documents WHERE title ILIKE ${pattern} UNION ALL SELECT doc_id FROM search_bodies WHERE body ILIKE ${pattern})`)
    }
    if (query.kind) where.push(sql`d.kind = ${query.kind}`)
    if (query.branchId) where.push(sql`d.branch_id = ${query.branchId}`)
    if (query.authorId) where.push(sql`d.owner_id = ${query.authorId}`)
    if (query.from) where.push(sql`d.updated_at >= ${new Date(query.from).toISOString()}`)
    if (query.to) where.push(sql`d.updated_at <= ${new Date(query.to).toISOString()}`)
    const condition = sql.join(where, sql` AND `)
    const from = sql`documents d LEFT JOIN search_bodies s ON s.doc_id = d.id`

    const titleHits = sql.join(terms.map((t) => sql`(d.title ILIKE ${containsPattern(t)})::int`), sql` + `)
    // Folding a whole body costs more than counting in it; Chinese has no case, so fold only for Latin letters.
    const folded = (t: string) => (/[a-z]/i.test(t) ? sql`lower(${body})` : body)
    const occurrences = sql.join(
      terms.map((t) => sql`(length(${folded(t)}) - length(replace(${folded(t)}, ${/[a-z]/i.test(t) ? t.toLowerCase() : t}, ''))) / ${[...t].length}`),
      sql` + `,
    )
    const score = sql<number>`(${titleHits}) * 1000 + least(${occurrences}, 999)`
    const order = query.sort === 'updated' ? sql`d.updated_at DESC` : sql`score DESC, d.updated_at DESC`

    const page = await sql<HitRow>`
      SELECT d.id, d.title, d.created_at, d.updated_at, d.deleted_at, d.owner_id, d.branch_id, d.kind, d.template_id,
             u.display_name AS owner_name, b.name AS branch_name, ${score} AS score, count(*) OVER () AS total
      FROM ${from}
      LEFT JOIN users u ON u.id = d.owner_id
      LEFT JOIN branches b ON b.id = d.branch_id
      WHERE ${condition}
      ORDER BY ${order}
      LIMIT ${query.limit} OFFSET ${query.offset}`.execute(this.db)
    // Past the last page there is no row to carry the window count.
    const total =
      page.rows[0] !== undefined
        ? Number(page.rows[0].total)
        : query.offset === 0
          ? 0
          : Number((await sql<{ total: number }>`SELECT count(*) AS total FROM ${from} WHERE ${condition}`.execute(this.db)).rows[0]?.total ?? 0)
    const bodies = new Map<string, string>()
    if (page.rows.length) {
      const result = await sql<{ doc_id: string; body: string }>`
        SELECT doc_id, body FROM search_bodies WHERE doc_id IN (${sql.join(page.rows.map((row) => row.id))})`.execute(this.db)
      for (const row of result.rows) bodies.set(row.doc_id, row.body)
    }
    const hits: SearchHit[] = page.rows.map((row) => ({
      record: {
        id: row.id,
        title: row.title,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        deletedAt: row.deleted_at,
        ownerId: row.owner_id,
        branchId: row.branch_id,
        kind: row.kind as DocumentKind,
        templateId: row.template_id,
      },
      ownerName: row.owner_name,
      branchName: row.branch_name,
      body: bodies.get(row.id) ?? '',
      score: Number(row.score),
    }))
    return { hits, total }
  }
}
