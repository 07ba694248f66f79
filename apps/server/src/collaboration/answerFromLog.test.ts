import { CloseCode } from '@dongbi/schema'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDocument, encodeSync, openRawSocket, startTestServer, syncStep1, syncStep2, syncUpdate, type RawSocket, type TestServer } from '../testing/index.ts'

let server: TestServer | undefined
const sockets: RawSocket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close()
  await server?.close()
  server = undefined
})

/** Two updates typed into a fresh doc, as a client would have sent them. */
function typedUpdates(): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  doc.getText('t').insert(0, '学习教育月')
  doc.getText('t').insert(5, '心得体会')
  return { updates, text: doc.getText('t').toString() }
}

/**
 * Holds the store's log reads until released, so a client's opening message is sure to have
 * arrived before the server has read the log (the order a real newcomer sees on a cold
 * document, where reading takes longer than the socket's first packet).
 */
function holdLogReads(target: TestServer): () => void {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const read = target.store.loadUpdates.bind(target.store)
  target.store.loadUpdates = async (id) => {
    await gate
    return read(id)
  }
  return release
}

async function openNewcomer(id: string): Promise<RawSocket> {
  const opened = await openRawSocket(server!.collabUrl, id, { token: server!.token })
  if (!opened.socket) throw new Error(`upgrade answered ${opened.status}`)
  sockets.push(opened.socket)
  opened.socket.send(encodeSync(syncStep1, new Uint8Array([0])))
  return opened.socket
}

/** The stored state of a typed doc: one row, as a document compacted at unload has. */
function storedState(): { state: Uint8Array; text: string } {
  const { updates, text } = typedUpdates()
  return { state: Y.mergeUpdates(updates), text }
}

describe('answering a newcomer from the stored log', () => {
  it('sends the stored row as it is, before the server replays it', async () => {
    server = await startTestServer()
    const { id } = await createDocument(server)
    const { state, text } = storedState()
    await server.store.appendUpdates([{ docId: id, data: state }])
    const release = holdLogReads(server)
    const socket = await openNewcomer(id)
    // No observable sign that the server has read the message: give the loopback packet a moment.
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()

    // Answered before the server's own opening move (step 1), which comes once it has replayed the log.
    const first = await socket.next((m) => m.type === 'sync')
    expect(first.type === 'sync' && first.step).toBe(syncStep2)
    expect(first.type === 'sync' && [...first.payload]).toEqual([...state])
    const doc = new Y.Doc()
    if (first.type === 'sync') Y.applyUpdate(doc, first.payload)
    expect(doc.getText('t').toString()).toBe(text)
    await socket.next((m) => m.type === 'sync' && m.step === syncStep1)
    await socket.roundTrip()
  })

  it('waits for an opening message that arrives after the log was read, and answers it from the log', async () => {
    server = await startTestServer()
    const { id } = await createDocument(server)
    const { state, text } = storedState()
    await server.store.appendUpdates([{ docId: id, data: state }])
    let readDone!: () => void
    const read = new Promise<void>((resolve) => (readDone = resolve))
    const loadUpdates = server.store.loadUpdates.bind(server.store)
    server.store.loadUpdates = async (docId) => {
      const result = await loadUpdates(docId)
      setImmediate(readDone)
      return result
    }
    const opened = await openRawSocket(server.collabUrl, id, { token: server.token })
    if (!opened.socket) throw new Error(`upgrade answered ${opened.status}`)
    sockets.push(opened.socket)
    await read
    // A client one 20 ms round trip away: its opening message comes well after the read.
    await new Promise((resolve) => setTimeout(resolve, 20))
    opened.socket.send(encodeSync(syncStep1, new Uint8Array([0])))

    const first = await opened.socket.next((m) => m.type === 'sync')
    expect(first.type === 'sync' && first.step).toBe(syncStep2)
    const doc = new Y.Doc()
    if (first.type === 'sync') Y.applyUpdate(doc, first.payload)
    expect(doc.getText('t').toString()).toBe(text)
    await opened.socket.roundTrip()
  })

  it('answers a log of several rows the usual way: step 2 carries everything, since a client is synced on it', async () => {
    server = await startTestServer()
    const { id } = await createDocument(server)
    const { updates, text } = typedUpdates()
    await server.store.appendUpdates(updates.map((data) => ({ docId: id, data })))
    const release = holdLogReads(server)
    const socket = await openNewcomer(id)
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    const step2 = await socket.next((m) => m.type === 'sync' && m.step === syncStep2)
    const doc = new Y.Doc()
    if (step2.type === 'sync') Y.applyUpdate(doc, step2.payload)
    expect(doc.getText('t').toString()).toBe(text)
  })

  it('starts the client over when the stored row cannot be applied, and the document still opens', async () => {
    server = await startTestServer()
    const { id } = await createDocument(server)
    await server.store.appendUpdates([{ docId: id, data: new Uint8Array([1, 2, 3, 250]) }])
    const release = holdLogReads(server)
    const first = await openNewcomer(id)
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    expect((await first.closed).code).toBe(CloseCode.InternalError)

    const second = await openNewcomer(id)
    await second.next((m) => m.type === 'sync' && m.step === syncStep2)
    await second.roundTrip()
  })
})
