import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { testDatabaseKind } from '../testing/testDatabase.ts'
import { openTestStore, type TestStore } from '../testing/openTestStore.ts'
import type { KyselyStore } from '../store/KyselyStore.ts'
import { UpdateWriter } from './UpdateWriter.ts'

const docId = 'doc-writer-0001'
let opened: TestStore
let store: KyselyStore

beforeEach(async () => {
  opened = await openTestStore('writer')
  store = opened.store
  await store.createDocument({ id: docId, title: '写入' })
})
afterEach(() => opened.close())

function update(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc.getText('t').toString()
}

describe('UpdateWriter', () => {
  it('stores a lone keystroke before write() returns on SQLite, and after a turn on PostgreSQL', async () => {
    const writer = new UpdateWriter(store)
    let seq = 0
    let lastOfDocument = false
    writer.write({ docId, data: update('一') }, (error, s, last) => {
      expect(error).toBeNull()
      seq = s
      lastOfDocument = last
    })
    if (testDatabaseKind() === 'sqlite') expect(seq).toBeGreaterThan(0)
    await writer.drain()
    expect(seq).toBeGreaterThan(0)
    expect(lastOfDocument).toBe(true)
    expect(textOf((await store.loadUpdates(docId)).updates)).toBe('一')
  })

  it('never joins a transaction another part of the server holds open, even one that rolls back', async () => {
    const writer = new UpdateWriter(store)
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let inside!: () => void
    const entered = new Promise<void>((resolve) => (inside = resolve))
    const transaction = store.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('documents').set({ title: '改了' }).where('id', '=', docId).execute()
        inside()
        await held
        throw new Error('roll back')
      })
      .catch((error: Error) => error.message)
    await entered
    let stored = false
    writer.write({ docId, data: update('二') }, (error) => {
      expect(error).toBeNull()
      stored = true
    })
    // Not appended inside the open transaction: it waits for the connection.
    expect(stored).toBe(false)
    release()
    expect(await transaction).toBe('roll back')
    await writer.drain()
    expect(stored).toBe(true)
    expect((await store.getDocument(docId))!.title).toBe('写入')
    expect(textOf((await store.loadUpdates(docId)).updates)).toBe('二')
  })

  it('keeps the order of writes that arrive while a flush is in flight', async () => {
    const order: number[] = []
    const writer = new UpdateWriter(store)
    const seqs: number[] = []
    const lasts: boolean[] = []
    for (let i = 0; i < 20; i++) {
      writer.write({ docId, data: update(String(i % 10)) }, (error, seq, lastOfDocument) => {
        expect(error).toBeNull()
        order.push(i)
        seqs.push(seq)
        lasts.push(lastOfDocument)
      })
      if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    await writer.drain()
    expect(order).toEqual([...Array(20).keys()])
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    // Writes of one turn are one batch: only the batch's last write of the document says so.
    expect(lasts.filter((last) => !last).length).toBeGreaterThan(0)
    expect(lasts.at(-1)).toBe(true)
  })
})
