import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect, type Generated } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cachedStatements } from './cachedStatements.ts'

let dir: string
let sqlite: SqliteDatabase.Database

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-statements-'))
  sqlite = new SqliteDatabase(path.join(dir, 'test.db'))
  sqlite.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)')
  const insert = sqlite.prepare('INSERT INTO items (name) VALUES (?)')
  for (const name of ['甲', '乙', '丙']) insert.run(name)
})

afterEach(() => {
  if (sqlite.open) sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('cachedStatements', () => {
  it('hands out the same prepared statement for the same SQL, bound afresh on every call', () => {
    const database = cachedStatements(sqlite)
    const sql = 'SELECT name FROM items WHERE id = ?'
    const first = database.prepare(sql)
    expect(database.prepare(sql)).toBe(first)
    expect(first.all([1])).toEqual([{ name: '甲' }])
    expect(database.prepare(sql).all([3])).toEqual([{ name: '丙' }])
    expect(database.prepare('SELECT name FROM items WHERE id = ? ')).not.toBe(first)
  })

  it('never hands out a statement that is still being iterated', () => {
    const database = cachedStatements(sqlite)
    const sql = 'SELECT name FROM items ORDER BY id'
    const outer = database.prepare(sql)
    const names: string[] = []
    for (const row of outer.iterate([]) as Iterable<{ name: string }>) {
      const inner = database.prepare(sql)
      expect(inner).not.toBe(outer)
      names.push(`${row.name}${(inner.all([]) as unknown[]).length}`)
    }
    expect(names).toEqual(['甲3', '乙3', '丙3'])
    // Once the iteration is over the cached one is free again.
    expect(database.prepare(sql)).toBe(outer)
  })

  it('keeps at most `limit` statements, dropping the least recently used', () => {
    const database = cachedStatements(sqlite, { limit: 2 })
    const a = database.prepare('SELECT 1')
    const b = database.prepare('SELECT 2')
    expect(database.prepare('SELECT 1')).toBe(a) // now b is the least recently used
    database.prepare('SELECT 3')
    expect(database.prepare('SELECT 1')).toBe(a)
    expect(database.prepare('SELECT 2')).not.toBe(b)
  })

  it('serves Kysely, streamed queries included, and closes the database', async () => {
    const db = new Kysely<{ items: { id: Generated<number>; name: string } }>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) })
    const query = db.selectFrom('items').select('name').orderBy('id')
    const streamed: string[] = []
    const queued: Promise<{ name: string }[]>[] = []
    for await (const row of query.stream()) {
      streamed.push(row.name)
      // The same SQL while the stream holds the connection: Kysely runs it after the stream.
      queued.push(query.execute())
    }
    expect(streamed).toEqual(['甲', '乙', '丙'])
    for (const rows of await Promise.all(queued)) expect(rows.map((r) => r.name)).toEqual(['甲', '乙', '丙'])
    await db.insertInto('items').values({ name: '丁' }).execute()
    expect((await query.execute()).map((r) => r.name)).toEqual(['甲', '乙', '丙', '丁'])
    await db.destroy()
    expect(sqlite.open).toBe(false)
  })
})
