import type { Kysely } from 'kysely'
import type { Database } from '../store/Database.ts'
import { dialectOf } from '../store/dialectOf.ts'
import { PostgresSearchIndex } from './PostgresSearchIndex.ts'
import type { SearchIndex } from './SearchIndex.ts'
import { SqliteSearchIndex } from './SqliteSearchIndex.ts'

/** The search index for the store's dialect: FTS5 with trigrams on SQLite, pg_trgm on PostgreSQL. */
export function createSearchIndex(db: Kysely<Database>): SearchIndex {
  return dialectOf(db) === 'sqlite' ? new SqliteSearchIndex(db) : new PostgresSearchIndex(db)
}
