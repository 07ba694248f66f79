import { CloseCode, MessageType } from '@dongbi/schema'
import * as encoding from 'lib0/encoding'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  contentOf,
  createDocument,
  frames,
  nextClose,
  rawSocket,
  saved,
  startTestServer,
  storedDoc,
  synced,
  waitFor,
  within,
  yClient,
  type BareSocket,
  type TestServer,
  type YClient,
} from '../testing/index.ts'
import { handMadeString } from '../testing/handMadeString.ts'

const maxMessageBytes = 8 * 1024
const maxDocumentBytes = 4 * 1024

let server: TestServer
/** How many errors the server had logged when the current test began. */
let errorsBefore = 0
const clients: YClient[] = []
const sockets: BareSocket[] = []

beforeAll(async () => {
  server = await startTestServer({ maxMessageBytes, maxDocumentBytes })
})
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
  for (const socket of sockets.splice(0)) socket.close()
})
afterAll(async () => {
  await server?.close()
})

function connect(id: string): YClient {
  const client = yClient(server.collabUrl, id, { token: server.token })
  clients.push(client)
  return client
}

function raw(path: string): BareSocket {
  const socket = rawSocket(server.collabUrl, path, server.token)
  sockets.push(socket)
  return socket
}

/** A valid update inserting `text` into Y.Text 't', from its own client. */
function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** An update written by `write` on a fresh doc. */
function bodyUpdate(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  write(doc)
  return Y.encodeStateAsUpdate(doc)
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.byteLength
  }
  return out
}

/** An awareness update whose state is not JSON. */
function awarenessWithBadJson(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // one client
  encoding.writeVarUint(encoder, 1234) // client id
  encoding.writeVarUint(encoder, 1) // clock
  encoding.writeVarString(encoder, '{"user": oops')
  return frames.awareness(encoding.toUint8Array(encoder))
}

/** A document with content written by a healthy client that stays connected. */
async function healthyDocument() {
  errorsBefore = server.errors.length
  const { id } = await createDocument(server)
  const healthy = connect(id)
  await synced(healthy)
  healthy.doc.getText('t').insert(0, '原有内容')
  await saved(healthy)
  const before = contentOf(await storedDoc(server.store, id))
  expect(before.text).toBe('原有内容')
  return { id, healthy, before }
}

/**
 * After a bad socket closed: the stored content is what it was, the healthy client on the
 * same document still exchanges edits with a newcomer, another document still works, and
 * the server logged no internal error.
 */
async function expectUnharmed(
  id: string,
  healthy: YClient,
  before: { text: string; xml: string },
  { expectedLog }: { expectedLog?: RegExp } = {},
): Promise<void> {
  expect(contentOf(await storedDoc(server.store, id)), 'stored content after the bad message').toEqual(before)

  const newcomer = connect(id)
  await synced(newcomer)
  expect(newcomer.text()).toBe(before.text)
  newcomer.doc.getText('t').insert(newcomer.text().length, '+新')
  await waitFor(() => healthy.text() === `${before.text}+新`, { message: 'the healthy client to receive an edit' })
  healthy.doc.getText('t').insert(0, '旧+')
  await waitFor(() => newcomer.text() === `旧+${before.text}+新`, { message: 'the newcomer to receive an edit' })
  await saved(healthy)
  await saved(newcomer)
  expect(contentOf(await storedDoc(server.store, id)).text).toBe(`旧+${before.text}+新`)

  const other = await createDocument(server)
  const elsewhere = connect(other.id)
  await synced(elsewhere)
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)

  const logged = server.errors.slice(errorsBefore).filter((line) => !expectedLog?.test(line))
  expect(logged, 'errors logged by the server').toEqual([])
}

