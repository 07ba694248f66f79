import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocument, startTestServer, synced, testDatabaseKind, waitFor, yClient, type TestServer, type YClient } from '../testing/index.ts'

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
    const admin = new Redis(redisUrl)
    try {
      const list = (await admin.client('LIST')) as string
      const line = list.split('\n').find((l) => l.includes(`name=dongbi-sub-${b.fanout!.instanceId}`))
      expect(line).toBeDefined()
      const clientId = /\bid=(\d+)/.exec(line!)![1]!
      // Cut b's subscription (ioredis reconnects after ≥ 50 ms), and change the document on a
      // at once: its publication goes out while b is not listening.
      await admin.client('KILL', 'ID', clientId)
      await a.collab.changeDocument(id, (doc) => doc.getText('t').insert(0, '断线期间'))
    } finally {
      admin.disconnect()
    }
    await waitFor(() => onB.text() === '断线期间', { timeoutMs: 5_000, message: 'the client on b to get the change made while b was cut off' })
    expect(onA.text()).toBe('断线期间')
  })
})

