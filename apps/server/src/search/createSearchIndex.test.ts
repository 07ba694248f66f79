import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Database } from '../store/Database.ts'
import { createSearchIndex } from './createSearchIndex.ts'
import { PostgresSearchIndex } from './PostgresSearchIndex.ts'
import { SqliteSearchIndex } from './SqliteSearchIndex.ts'

describe('createSearchIndex', () => {
  it('uses FTS5 on SQLite', async () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) })
    expect(createSearchIndex(db)).toBeInstanceOf(SqliteSearchIndex)
    await db.destroy()
  })

  it('uses pg_trgm on PostgreSQL', async () => {
    // The pool is never touched: choosing the index must not query the database.
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: {} as never }) })
    expect(createSearchIndex(db)).toBeInstanceOf(PostgresSearchIndex)
  })
})