const cases: { name: string; frame: () => Uint8Array | string; code: number; expectedLog?: RegExp }[] = [
  { name: 'an empty frame', frame: () => new Uint8Array(0), code: CloseCode.BadMessage },
  { name: 'a truncated frame', frame: () => frames.update(textUpdate('被截断')).slice(0, -4), code: CloseCode.BadMessage },
  { name: 'a truncated message type', frame: () => new Uint8Array([0x80]), code: CloseCode.BadMessage },
  { name: 'an unknown message type', frame: () => new Uint8Array([42, 0]), code: CloseCode.BadMessage },
  { name: 'a server-only message type (Saved)', frame: () => new Uint8Array([MessageType.Saved, 1]), code: CloseCode.BadMessage },
  { name: 'an unknown sync step', frame: () => new Uint8Array([MessageType.Sync, 7, 0]), code: CloseCode.BadMessage },
  { name: 'a malformed state vector', frame: () => frames.syncStep1(new Uint8Array([5, 1])), code: CloseCode.BadMessage },
  { name: 'a text frame', frame: () => 'hello', code: CloseCode.UnsupportedData },
  {
    name: 'a frame over maxMessageBytes',
    frame: () => frames.update(textUpdate('大'.repeat(maxMessageBytes))),
    code: CloseCode.MessageTooBig,
    // ws reports the oversized frame as a socket error, which the server logs.
    expectedLog: /Max payload size exceeded/,
  },
  { name: 'an update that fails to decode', frame: () => frames.update(new Uint8Array([1, 2, 3])), code: CloseCode.BadMessage },
  {
    // Yjs would read the update and ignore the rest; the server takes only whole updates.
    name: 'an update with bytes after its delete set',
    frame: () => frames.update(concat(textUpdate('多余'), new Uint8Array([0]))),
    code: CloseCode.BadMessage,
  },
  {
    // Yjs reads it, then fails half-way through applying it (its left neighbour would be itself).
    name: 'an update whose item follows itself',
    frame: () => {
      const encoder = encoding.createEncoder()
      for (const n of [1, 1, 77, 0]) encoding.writeVarUint(encoder, n) // one client, one struct: 77 at clock 0
      encoding.writeUint8(encoder, 0x80 | 4) // a string with an origin
      for (const n of [77, 0]) encoding.writeVarUint(encoder, n) // origin: 77 at clock 0
      encoding.writeVarString(encoder, '环')
      encoding.writeVarUint(encoder, 0) // no deletions
      const update = encoding.toUint8Array(encoder)
      expect(() => Y.decodeUpdate(update)).not.toThrow()
      expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow()
      return frames.update(update)
    },
    code: CloseCode.BadMessage,
  },
  {
    // y-tiptap throws on either: the editor could no longer open the document.
    name: 'text straight in the document body',
    frame: () => frames.update(bodyUpdate((doc) => doc.getXmlFragment('default').insert(0, [new Y.XmlText('顶层')]))),
    code: CloseCode.BadMessage,
  },
  {
    // y-tiptap deletes, for everyone, an element it cannot build, and a text run with an
    // unknown mark: the first editor to open the document would lose it.
    name: 'an element the schema lacks in the document body',
    frame: () => frames.update(bodyUpdate((doc) => doc.getXmlFragment('default').insert(0, [new Y.XmlElement('script')]))),
    code: CloseCode.BadMessage,
  },
  {
    name: 'a heading inside a paragraph',
    frame: () =>
      frames.update(
        bodyUpdate((doc) => {
          const paragraph = new Y.XmlElement('paragraph')
          paragraph.insert(0, [new Y.XmlElement('heading')])
          doc.getXmlFragment('default').insert(0, [paragraph])
        }),
      ),
    code: CloseCode.BadMessage,
  },
  {
    name: 'text with a mark the schema lacks',
    frame: () =>
      frames.update(
        bodyUpdate((doc) => {
          const text = new Y.XmlText()
          const paragraph = new Y.XmlElement('paragraph')
          paragraph.insert(0, [text])
          doc.getXmlFragment('default').insert(0, [paragraph])
          text.insert(0, '链接', { link: { href: 'https://例子.中国' } })
        }),
      ),
    code: CloseCode.BadMessage,
  },
  {
    name: 'values in the document body',
    frame: () => frames.update(bodyUpdate((doc) => doc.getArray('default').insert(0, [1, '字']))),
    code: CloseCode.BadMessage,
  },
  {
    name: 'a valid update followed by trailing bytes',
    frame: () => concat(frames.update(textUpdate('不该存下')), new Uint8Array([0])),
    code: CloseCode.BadMessage,
  },
  { name: 'trailing bytes after a SavedRequest', frame: () => concat(frames.savedRequest(1), new Uint8Array([9])), code: CloseCode.BadMessage },
  { name: 'a truncated awareness update', frame: () => frames.awareness(new Uint8Array([1, 2, 3])), code: CloseCode.BadMessage },
  { name: 'an awareness state that is not JSON', frame: awarenessWithBadJson, code: CloseCode.BadMessage },
  {
    name: 'an update that would pass maxDocumentBytes',
    frame: () => frames.update(textUpdate('x'.repeat(maxDocumentBytes))),
    code: CloseCode.DocumentTooLarge,
  },
]

