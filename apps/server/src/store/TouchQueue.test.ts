import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createStore } from './createStore.ts'
import type { KyselyStore } from './KyselyStore.ts'

let dir: string
let file: string
let store: KyselyStore

const long = '2000-01-01T00:00:00.000Z'

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-touch-'))
  file = path.join(dir, 'dongbi.db')
  store = await open()
  for (const id of ['a', 'b', 'c']) {
    await store.createDocument({ id, title: id })
    await store.db.updateTable('documents').set({ updated_at: long }).where('id', '=', id).execute()
  }
})

afterEach(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const open = () => createStore({ databaseUrl: `sqlite:${file}`, sqliteSynchronous: 'normal' })
const updatedAt = async (id: string) => (await store.getDocument(id))!.updatedAt
const append = (docId: string) => store.appendUpdatesNow!([{ docId, data: new Uint8Array([1, 2, 3]) }])
/** Resolves once the touch of `id` is written (touches of one flush share a transaction). */
const touched = (id: string) => expect.poll(() => updatedAt(id), { interval: 2 }).not.toBe(long)

describe('TouchQueue (SQLite): updated_at follows an append a few milliseconds later', () => {
  it('keeps the touch out of the keystroke’s commit: two log pages per append, not three or four', () => {
    const other = new SqliteDatabase(file)
    try {
      other.pragma('wal_checkpoint(TRUNCATE)')
      const pageSize = other.pragma('page_size', { simple: true }) as number
      const appends = 50
      // Synchronous: no checkpoint and no touch can run in between.
      for (let i = 0; i < appends; i++) append(['a', 'b', 'c'][i % 3]!)
      const perAppend = fs.statSync(`${file}-wal`).size / appends
      // Each commit writes the log's row page and its (doc_id, seq) index page, 24-byte frame headers each.
      expect(perAppend).toBeLessThan(2.5 * (pageSize + 24))
    } finally {
      other.close()
    }
  })

  it('moves updated_at of every appended document, after the append', async () => {
    append('a')
    append('b')
    append('b')
    expect(await updatedAt('a')).toBe(long)
    await touched('a')
    await touched('b')
    for (const id of ['a', 'b']) expect(Date.now() - Date.parse(await updatedAt(id))).toBeLessThan(10_000)
    expect(await updatedAt('c')).toBe(long)
  })

  it('never moves updated_at back: a later change written first stays', async () => {
    append('a')
    append('b')
    const later = '2999-01-01T00:00:00.000Z'
    await store.db.updateTable('documents').set({ updated_at: later }).where('id', '=', 'a').execute()
    await touched('b')
    expect(await updatedAt('a')).toBe(later)
  })

  it('is written by close, and survives it', async () => {
    append('c')
    await store.close()
    store = await open()
    expect(await updatedAt('c')).not.toBe(long)
  })

  it('follows the batched append too', async () => {
    await store.appendUpdates([
      { docId: 'a', data: new Uint8Array([1]) },
      { docId: 'c', data: new Uint8Array([2]) },
    ])
    await touched('a')
    await touched('c')
    expect(await updatedAt('b')).toBe(long)
  })
})
