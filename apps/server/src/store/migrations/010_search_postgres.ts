import { sql, type Kysely, type Migration } from 'kysely'
import { dialectOf } from '../dialectOf.ts'

/**
 * The PostgreSQL search index (see `search/PostgresSearchIndex.ts`): each document's body text
 * in `search_bodies`, and pg_trgm GIN indexes on it and on `documents.title`, which make
 * `ILIKE '%词语%'` an index lookup for terms of three or more characters. Titles are read from
 * `documents` itself, and a purge removes the body by cascade, so nothing else needs keeping
 * in step. pg_trgm lives in the `public` schema, shared by every deployment schema of the
 * database; without it (no contrib package) search still works, by scanning.
 */
export const searchPostgres: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'postgres') return
    await db.schema
      .createTable('search_bodies')
      .addColumn('doc_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('indexed_at', 'text')
      .execute()
    // Deployments (and test schemas) migrating at once must not race to create the extension.
    await sql`SELECT pg_advisory_xact_lock(hashtext('dongbi:pg_trgm'))`.execute(db)
    const available = await sql<{ installed: boolean; available: boolean }>`
      SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed,
             EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS available`.execute(db)
    const { installed, available: canInstall } = available.rows[0]!
    if (!installed && !canInstall) return
    if (!installed) await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(db)
    const ops = sql.raw(`${await trgmSchema(db)}.gin_trgm_ops`)
    await sql`CREATE INDEX search_bodies_trgm ON search_bodies USING gin (body ${ops})`.execute(db)
    await sql`CREATE INDEX documents_title_trgm ON documents USING gin (title ${ops})`.execute(db)
  },
}

/** The schema pg_trgm was installed in (public, unless someone put it elsewhere). */
async function trgmSchema(db: Kysely<any>): Promise<string> {
  const result = await sql<{ nspname: string }>`
    SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`.execute(db)
  return `"${result.rows[0]!.nspname.replaceAll('"', '""')}"`
}
