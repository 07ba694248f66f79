import type { SearchQuery } from '@dongbi/schema'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../store/Database.ts'
import type { UserRow } from '../store/UserStore.ts'
import { documentConditions, toSearchHits, type HitRow } from './documentConditions.ts'
import type { SearchIndex, SearchPage } from './SearchIndex.ts'
import { searchTerms } from './searchTerms.ts'

interface PageRow extends HitRow {
  total: number
}

/** `%term%` for (I)LIKE, with LIKE's own wildcards and escape character taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * `text` folded to lower case when the term has Latin letters: folding a whole body costs
 * more than searching it, and Chinese has no case.
 */
function fold(text: RawBuilder<unknown>, term: string): RawBuilder<string> {
  return /[a-z]/i.test(term) ? sql<string>`lower(${text})` : sql<string>`${text}`
}

/**
 * The ids of documents whose title or body contains `term`. Three or more characters: LIKE
 * (ILIKE when the term has Latin letters), which pg_trgm's GIN indexes answer. Fewer: trigrams
 * cannot find them, and pg_trgm would read its whole index, slower than the text itself, so
 * strpos(), which keeps the planner off the index.
 */
function documentsContaining(term: string): RawBuilder<unknown> {
  if ([...term].length < 3) {
    return sql`SELECT id FROM documents WHERE strpos(${fold(sql`title`, term)}, ${key(term)}) > 0
      UNION SELECT doc_id FROM search_bodies WHERE strpos(${fold(sql`body`, term)}, ${key(term)}) > 0`
  }
  const like = /[a-z]/i.test(term) ? sql`ILIKE` : sql`LIKE`
  const pattern = containsPattern(term)
  return sql`SELECT id FROM documents WHERE title ${like} ${pattern} UNION SELECT doc_id FROM search_bodies WHERE body ${like} ${pattern}`
}

/** The term as {@link fold} compares it. */
function key(term: string): string {
  return /[a-z]/i.test(term) ? term.toLowerCase() : term
}

/**
 * {@link SearchIndex} on PostgreSQL (migration 010): bodies in `search_bodies`, titles straight
 * from `documents`; every term must be in one or the other (see {@link documentsContaining}). Ranking is the same for every term length: title hits first, then how often the
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
    const where = documentConditions(this.db, viewer, query)
    terms.forEach((_, i) => where.push(sql`d.id IN (SELECT id FROM ${sql.raw(`term${i}`)})`))
    const condition = sql.join(where, sql` AND `)
    // Each term's documents first, once (MATERIALIZED): left to itself the planner may rerun a
    // term's scan for every candidate row, which on long bodies costs seconds.
    const withTerms = sql`WITH ${sql.join(
      terms.map((term, i) => sql`${sql.raw(`term${i}`)} AS MATERIALIZED (${documentsContaining(term)})`),
      sql`, `,
    )}`
    const from = sql`documents d LEFT JOIN search_bodies s ON s.doc_id = d.id`

    const titleHits = sql.join(terms.map((t) => sql`(d.title ILIKE ${containsPattern(t)})::int`), sql` + `)
    const occurrences = sql.join(
      terms.map((t) => sql`(length(${fold(body, t)}) - length(replace(${fold(body, t)}, ${key(t)}, ''))) / ${[...t].length}`),
      sql` + `,
    )
    const score = sql<number>`(${titleHits}) * 1000 + least(${occurrences}, 999)`
    const order = query.sort === 'updated' ? sql`d.updated_at DESC` : sql`score DESC, d.updated_at DESC`

    const page = await sql<PageRow>`
      ${withTerms}
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
          : Number((await sql<{ total: number }>`${withTerms} SELECT count(*) AS total FROM ${from} WHERE ${condition}`.execute(this.db)).rows[0]?.total ?? 0)
    const bodies = new Map<string, string>()
    if (page.rows.length) {
      const result = await sql<{ doc_id: string; body: string }>`
        SELECT doc_id, body FROM search_bodies WHERE doc_id IN (${sql.join(page.rows.map((row) => row.id))})`.execute(this.db)
      for (const row of result.rows) bodies.set(row.doc_id, row.body)
    }
    return { hits: toSearchHits(page.rows, bodies), total }
  }
}
