import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createStore } from '../createStore.ts'
import { migrationProvider } from './index.ts'

let dir: string
let file: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-rowid-'))
  file = path.join(dir, 'dongbi.db')
})

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A database as the release before this migration left it, with two documents' logs. */
async function olderDatabase(): Promise<void> {
  const sqlite = new SqliteDatabase(file)
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
  const all = await migrationProvider.getMigrations()
  const before = Object.fromEntries(Object.entries(all).filter(([name]) => name !== '011_doc_updates_rowid'))
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => before }, allowUnorderedMigrations: true }).migrateToLatest()
  expect(error).toBeUndefined()
  const now = new Date().toISOString()
  for (const id of ['a', 'b']) sqlite.prepare('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, id, now, now)
  const insert = sqlite.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)')
  for (let i = 1; i <= 6; i++) insert.run(i % 2 ? 'a' : 'b', Buffer.from([i]))
  // The highest seq handed out so far is 6; AUTOINCREMENT remembers it after the row is gone.
  sqlite.prepare('DELETE FROM doc_updates WHERE seq = 6').run()
  expect(tableSql(sqlite)).toMatch(/AUTOINCREMENT/i)
  await db.destroy()
}

function tableSql(sqlite: SqliteDatabase.Database): string {
  return (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates'").get() as { sql: string }).sql
}

describe('migration 011: doc_updates without AUTOINCREMENT (SQLite)', () => {
  it('keeps every row, seq and index, and the logs go on in order', async () => {
    await olderDatabase()
    const store = await createStore({ databaseUrl: `sqlite:${file}`, sqliteSynchronous: 'normal' })
    try {
      const a = await store.loadUpdates('a')
      const b = await store.loadUpdates('b')
      expect(a.updates.map((u) => [...u])).toEqual([[1], [3], [5]])
      expect(a.lastSeq).toBe(5)
      expect(b.updates.map((u) => [...u])).toEqual([[2], [4]])
      expect(b.lastSeq).toBe(4)
      // A plain rowid: the next seq follows the largest one still stored.
      const [seq] = await store.appendUpdates([{ docId: 'b', data: new Uint8Array([7]) }])
      expect(seq).toBe(6)
      expect((await store.loadUpdates('b')).lastSeq).toBe(6)
    } finally {
      await store.close()
    }
    const sqlite = new SqliteDatabase(file, { readonly: true })
    try {
      expect(tableSql(sqlite)).not.toMatch(/AUTOINCREMENT/i)
      expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'doc_updates'").pluck().all()).toContain('doc_updates_doc_seq')
      expect(sqlite.prepare("SELECT count(*) FROM sqlite_sequence WHERE name LIKE 'doc_updates%'").pluck().get()).toBe(0)
      expect(sqlite.pragma('foreign_key_check')).toEqual([])
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      sqlite.close()
    }
  })

  it('still cascades a purged document’s log, and runs again harmlessly', async () => {
    await olderDatabase()
    const first = await createStore({ databaseUrl: `sqlite:${file}`, sqliteSynchronous: 'normal' })
    await first.close()
    // As if the process died after the rebuild but before Kysely recorded the migration.
    const sqlite = new SqliteDatabase(file)
    sqlite.prepare("DELETE FROM kysely_migration WHERE name = '011_doc_updates_rowid'").run()
    sqlite.close()
    const store = await createStore({ databaseUrl: `sqlite:${file}`, sqliteSynchronous: 'normal' })
    try {
      expect((await store.loadUpdates('a')).updates).toHaveLength(3)
      await store.db.deleteFrom('documents').where('id', '=', 'a').execute()
      expect((await store.loadUpdates('a')).updates).toHaveLength(0)
      expect((await store.loadUpdates('b')).updates).toHaveLength(2)
    } finally {
      await store.close()
    }
  })
})
