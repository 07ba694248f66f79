import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { testDatabase, testDatabaseKind, type TestDatabase } from '../testing/testDatabase.ts'
import { createStore } from './createStore.ts'
import type { KyselyStore } from './KyselyStore.ts'

/**
 * Two stores on one PostgreSQL schema stand for two server instances appending to the same
 * document log. (SQLite has one process per file: nothing to share there.)
 */
const postgres = testDatabaseKind() === 'postgres'
if (!postgres) console.info('compactShared.test.ts: PostgreSQL only (runs in the server-pg project)')

let dir: string
let database: TestDatabase
let a: KyselyStore
let b: KyselyStore

beforeEach(async () => {
  if (!postgres) return
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-compact-'))
  database = testDatabase(dir)
  a = await createStore({ databaseUrl: database.url, sqliteSynchronous: 'normal' })
  b = await createStore({ databaseUrl: database.url, sqliteSynchronous: 'normal' })
  await a.createDocument({ id: 'doc-shared-01', title: '共享日志' })
})
afterEach(async () => {
  if (!postgres) return
  await a.close()
  await b.close()
  await database.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** An update inserting `text` at the end of Y.Text 't' of `doc`. */
function edit(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | undefined
  const capture = (u: Uint8Array) => (update = u)
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  return update!
}

async function textOf(store: KyselyStore): Promise<string> {
  const doc = new Y.Doc()
  for (const update of (await store.loadUpdates('doc-shared-01')).updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe.skipIf(!postgres)('compaction of a log that several instances append to', () => {
  it('keeps rows another instance stored that this one never applied', async () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const [first] = await a.appendUpdates([{ docId: 'doc-shared-01', data: edit(docA, '甲一') }])
    const [fromB] = await b.appendUpdates([{ docId: 'doc-shared-01', data: edit(docB, '乙') }])
    const [last] = await a.appendUpdates([{ docId: 'doc-shared-01', data: edit(docA, '甲二') }])
    expect(first! < fromB! && fromB! < last!).toBe(true)
    // A compacts its own doc (without B's edit) through the last seq it knows.
    await a.compact('doc-shared-01', Y.encodeStateAsUpdate(docA), last!)
    const { updates, lastSeq } = await a.loadUpdates('doc-shared-01')
    expect(updates).toHaveLength(1)
    expect(lastSeq).toBe(last)
    const text = await textOf(b)
    expect(text).toContain('乙')
    expect(text.replace('乙', '')).toBe('甲一甲二')
  })

  it('skips while another instance holds the document’s compaction lock, and compacts after', async () => {
    const doc = new Y.Doc()
    const seqs = await a.appendUpdates(['一', '二', '三'].map((t) => ({ docId: 'doc-shared-01', data: edit(doc, t) })))
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const holder = b.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${0x646f63}, hashtext(${'doc-shared-01'}))`.execute(trx)
      locked()
      await released
    })
    await isLocked
    await a.compact('doc-shared-01', Y.encodeStateAsUpdate(doc), seqs.at(-1)!)
    expect((await a.loadUpdates('doc-shared-01')).updates).toHaveLength(3)
    release()
    await holder
    await a.compact('doc-shared-01', Y.encodeStateAsUpdate(doc), seqs.at(-1)!)
    expect((await a.loadUpdates('doc-shared-01')).updates).toHaveLength(1)
    expect(await textOf(a)).toBe('一二三')
  })

  it('two instances compacting and appending at once lose nothing', async () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    let lastA = 0
    let lastB = 0
    for (let round = 0; round < 10; round++) {
      const [seqA] = await a.appendUpdates([{ docId: 'doc-shared-01', data: edit(docA, `a${round} `) }])
      const [seqB] = await b.appendUpdates([{ docId: 'doc-shared-01', data: edit(docB, `b${round} `) }])
      lastA = seqA!
      lastB = seqB!
      await Promise.all([
        a.compact('doc-shared-01', Y.encodeStateAsUpdate(docA), lastA),
        b.compact('doc-shared-01', Y.encodeStateAsUpdate(docB), lastB),
        b.appendUpdates([{ docId: 'doc-shared-01', data: edit(docB, `c${round} `) }]),
      ])
    }
    const text = await textOf(a)
    for (let round = 0; round < 10; round++) for (const who of ['a', 'b', 'c']) expect(text).toContain(`${who}${round} `)
    expect(text.length).toBe(30 * 'a0 '.length)
  })
})
