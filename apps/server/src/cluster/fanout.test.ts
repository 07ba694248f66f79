import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { handMadeString } from '../testing/handMadeString.ts'
import {
  connectRaw,
  createDocument,
  encodeSync,
  startTestServer,
  synced,
  syncUpdate,
  testDatabaseKind,
  waitFor,
  yClient,
  type TestServer,
  type YClient,
} from '../testing/index.ts'

/**
 * Two server instances in this process on one PostgreSQL schema, joined through the local
 * Redis. (The multi-process tests are tests/server/multiInstance.test.ts.)
 */
const postgres = testDatabaseKind() === 'postgres'
if (!postgres) console.info('cluster/fanout.test.ts: PostgreSQL only (runs in the server-pg project)')
const redisUrl = process.env.DONGBI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

let a: TestServer
let b: TestServer
const clients: YClient[] = []

beforeAll(async () => {
  if (!postgres) return
  a = await startTestServer({ redisUrl })
  b = await startTestServer({ redisUrl, databaseUrl: a.config.databaseUrl })
})
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await b?.close()
  await a?.close()
})

function connect(server: TestServer, documentId: string): YClient {
  const client = yClient(server.collabUrl, documentId, { token: server.token })
  clients.push(client)
  return client
}

describe.skipIf(!postgres)('Redis fan-out between instances', () => {
  it('stores each update once, whichever instance received it', async () => {
    const { id } = await createDocument(a)
    const onA = connect(a, id)
    const onB = connect(b, id)
    await Promise.all([synced(onA), synced(onB)])
    for (let i = 0; i < 5; i++) {
      onA.doc.getText('t').insert(0, 'a')
      onB.doc.getText('t').insert(0, 'b')
    }
    await waitFor(() => onA.text().length === 10 && onB.text() === onA.text(), { message: 'both clients to see all ten edits' })
    // Ten updates from clients: ten rows (no instance stored another's update again).
    expect((await a.store.loadUpdates(id)).updates).toHaveLength(10)
  })

  it('re-reads the log of loaded documents when its Redis link comes back, for what it missed meanwhile', async () => {
    const { id } = await createDocument(a)
    const onA = connect(a, id)
    const onB = connect(b, id)
    await Promise.all([synced(onA), synced(onB)])
    await whileBIsCutOff(() => a.collab.changeDocument(id, (doc) => doc.getText('t').insert(0, '断线期间')))
    await waitFor(() => onB.text() === '断线期间', { timeoutMs: 5_000, message: 'the client on b to get the change made while b was cut off' })
    expect(onA.text()).toBe('断线期间')
  })

  it("sends another instance's update to its sockets as stored, with what Yjs holds back for a gap", async () => {
    const { id } = await createDocument(a)
    const onA = connect(a, id)
    const onB = connect(b, id)
    await Promise.all([synced(onA), synced(onB)])
    // Clocks 3–5 of client 77 on a: every doc holds them back until 0–2 come, here on b.
    const early = await connectRaw(a.collabUrl, id, { token: a.token })
    early.send(encodeSync(syncUpdate, handMadeString(77, 3, { root: 't' }, 'xyz')))
    await early.roundTrip()
    early.close()
    await waitFor(() => onB.doc.store.pendingStructs !== null, { message: "the client on b to hold a's update back" })
    const late = await connectRaw(b.collabUrl, id, { token: b.token })
    late.send(encodeSync(syncUpdate, handMadeString(77, 0, { root: 't' }, '123')))
    await late.roundTrip()
    late.close()
    await waitFor(() => onA.text().length === 6 && onB.text() === onA.text(), { message: 'both clients to show all six characters' })
  })

  it('learns, catching up, what the doc holds back: an update on b bringing it again is stored without it', async () => {
    const { id } = await createDocument(a)
    const onA = connect(a, id)
    const onB = connect(b, id)
    await Promise.all([synced(onA), synced(onB)])
    await whileBIsCutOff(async () => {
      // Clocks 3–5 of client 77, held back for the gap before them; then a change to wait for.
      const writer = await connectRaw(a.collabUrl, id, { token: a.token })
      writer.send(encodeSync(syncUpdate, handMadeString(77, 3, { root: 't' }, 'xyz')))
      await writer.roundTrip()
      writer.close()
      await a.collab.changeDocument(id, (doc) => doc.getText('t').insert(0, '断线期间'))
    })
    await waitFor(() => onB.text() === '断线期间', { timeoutMs: 5_000, message: 'the client on b to get the change made while b was cut off' })
    // Clocks 0–5 on b, 3–5 with other text: kept only for 0–2, so every doc keeps "xyz".
    const writer = await connectRaw(b.collabUrl, id, { token: b.token })
    writer.send(encodeSync(syncUpdate, handMadeString(77, 0, { root: 't' }, '123abc')))
    await writer.roundTrip()
    writer.close()
    const stored = (await b.store.loadUpdates(id)).updates.at(-1)!
    expect(Y.decodeUpdate(stored).structs.map((struct) => [struct.id.client, struct.id.clock, struct.length])).toEqual([[77, 0, 3]])
    await waitFor(() => onA.text().length === 10 && onB.text() === onA.text(), { message: 'both clients to show the same ten characters' })
    expect(onA.text()).toContain('xyz')
    expect(onA.text()).not.toContain('abc')
  })
})

/** Runs `change` while b's Redis subscription is cut (ioredis reconnects after ≥ 50 ms): b hears nothing of it. */
async function whileBIsCutOff(change: () => Promise<unknown>): Promise<void> {
  const admin = new Redis(redisUrl)
  try {
    const list = (await admin.client('LIST')) as string
    const line = list.split('\n').find((l) => l.includes(`name=dongbi-sub-${b.fanout!.instanceId}`))
    expect(line).toBeDefined()
    const clientId = /\bid=(\d+)/.exec(line!)![1]!
    await admin.client('KILL', 'ID', clientId)
    await change()
  } finally {
    admin.disconnect()
  }
}

