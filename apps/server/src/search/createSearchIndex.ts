import type { Kysely } from 'kysely'
import type { Database } from '../store/Database.ts'
import { dialectOf } from '../store/dialectOf.ts'
import type { SearchIndex } from './SearchIndex.ts'
import { SqliteSearchIndex } from './SqliteSearchIndex.ts'
import { UnavailableSearchIndex } from './UnavailableSearchIndex.ts'

/** The search index for the store's dialect; PostgreSQL's (pg_trgm) is still to be built. */
export function createSearchIndex(db: Kysely<Database>): SearchIndex {
  return dialectOf(db) === 'sqlite' ? new SqliteSearchIndex(db) : new UnavailableSearchIndex()
}
