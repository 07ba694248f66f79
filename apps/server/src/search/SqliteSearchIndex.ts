import type { SearchQuery } from '@dongbi/schema'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../store/Database.ts'
import type { UserRow } from '../store/UserStore.ts'
import { documentConditions, toSearchHits, type HitRow } from './documentConditions.ts'
import type { SearchIndex, SearchPage } from './SearchIndex.ts'
import { searchTerms } from './searchTerms.ts'

/** Trigrams need three characters (code points); shorter terms are matched by `instr`. */
function isLong(term: string): boolean {
  return [...term].length >= 3
}

/** SQLite's lower() folds ASCII only; fold the term the same way so `instr` agrees. */
function asciiLower(term: string): string {
  return term.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

/**
 * `column` folded like the term: lower() only when the term has ASCII letters, since folding
 * a whole body costs more than the search itself and Chinese has no case.
 */
function folded(column: 'title' | 'body', term: string): RawBuilder<string> {
  const ref = sql.ref(`search_fts.${column}`)
  return /[a-z]/.test(term) ? sql<string>`lower(${ref})` : sql<string>`${ref}`
}

/** A term as an FTS5 string (phrase): inside double quotes every operator is literal text. */
function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`
}

/**
 * {@link SearchIndex} on SQLite FTS5 with the trigram tokenizer (tables and triggers in
 * migration 009). Terms of three or more characters go through `MATCH` and rank by bm25
 * with title hits weighted ten times body hits; one- and two-character terms (党建, 学),
 * which trigrams cannot find, are `instr` conditions over the same indexed text, and a query
 * made only of them ranks by title hits, then number of occurrences, then recency.
 */
export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async setBody(documentId: string, text: string, indexedAt: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const entry = await sql<{ id: number; body: string | null }>`
        SELECT e.id, f.body FROM search_entries e LEFT JOIN search_fts f ON f.rowid = e.id WHERE e.doc_id = ${documentId}`.execute(trx)
      const row = entry.rows[0]
      if (!row) return // purged meanwhile
      if (row.body !== text) await sql`UPDATE search_fts SET body = ${text} WHERE rowid = ${row.id}`.execute(trx)
      await sql`UPDATE search_entries SET indexed_at = ${indexedAt} WHERE id = ${row.id}`.execute(trx)
    })
  }

  async stale(limit: number): Promise<string[]> {
    const result = await sql<{ doc_id: string }>`
      SELECT e.doc_id FROM search_entries e JOIN documents d ON d.id = e.doc_id
      WHERE e.indexed_at IS NULL OR e.indexed_at < d.updated_at
      ORDER BY d.updated_at DESC LIMIT ${limit}`.execute(this.db)
    return result.rows.map((r) => r.doc_id)
  }

  async search(viewer: UserRow, query: SearchQuery): Promise<SearchPage> {
    const terms = searchTerms(query.q)
    if (terms.length === 0) return { hits: [], total: 0 }
    const long = terms.filter(isLong)
    const short = terms.filter((t) => !isLong(t)).map(asciiLower)

    const where = documentConditions(this.db, viewer, query)
    if (long.length) where.push(sql`search_fts MATCH ${long.map(ftsPhrase).join(' AND ')}`)
    for (const term of short) {
      where.push(sql`(instr(${folded('title', term)}, ${term}) > 0 OR instr(${folded('body', term)}, ${term}) > 0)`)
    }
    // CROSS JOIN fixes the loop order: the full-text match drives, documents are looked up by id.
    // (Left to itself the planner may scan documents and run the MATCH once per row.)
    const from = sql`search_fts CROSS JOIN search_entries e ON e.id = search_fts.rowid CROSS JOIN documents d ON d.id = e.doc_id`
    const condition = sql.join(where, sql` AND `)

    let score: RawBuilder<number>
    if (long.length) {
      score = sql<number>`-bm25(search_fts, 10.0, 1.0)`
    } else {
      const titleHits = sql.join(short.map((t) => sql`(instr(${folded('title', t)}, ${t}) > 0)`), sql` + `)
      const occurrences = sql.join(
        short.map((t) => sql`(length(search_fts.body) - length(replace(${folded('body', t)}, ${t}, ''))) / ${[...t].length}`),
        sql` + `,
      )
      score = sql<number>`(${titleHits}) * 1000 + min(${occurrences}, 999)`
    }
    const order = query.sort === 'updated' ? sql`d.updated_at DESC` : sql`score DESC, d.updated_at DESC`

    // Rank without the bodies (a sorter carrying every match's text costs more than the
    // match itself), then read the bodies of this page only. (No `count(*) OVER ()`: bm25()
    // cannot run inside a window query.)
    const page = await sql<HitRow>`
      SELECT d.id, d.title, d.created_at, d.updated_at, d.deleted_at, d.owner_id, d.branch_id, d.kind, d.template_id,
             u.display_name AS owner_name, b.name AS branch_name, ${score} AS score
      FROM ${from}
      LEFT JOIN users u ON u.id = d.owner_id
      LEFT JOIN branches b ON b.id = d.branch_id
      WHERE ${condition}
      ORDER BY ${order}
      LIMIT ${query.limit} OFFSET ${query.offset}`.execute(this.db)
    const total =
      page.rows.length < query.limit && (page.rows.length > 0 || query.offset === 0)
        ? query.offset + page.rows.length
        : Number((await sql<{ total: number }>`SELECT count(*) AS total FROM ${from} WHERE ${condition}`.execute(this.db)).rows[0]?.total ?? 0)
    const bodies = new Map<string, string>()
    if (page.rows.length) {
      const ids = page.rows.map((row) => row.id)
      const result = await sql<{ doc_id: string; body: string | null }>`
        SELECT e.doc_id, search_fts.body FROM search_entries e JOIN search_fts ON search_fts.rowid = e.id
        WHERE e.doc_id IN (${sql.join(ids)})`.execute(this.db)
      for (const row of result.rows) bodies.set(row.doc_id, row.body ?? '')
    }
    return { hits: toSearchHits(page.rows, bodies), total }
  }
}
