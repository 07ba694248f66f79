import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { CloseCode, MessageType } from '@dongbi/schema'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { createStore } from '../store/createStore.ts'
import type { KyselyStore } from '../store/KyselyStore.ts'
import type { Store } from '../store/Store.ts'
import { createDocument, frames, rawSocket, startTestServer, synced, testDatabaseKind, waitFor, yClient, type BareSocket, type YClient } from '../testing/index.ts'
import type { CollabAuthorizer } from './CollabAuthorizer.ts'
import { CollabServer } from './CollabServer.ts'

/**
 * A collaboration server over a real SQLite store whose appends take `appendDelayMs` longer
 * to become durable, so that anything sent before an update is stored would be caught.
 */
async function startSlowStoreServer(appendDelayMs: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-test-'))
  const file = path.join(dir, 'test.db')
  const config = loadConfig({})
  const realStore = await createStore({ databaseUrl: `sqlite:${file}`, sqliteSynchronous: 'normal' })
  const store: Store = new Proxy(realStore, {
    get(target, property) {
      if (property === 'appendUpdates') {
        return async (entries: Parameters<Store['appendUpdates']>[0]) => {
          await new Promise((resolve) => setTimeout(resolve, appendDelayMs))
          return target.appendUpdates(entries)
        }
      }
      const value = Reflect.get(target, property, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  const errors: string[] = []
  // Access is not what this file tests: every socket may edit.
  const authorizer: CollabAuthorizer = {
    authenticate: async () => ({ userId: 'tester', name: 'tester', color: '#333333', access: 'edit' }),
    recheck: async (authorization) => authorization.access,
  }
  const collab = new CollabServer({ ...config, store, authorizer, log: (message) => errors.push(message) })
  const httpServer = http.createServer((_request, response) => response.writeHead(404).end())
  httpServer.on('upgrade', collab.handleUpgrade)
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const { port } = httpServer.address() as AddressInfo
  // A second, read-only connection: it sees only committed rows, synchronously.
  const reader = new SqliteDatabase(file, { readonly: true })
  const selectRows = reader.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq')
  return {
    store,
    collab,
    errors,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    async createDocument(): Promise<string> {
      const id = randomBytes(12).toString('base64url')
      await realStore.createDocument({ id, title: 't' })
      return id
    },
    /** The document as a restart would load it, read synchronously from committed rows. */
    committedText(id: string): string {
      const doc = new Y.Doc()
      for (const row of selectRows.all(id) as { data: Buffer }[]) Y.applyUpdate(doc, row.data)
      return doc.getText('t').toString()
    },
    async close() {
      await collab.close()
      httpServer.closeAllConnections()
      await new Promise((resolve) => httpServer.close(resolve))
      reader.close()
      await realStore.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
type SlowStoreServer = Awaited<ReturnType<typeof startSlowStoreServer>>

async function storedText(store: Store, id: string): Promise<string> {
  const doc = new Y.Doc()
  for (const update of (await store.loadUpdates(id)).updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

let slow: SlowStoreServer | undefined
const clients: YClient[] = []
const sockets: BareSocket[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const socket of sockets.splice(0)) socket.close()
  await slow?.close()
  slow = undefined
})

function client(collabUrl: string, id: string): YClient {
  const c = yClient(collabUrl, id)
  clients.push(c)
  return c
}

describe('store before broadcast', () => {
  it('an edit reaches other clients only once it is in the store', async () => {
    slow = await startSlowStoreServer(40)
    const server = slow
    const id = await server.createDocument()
    const a = client(server.collabUrl, id)
    const b = client(server.collabUrl, id)
    await Promise.all([synced(a), synced(b)])

    const observed: { seen: string; committed: string; loaded: Promise<string> }[] = []
    b.doc.on('update', () => {
      // At the moment B sees the edit: what is committed, and what the Store interface returns.
      observed.push({ seen: b.text(), committed: server.committedText(id), loaded: storedText(server.store, id) })
    })
    for (const word of ['先', '存', '后', '发']) {
      a.doc.getText('t').insert(a.doc.getText('t').length, word)
      await waitFor(() => b.text() === a.text(), { message: `B to see "${a.text()}"` })
    }
    expect(observed.length).toBeGreaterThanOrEqual(4)
    for (const { seen, committed, loaded } of observed) {
      expect(committed, 'committed rows when B saw the edit').toBe(seen)
      expect(await loaded, 'store.loadUpdates() when B saw the edit').toBe(seen)
    }
  })

  it('a client that joins while a write is in flight gets only durable content', async () => {
    slow = await startSlowStoreServer(60)
    const server = slow
    const id = await server.createDocument()
    const a = client(server.collabUrl, id)
    await synced(a)
    a.doc.getText('t').insert(0, 'durable')
    await waitFor(() => server.committedText(id) === 'durable')
    a.doc.getText('t').insert(7, ' pending')
    // B syncs while " pending" is still being written.
    const b = client(server.collabUrl, id)
    await synced(b)
    const committedAtSync = server.committedText(id)
    expect(committedAtSync.startsWith(b.text()), `B saw "${b.text()}", committed "${committedAtSync}"`).toBe(true)
    await waitFor(() => b.text() === 'durable pending', { message: 'B to receive the rest' })
  })
})

describe('the Saved protocol ([101, n] → [100, n])', () => {
  async function openRaw(collabUrl: string, id: string, token?: string): Promise<BareSocket> {
    const socket = rawSocket(collabUrl, id, token)
    sockets.push(socket)
    await socket.opened
    await socket.nextMessage(MessageType.Sync)
    return socket
  }

  function textUpdate(text: string, clientID = 4242): Uint8Array {
    const doc = new Y.Doc()
    doc.clientID = clientID
    doc.getText('t').insert(0, text)
    return Y.encodeStateAsUpdate(doc)
  }

  it('answers once the updates sent before are durable', async () => {
    slow = await startSlowStoreServer(50)
    const server = slow
    const id = await server.createDocument()
    const socket = await openRaw(server.collabUrl, id)
    socket.send(frames.update(textUpdate('已保存')))
    socket.send(frames.savedRequest(300))
    const answer = await socket.nextMessage(MessageType.Saved)
    // Checked synchronously on receipt: the update was committed before the answer was sent.
    expect(server.committedText(id)).toBe('已保存')
    expect([...answer]).toEqual([MessageType.Saved, 0xac, 0x02]) // varUint 300
    expect(await storedText(server.store, id)).toBe('已保存')
  })

  it('answers at once when nothing is pending, and in order when several are', async () => {
    slow = await startSlowStoreServer(30)
    const server = slow
    const id = await server.createDocument()
    const socket = await openRaw(server.collabUrl, id)
    socket.send(frames.savedRequest(1))
    expect([...(await socket.nextMessage(MessageType.Saved))]).toEqual([MessageType.Saved, 1])
    expect(server.committedText(id)).toBe('')

    const answers: string[] = []
    socket.ws.on('message', (data: Buffer) => {
      if (data[0] === MessageType.Saved) answers.push(`${data[1]}:${server.committedText(id)}`)
    })
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => socket.send(frames.update(update)))
    doc.getText('t').insert(0, 'a')
    socket.send(frames.savedRequest(2))
    doc.getText('t').insert(1, 'b')
    socket.send(frames.savedRequest(3))
    await waitFor(() => answers.length === 2, { message: 'two Saved answers' })
    // [100, 2] once "a" is committed ("b" may share its batch), [100, 3] once "b" is.
    expect(answers).toEqual([expect.stringMatching(/^2:ab?$/), '3:ab'])
  })

  it('answers on a normal server too, with the update in the store', async () => {
    const server = await startTestServer()
    try {
      const { id } = await createDocument(server)
      const socket = await openRaw(server.collabUrl, id, server.token)
      socket.send(frames.update(textUpdate('normal')))
      socket.send(frames.savedRequest(7))
      expect([...(await socket.nextMessage(MessageType.Saved))]).toEqual([MessageType.Saved, 7])
      expect(await storedText(server.store, id)).toBe('normal')
    } finally {
      for (const s of sockets.splice(0)) s.close()
      await server.close()
    }
  })
})

describe('a failed append', () => {
  it('loses nothing: the socket is closed, and the client sends the edit again when it reconnects', async () => {
    const server = await startTestServer()
    const db = (server.store as KyselyStore).db
    const refuseAppends = async (refuse: boolean) => {
      if (testDatabaseKind() === 'sqlite') {
        await sql.raw(refuse ? "CREATE TRIGGER refuse_appends BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END" : 'DROP TRIGGER refuse_appends').execute(db)
      } else if (refuse) {
        await sql.raw("CREATE FUNCTION refuse_appends() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql").execute(db)
        await sql.raw('CREATE TRIGGER refuse_appends BEFORE INSERT ON doc_updates FOR EACH ROW EXECUTE FUNCTION refuse_appends()').execute(db)
      } else await sql.raw('DROP TRIGGER refuse_appends ON doc_updates').execute(db)
    }
    try {
      const { id } = await createDocument(server)
      const writer = yClient(server.collabUrl, id, { token: server.token })
      clients.push(writer)
      await synced(writer)
      await refuseAppends(true)
      const closed = new Promise<number>((resolve) => writer.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)))
      writer.doc.getText('t').insert(0, '没存上')
      expect(await closed).toBe(CloseCode.InternalError)
      expect(await storedText(server.store, id)).toBe('')
      await refuseAppends(false)
      await waitFor(async () => (await storedText(server.store, id)) === '没存上', { message: 'the edit to be stored once the client has reconnected' })
      expect(server.errors.some((message) => message.includes('append failed'))).toBe(true)
    } finally {
      for (const c of clients.splice(0)) c.destroy()
      await server.close()
    }
  })
})
