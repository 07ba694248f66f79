import { PostgresAdapter, type Kysely } from 'kysely'

/** Which SQL dialect a Kysely instance speaks, for the few places where they differ. */
export function dialectOf(db: Kysely<any>): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
