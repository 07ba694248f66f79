import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bodyFragmentName, CloseCode, type ThreadDto } from '@dongbi/schema'
import {
  addUserWithToken,
  appendLine,
  connectRaw,
  contentOf,
  createDocument,
  createStore,
  encodeHello,
  saved,
  seededRandom,
  spawnServer,
  storedDoc,
  synced,
  testDatabase,
  waitFor,
  within,
  yClient,
  type SpawnedServer,
  type TestDatabase,
  type YClient,
} from '@dongbi/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

/**
 * Several server processes on one PostgreSQL database (a fresh schema) joined through Redis,
 * as a deployment behind a load balancer runs them. Needs PostgreSQL on 127.0.0.1:5432 and
 * Redis on 127.0.0.1:6379 (`npm test` starts both).
 */
const redisUrl = process.env.DONGBI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

let dir: string
let database: TestDatabase
let store: Awaited<ReturnType<typeof createStore>>
const instances: SpawnedServer[] = []
const clients: YClient[] = []
let alice: { user: { id: string }; token: string }

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-cluster-'))
  database = testDatabase(dir, 'postgres')
  // Small enough that the instances compact the shared log while the tests edit.
  const env = { REDIS_URL: redisUrl, COMPACT_AFTER_UPDATES: '20' }
  instances.push(await spawnServer(database.url, env))
  instances.push(...(await Promise.all([spawnServer(database.url, env), spawnServer(database.url, env)])))
  store = await createStore({ databaseUrl: database.url, sqliteSynchronous: 'normal' })
  alice = await addUserWithToken(store, 'alice', { displayName: '陈静' })
}, 120_000)

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  // A graceful stop compacts on every instance at once: all must still exit cleanly.
  const stopped = await Promise.all(instances.map((instance) => instance.stop('SIGTERM')))
  for (const [i, result] of stopped.entries()) {
    if (instances[i]!.child.signalCode !== 'SIGKILL') expect(result, instances[i]!.output()).toEqual({ code: 0, signal: null })
  }
  await store?.close()
  await database?.drop()
  fs.rmSync(dir, { recursive: true, force: true })
})

function connect(instance: SpawnedServer, documentId: string, options: { token?: string; doc?: Y.Doc } = {}): YClient {
  const client = yClient(instance.collabUrl, documentId, { token: options.token ?? instance.token, doc: options.doc })
  clients.push(client)
  return client
}