describe('bad input on a raw socket closes only that socket', () => {
  it.each(cases)('$name → $code', async ({ frame, code, expectedLog }) => {
    const { id, healthy, before } = await healthyDocument()
    const socket = raw(id)
    await socket.opened
    await socket.nextMessage(MessageType.Sync)
    socket.send(frame())
    expect((await within(socket.closed, 5_000, 'the socket to close')).code).toBe(code)
    await expectUnharmed(id, healthy, before, { expectedLog })
  })

  it('a bad message sent before the document has loaded closes the socket too', async () => {
    const { id, healthy, before } = await healthyDocument()
    const socket = raw(id)
    socket.ws.once('open', () => socket.send(concat(frames.update(textUpdate('太早')), new Uint8Array([0]))))
    expect((await within(socket.closed, 5_000, 'the socket to close')).code).toBe(CloseCode.BadMessage)
    await expectUnharmed(id, healthy, before)
  })

  it('a stock client putting text into the body after a paragraph is closed; the body stays readable', async () => {
    errorsBefore = server.errors.length
    const { id } = await createDocument(server)
    const writer = connect(id)
    await synced(writer)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('第一段')])
    writer.doc.getXmlFragment('default').insert(0, [paragraph])
    await saved(writer)
    const closed = nextClose(writer)
    writer.doc.getXmlFragment('default').insert(1, [new Y.XmlText('段外文字')]) // placed by its neighbour, the paragraph
    expect((await within(closed, 5_000, 'the socket to close')).code).toBe(CloseCode.BadMessage)
    writer.provider.disconnect()

    expect(contentOf(await storedDoc(server.store, id)).xml).toBe('<paragraph>第一段</paragraph>')
    const response = await fetch(`${server.url}/api/documents/${id}/content?format=text`, { headers: { authorization: `Bearer ${server.token}` } })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { content: string }).content).toBe('第一段')
    const reader = connect(id)
    await synced(reader)
    expect(reader.doc.getXmlFragment('default').toString()).toBe('<paragraph>第一段</paragraph>')
    expect(server.errors.slice(errorsBefore)).toEqual([])
  })

  it('an item repeating clocks the server has, after garbage-collected ones, is stored without them; no one throws', async () => {
    errorsBefore = server.errors.length
    const { id } = await createDocument(server)
    const editor = connect(id)
    await synced(editor)
    const socket = raw(id)
    await socket.opened
    await socket.nextMessage(MessageType.Sync)
    // Client 77: "学" at clock 0 in the root text `t`, then clock 1 garbage-collected.
    socket.send(frames.update(handMadeString(77, 0, { root: 't' }, '学', { collectedAfter: 1 })))
    await waitFor(() => Y.getState(editor.doc.store, 77) === 2, { message: 'the editor to get clocks 0–1' })
    // Clocks 1–3 as one item: Yjs, here or in any client, would link 2–3 after the GC run and throw.
    const straddling = handMadeString(77, 1, { root: 't' }, 'abc')
    const asEditorHasIt = new Y.Doc()
    Y.applyUpdate(asEditorHasIt, Y.encodeStateAsUpdate(editor.doc))
    expect(() => Y.applyUpdate(asEditorHasIt, straddling)).toThrow()
    socket.send(frames.update(straddling))
    socket.send(frames.savedRequest(1))
    await socket.nextMessage(MessageType.Saved)

    const { updates } = await server.store.loadUpdates(id)
    const stored = Y.decodeUpdate(updates[updates.length - 1]!).structs
    expect(stored.map((struct) => [struct.id.clock, struct.length])).toEqual([[2, 2]])
    await waitFor(() => Y.getState(editor.doc.store, 77) === 4, { message: 'the editor to get clocks 2–3' })
    expect(editor.text()).toBe('学') // 2–3 are dropped with the GC run they follow
    const newcomer = connect(id)
    await synced(newcomer)
    expect(newcomer.text()).toBe('学')
    expect(contentOf(await storedDoc(server.store, id)).text).toBe('学')
    expect(server.errors.slice(errorsBefore)).toEqual([])
  })

  it('the budget of maxDocumentBytes still lets small edits through', async () => {
    const { id, healthy, before } = await healthyDocument()
    const socket = raw(id)
    await socket.opened
    socket.send(frames.update(textUpdate('小')))
    socket.send(frames.savedRequest(1))
    await socket.nextMessage(MessageType.Saved)
    await waitFor(() => healthy.text().includes('小'), { message: 'the small edit to arrive' })
    expect(contentOf(await storedDoc(server.store, id)).text).toContain(before.text)
  })
})

describe('unknown documents', () => {
  it.each([
    ['an id that was never created', 'AAAAAAAAAAAAAAAA'],
    ['a malformed id', 'no!such*id'],
    ['a nested path', 'AAAAAAAAAAAAAAAA/extra'],
    ['an encoded slash', 'AAAAAAAA%2FAAAAAAAA'],
  ])('%s → 4404, and the server keeps serving', async (_, path) => {
    const { id, healthy, before } = await healthyDocument()
    const socket = raw(path)
    expect((await within(socket.closed, 5_000, 'the socket to close')).code).toBe(CloseCode.DocumentNotFound)
    await expectUnharmed(id, healthy, before)
  })

  it('a stock client gives up on 4404 instead of reconnecting', async () => {
    const client = connect('AAAAAAAAAAAAAAAA')
    const closed = await new Promise<{ code: number }>((resolve) => client.provider.once('closed', resolve))
    expect(closed.code).toBe(CloseCode.DocumentNotFound)
    expect(client.provider.shouldConnect).toBe(false)
  })

  it.each([
    ['a path outside /collab/', '', 'elsewhere/AAAAAAAAAAAAAAAA', 404],
    ['malformed percent-encoding', '/collab', '%E0%A4%A', 400],
  ])('refuses the upgrade for %s, and the server keeps serving', async (_, prefix, path, status) => {
    const { id, healthy, before } = await healthyDocument()
    const socket = rawSocket(`${server.url.replace(/^http/, 'ws')}${prefix}`, path)
    sockets.push(socket)
    await expect(within(socket.opened, 5_000, 'the upgrade answer')).rejects.toThrow(`Unexpected server response: ${status}`)
    await within(socket.closed, 5_000, 'the socket to close')
    await expectUnharmed(id, healthy, before)
  })
})
