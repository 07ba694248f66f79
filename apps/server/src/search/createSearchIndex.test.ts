import { searchQuery } from '@dongbi/schema'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../http/ApiError.ts'
import type { Database } from '../store/Database.ts'
import type { UserRow } from '../store/UserStore.ts'
import { createSearchIndex } from './createSearchIndex.ts'
import { SqliteSearchIndex } from './SqliteSearchIndex.ts'

describe('createSearchIndex', () => {
  it('uses FTS5 on SQLite', async () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) })
    expect(createSearchIndex(db)).toBeInstanceOf(SqliteSearchIndex)
    await db.destroy()
  })

  it('lets a PostgreSQL server run without an index, answering searches with 503 (never a silent empty result)', async () => {
    // The pool is never touched: nothing here may query the database.
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: {} as never }) })
    const index = createSearchIndex(db)
    await expect(index.setBody('doc', 'text', new Date().toISOString())).resolves.toBeUndefined()
    expect(await index.stale(10)).toEqual([])
    const error = await index.search({} as UserRow, searchQuery.parse({ q: '党建' })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(503)
  })
})