describe('several instances behind one database and Redis', () => {
  it('stock y-websocket clients on three instances converge under seeded random edits', async () => {
    const seed = Number(process.env.SEED ?? Math.floor(Math.random() * 1_000_000))
    console.log(`multi-instance convergence: seed ${seed} (rerun with SEED=${seed})`)
    const random = seededRandom(seed)
    const { id } = await createDocument(instances[0]!, '多实例')
    const editors = instances.flatMap((instance) => [connect(instance, id), connect(instance, id)])
    await Promise.all(editors.map(synced))

    const alphabet = '学习教育心得体会支部abc '
    for (let step = 0; step < 240; step++) {
      const client = editors[Math.floor(random() * editors.length)]!
      const text = client.doc.getText('t')
      const roll = random()
      if (roll < 0.55 || text.length === 0) {
        const piece = Array.from({ length: 1 + Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
        text.insert(Math.floor(random() * (text.length + 1)), piece)
      } else if (roll < 0.8) {
        const at = Math.floor(random() * text.length)
        text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 3)))
      } else {
        appendLine(client.doc, `段落 ${step}`)
      }
      // Let the edits of different instances interleave on the wire.
      if (step % 8 === 7) await new Promise((resolve) => setImmediate(resolve))
    }
    await Promise.all(editors.map((client) => saved(client)))
    await waitFor(() => editors.every((client) => client.text() === editors[0]!.text() && client.xml() === editors[0]!.xml()), {
      timeoutMs: 20_000,
      message: `all six clients to converge (seed ${seed})`,
    })
    // What the database holds is what the clients show, compacted by several instances.
    const stored = contentOf(await storedDoc(store, id))
    expect(stored).toEqual(contentOf(editors[0]!.doc))
    expect((await store.loadUpdates(id)).updates.length).toBeLessThan(240)
  })

  it('shows awareness across instances, also to a client that joins later elsewhere', async () => {
    const { id } = await createDocument(instances[0]!, '光标')
    const a = connect(instances[0]!, id)
    const b = connect(instances[1]!, id)
    await Promise.all([synced(a), synced(b)])
    a.provider.awareness.setLocalStateField('cursor', { anchor: 3 })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor?.anchor === 3, { message: 'b to see a’s cursor' })
    // The server stamps who it is, whatever the client claimed.
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user).toMatchObject({ name: 'root' })

    // A client on the third instance, which had not loaded the document, sees a at once
    // (not only after a's next 15-second renewal).
    const c = connect(instances[2]!, id)
    await synced(c)
    await waitFor(() => c.provider.awareness.getStates().get(a.doc.clientID)?.cursor?.anchor === 3, { timeoutMs: 5_000, message: 'c to see a’s cursor' })

    // Leaving is seen everywhere too.
    a.provider.disconnect()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID) && !c.provider.awareness.getStates().has(a.doc.clientID), {
      message: 'a’s cursor to disappear',
    })
  })

  it('delivers comment and notification events made through REST on one instance to sockets on others', async () => {
    const [a, b, c] = instances as [SpawnedServer, SpawnedServer, SpawnedServer]
    const { id } = await createDocument(a, '评论')
    const shared = await fetch(`${a.url}/api/documents/${id}/shares`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ granteeType: 'user', granteeId: alice.user.id, level: 'comment' }),
    })
    expect(shared.status).toBe(200)
    const rootSocket = await connectRaw(b.collabUrl, id, { token: b.token })
    const aliceSocket = await connectRaw(c.collabUrl, id, { token: alice.token })
    for (const socket of [rootSocket, aliceSocket]) {
      socket.send(encodeHello())
      await socket.roundTrip()
    }
    const created = await fetch(`${a.url}/api/documents/${id}/threads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ anchor: { start: 'AAAA', end: 'AAAA' }, quote: '贯彻', body: '@陈静 请看', mentions: [alice.user.id] }),
    })
    expect(created.status).toBe(201)
    const thread = (await created.json()) as ThreadDto
    const event = await rootSocket.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'thread.changed')
    expect(event.type === 'event' && event.event).toMatchObject({ type: 'thread.changed', thread: { id: thread.id } })
    await aliceSocket.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'thread.changed')
    // Alice was mentioned: her unread count reaches her socket on the third instance.
    const unread = await aliceSocket.next((m) => m.type === 'event' && (m.event as { type: string; unread?: number }).type === 'notifications' && (m.event as { unread: number }).unread >= 1)
    expect(unread.type === 'event' && unread.event).toMatchObject({ type: 'notifications', unread: 1 })
    rootSocket.close()
    aliceSocket.close()
  })

  it('revoking a share on one instance closes the socket on another', async () => {
    const [a, b] = instances as [SpawnedServer, SpawnedServer]
    const { id } = await createDocument(a, '收回')
    const headers = { authorization: `Bearer ${a.token}`, 'content-type': 'application/json' }
    await fetch(`${a.url}/api/documents/${id}/shares`, { method: 'PUT', headers, body: JSON.stringify({ granteeType: 'user', granteeId: alice.user.id, level: 'edit' }) })
    const socket = await connectRaw(b.collabUrl, id, { token: alice.token })
    await socket.roundTrip()
    const revoked = await fetch(`${a.url}/api/documents/${id}/shares/user/${alice.user.id}`, { method: 'DELETE', headers })
    expect(revoked.status).toBe(204)
    expect(await within(socket.closed, 10_000, 'the socket on the other instance to close')).toMatchObject({ code: CloseCode.AccessRevoked })
  })

  it('kill -9 of an instance mid-edit: its clients move to another, nothing acknowledged is lost, nothing doubles', async () => {
    const [a, b, victim] = instances as [SpawnedServer, SpawnedServer, SpawnedServer]
    const { id } = await createDocument(a, '故障转移')
    const onVictim = [connect(victim, id), connect(victim, id)]
    const onA = connect(a, id)
    const reader = connect(b, id)
    await Promise.all([...onVictim, onA, reader].map(synced))

    const acknowledged = new Set<string>()
    const written: string[] = []
    const write = (client: YClient, line: string) => {
      written.push(line)
      appendLine(client.doc, line)
    }
    for (let round = 0; round < 5; round++) {
      for (const [k, client] of [...onVictim, onA].entries()) write(client, `第${round}轮-${k}`)
      await Promise.all([...onVictim, onA].map((client) => saved(client)))
      for (const line of written) acknowledged.add(line)
    }
    // More edits in flight, then the instance dies without flushing or compacting.
    for (let i = 0; i < 10; i++) for (const [k, client] of onVictim.entries()) write(client, `未确认${i}-${k}`)
    victim.child.kill('SIGKILL')
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' })

    // Its clients reconnect to the surviving instances with the documents they had.
    const moved = onVictim.map((client, k) => {
      client.provider.destroy()
      return connect(instances[k % 2]!, id, { doc: client.doc })
    })
    await Promise.all(moved.map(synced))
    for (const [k, client] of moved.entries()) write(client, `之后-${k}`)
    await Promise.all(moved.map((client) => saved(client)))

    const everyone = [...moved, onA, reader]
    await waitFor(() => everyone.every((client) => client.text() === onA.text() && client.xml() === onA.xml()), {
      timeoutMs: 20_000,
      message: 'every client to converge after the failover',
    })
    const lines = onA.text().split('\n').filter(Boolean)
    for (const line of acknowledged) expect(lines).toContain(line)
    // The clients re-sent what the dead instance had not acknowledged: all of it arrives, once.
    expect([...lines].sort()).toEqual([...written].sort())
    expect(onA.doc.getXmlFragment(bodyFragmentName).length).toBe(written.length)
    expect(contentOf(await storedDoc(store, id))).toEqual(contentOf(onA.doc))
  })
})
