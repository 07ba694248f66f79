import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WalCheckpointer } from './WalCheckpointer.ts'

let dir: string
let file: string
let sqlite: SqliteDatabase.Database
let checkpointer: WalCheckpointer | undefined

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-wal-'))
  file = path.join(dir, 'test.db')
  sqlite = new SqliteDatabase(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.exec('CREATE TABLE log (id INTEGER PRIMARY KEY, data BLOB NOT NULL)')
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
})

afterEach(() => {
  checkpointer?.close()
  checkpointer = undefined
  sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** One committed append of a page-sized row: it lands in the log, not in the database file. */
const page = Buffer.alloc(4096, 7)
function append(): void {
  sqlite.prepare('INSERT INTO log (data) VALUES (?)').run(page)
  checkpointer?.noteWrite()
}

/** The database file grows only when a checkpoint copies the log's new pages into it. */
const fileSize = () => fs.statSync(file).size

describe('WalCheckpointer', () => {
  it('never checkpoints inside a commit: the copy runs on the next turn after `afterWrites` appends', async () => {
    // Without it, SQLite copies the log inside the commit that takes it past 1,000 pages.
    const control = fileSize()
    for (let i = 0; i < 1_100; i++) append()
    expect(fileSize()).toBeGreaterThan(control)

    checkpointer = new WalCheckpointer(sqlite, { afterWrites: 1_100, intervalMs: 60_000 })
    const before = fileSize()
    for (let i = 0; i < 1_100; i++) append()
    expect(fileSize()).toBe(before)
    await nextTurn()
    expect(fileSize()).toBeGreaterThanOrEqual(before + 1_100 * 4096)
  })

  it('checkpoints writes below the count on its timer', async () => {
    checkpointer = new WalCheckpointer(sqlite, { afterWrites: 1_000, intervalMs: 20 })
    const before = fileSize()
    append()
    expect(fileSize()).toBe(before)
    await vi.waitFor(() => expect(fileSize()).toBeGreaterThan(before), { timeout: 2_000, interval: 10 })
  })

  it('leaves a transaction alone and stops when closed', async () => {
    checkpointer = new WalCheckpointer(sqlite, { afterWrites: 1, intervalMs: 60_000 })
    const before = fileSize()
    sqlite.exec('BEGIN')
    append()
    await nextTurn()
    sqlite.exec('COMMIT')
    expect(fileSize()).toBe(before)
    checkpointer.close()
    append()
    await nextTurn()
    expect(fileSize()).toBe(before)
  })
})
