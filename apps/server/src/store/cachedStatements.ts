import type SqliteDatabase from 'better-sqlite3'
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely'

/** Distinct SQL texts kept prepared. The app issues a few hundred; a rare one past this is re-prepared. */
const defaultLimit = 500

/**
 * The database Kysely's SQLite dialect is given, with prepared statements kept by SQL text.
 * Kysely prepares every query it runs, and parsing costs better-sqlite3 about as much as
 * running a typical query here (≈ 27 of 70 µs for a lookup by id): every socket that opens
 * pays it a handful of times before its first sync. Parameters are bound per call, so a
 * statement can be reused by any later query with the same text; one still being iterated
 * (a streamed query) is never handed out again, a fresh one is prepared instead.
 */
export function cachedStatements(sqlite: SqliteDatabase.Database, { limit = defaultLimit }: { limit?: number } = {}): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = statements.get(sql)
      if (cached && !cached.busy) {
        // Re-inserted so that the map's order is least recently used first.
        statements.delete(sql)
        statements.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      if (!cached) {
        statements.set(sql, statement)
        if (statements.size > limit) statements.delete(statements.keys().next().value!)
      }
      return statement
    },
  }
}
