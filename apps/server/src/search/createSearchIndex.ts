import type { Kysely } from 'kysely'
import type { Database } from '../store/Database.ts'
import { dialectOf } from '../store/dialectOf.ts'
import type { SearchIndex } from './SearchIndex.ts'
import { SqliteSearchIndex } from './SqliteSearchIndex.ts'

/** The search index for the store's dialect. */
export function createSearchIndex(db: Kysely<Database>): SearchIndex {
  if (dialectOf(db) === 'sqlite') return new SqliteSearchIndex(db)
  throw new Error('search on PostgreSQL needs its pg_trgm index (not built yet)')
}
