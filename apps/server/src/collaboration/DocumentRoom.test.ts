import * as decoding from 'lib0/decoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openTestStore, waitFor, type TestStore } from '../testing/index.ts'
import { DocumentRoom } from './DocumentRoom.ts'
import { UpdateWriter } from './UpdateWriter.ts'

let test: TestStore
let room: DocumentRoom
let changed: string[]
let logged: string[]

beforeEach(async () => {
  test = await openTestStore('room')
  await test.store.createDocument({ id: 'doc', title: '学习心得' })
  changed = []
  logged = []
  room = new DocumentRoom('doc', {
    store: test.store,
    writer: new UpdateWriter(test.store),
    maxDocumentBytes: 1 << 20,
    compactAfterUpdates: 3,
    // What the hooks would see when they run.
    onChanged: () => changed.push(room.doc.getText('t').toString()),
    log: (message: string) => logged.push(message),
  })
  room.integrate(await room.read())
})

afterEach(async () => {
  await room.unload()
  await test.close()
})

const write = (text: string) => room.applyServerChange((doc) => doc.getText('t').insert(doc.getText('t').length, text))

describe('DocumentRoom: durable updates are sent first and applied a few milliseconds later', () => {
  it('shows a sent update to whoever reads the doc before it is applied', async () => {
    await write('第一段')
    // Durable and sent; reading the doc applies it on the spot.
    expect(changed).toEqual([])
    expect(room.doc.getText('t').toString()).toBe('第一段')
    expect(room.syncStep2FrameFor(new Uint8Array([0])).byteLength).toBeGreaterThan(2)
  })

  it('answers a newcomer with the latest state even when an earlier answer is cached', async () => {
    await write('甲')
    const before = room.syncStep2FrameFor(new Uint8Array([0]))
    await write('乙')
    const after = room.syncStep2FrameFor(new Uint8Array([0]))
    expect(after).not.toBe(before)
    // A small frame: a 2-byte header, then [Sync, Step2, update].
    const decoder = decoding.createDecoder(after.subarray(2))
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
    expect(doc.getText('t').toString()).toBe('甲乙')
  })

  it('applies on its own, then runs the change hooks once for everything that arrived meanwhile', async () => {
    // Two changes made on copies of the same state: concurrent, so Yjs orders them by client id.
    await Promise.all([write('一'), write('二')])
    await expect.poll(() => changed.length, { interval: 1 }).toBe(1)
    expect([...changed[0]!].sort()).toEqual(['一', '二'].sort())
  })

  it('runs no hooks for a room whose document was deleted', async () => {
    await write('草稿')
    const before = changed.length
    room.discard()
    await room.whenWritten()
    expect(changed).toHaveLength(before)
    expect(room.doc.getText('t').toString()).toBe('草稿')
  })

  it('whenWritten settles at once: applied, hooks started, compaction begun when due', async () => {
    for (const text of ['春', '夏', '秋', '冬']) await write(text)
    await room.whenWritten()
    // The last hook has seen everything (slower stores settle in between too).
    expect(changed.at(-1)).toBe('春夏秋冬')
    await room.compact()
    const { updates } = await test.store.loadUpdates('doc')
    expect(updates).toHaveLength(1)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, updates[0]!)
    expect(reloaded.getText('t').toString()).toBe('春夏秋冬')
  })
})

describe('DocumentRoom: what other instances stored', () => {
  it('re-reads the log when it refuses an update another instance stored: it missed what the update builds on', async () => {
    // Two updates, the second following the first's text, stored by another instance.
    const first = new Y.Doc()
    first.clientID = 78
    first.getText('t').insert(0, '先')
    const second = new Y.Doc()
    second.clientID = 79
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
    const before = Y.encodeStateVector(second)
    second.getText('t').insert(1, '后')
    const updates = [Y.encodeStateAsUpdate(first), Y.encodeStateAsUpdate(second, before)]
    const seqs = await test.store.appendUpdates(updates.map((data) => ({ docId: 'doc', data })))
    // The signal of the first was lost.
    room.receiveSignal({ type: 'update', seq: seqs[1]!, data: updates[1]! })
    await waitFor(() => room.doc.getText('t').toString() === '先后', { message: 'the room to catch up from the log' })
    expect(logged.some((message) => message.includes('refused here (an item follows content the server does not have)'))).toBe(true)
    expect(room.doc.store.pendingStructs).toBeNull()
  })
})
