import { afterEach, describe, expect, it } from 'vitest'
import {
  contentOf,
  createDocument,
  saved,
  startTestServer,
  storedDoc,
  synced,
  waitFor,
  yClient,
  type TestServer,
  type YClient,
} from '../testing/index.ts'

let server: TestServer | undefined
const clients: YClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = undefined
})

function connect(id: string): YClient {
  const client = yClient(server!.collabUrl, id, { token: server!.token })
  clients.push(client)
  return client
}

async function rowCount(id: string): Promise<number> {
  return (await server!.store.loadUpdates(id)).updates.length
}

/** `count` separate updates, each durable before the next is made. */
async function writeLines(client: YClient, count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const text = client.doc.getText('t')
    text.insert(text.length, `${prefix}${i}\n`)
    await saved(client)
  }
}

describe('compaction', () => {
  it('shrinks the update log once it passes compactAfterUpdates, keeping the content', async () => {
    const compactAfterUpdates = 5
    server = await startTestServer({ compactAfterUpdates })
    const { id } = await createDocument(server)
    const writer = connect(id)
    const reader = connect(id)
    await Promise.all([synced(writer), synced(reader)])
    await writeLines(writer, 40, 'line ')
    // Compaction runs after a batch; wait for the one the last batch may have started.
    await waitFor(async () => (await rowCount(id)) <= compactAfterUpdates + 1, { message: 'the log to be compacted' })
    expect(await rowCount(id)).toBeLessThan(40)
    const expected = Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join('')
    expect(contentOf(await storedDoc(server.store, id)).text).toBe(expected)
    await waitFor(() => reader.text() === expected, { message: 'the reader to follow' })

    const fresh = connect(id)
    await synced(fresh)
    expect(fresh.text()).toBe(expected)
    // Edits keep working on top of the compacted state.
    fresh.doc.getText('t').insert(0, '开头\n')
    await waitFor(() => writer.text() === `开头\n${expected}`, { message: 'an edit after compaction to reach the writer' })
    expect(server.errors).toEqual([])
  })

  it('compacts concurrent edits from several clients without losing any', async () => {
    server = await startTestServer({ compactAfterUpdates: 3 })
    const { id } = await createDocument(server)
    const peers = [connect(id), connect(id), connect(id)]
    await Promise.all(peers.map(synced))
    await Promise.all(peers.map((peer, n) => writeLines(peer, 15, `p${n}-`)))
    await waitFor(() => new Set(peers.map((p) => p.text())).size === 1, { message: 'peers to converge' })
    const text = peers[0]!.text()
    for (let n = 0; n < 3; n++) for (let i = 0; i < 15; i++) expect(text).toContain(`p${n}-${i}\n`)
    // Every write is acknowledged once durable; compaction follows the batch a moment later.
    await waitFor(async () => (await rowCount(id)) < 45, { message: 'the log of 45 writes to be compacted' })
    expect(contentOf(await storedDoc(server.store, id)).text).toBe(text)
  })

  it('unloads an idle document after unloadAfterMs as one row, and reloads it on reconnect', async () => {
    server = await startTestServer({ compactAfterUpdates: 1000, unloadAfterMs: 50 })
    const { id } = await createDocument(server)
    const writer = connect(id)
    await synced(writer)
    await writeLines(writer, 30, '行')
    const expected = writer.text()
    expect(await rowCount(id)).toBeGreaterThanOrEqual(30)
    expect(server.collab.loadedCount).toBe(1)

    writer.destroy()
    const running = server
    await waitFor(() => running.collab.loadedCount === 0, { message: 'the document to unload' })
    // The unload finishes its compaction before the room is forgotten for good.
    await waitFor(async () => (await rowCount(id)) === 1, { message: 'the log to be one row' })
    expect(contentOf(await storedDoc(server.store, id)).text).toBe(expected)

    const back = connect(id)
    await synced(back)
    expect(back.text()).toBe(expected)
    expect(server.collab.loadedCount).toBe(1)
    expect(server.errors).toEqual([])
  })

  it('keeps a document loaded while a client comes back before unloadAfterMs', async () => {
    server = await startTestServer({ compactAfterUpdates: 1000, unloadAfterMs: 400 })
    const { id } = await createDocument(server)
    const first = connect(id)
    await synced(first)
    await writeLines(first, 5, 'x')
    first.destroy()
    const second = connect(id)
    await synced(second)
    expect(second.text()).toBe('x0\nx1\nx2\nx3\nx4\n')
    // Well past unloadAfterMs, the document is still loaded (and uncompacted) for the client.
    const running = server
    const unloaded = waitFor(() => running.collab.loadedCount === 0, { timeoutMs: 800 }).then(
      () => true,
      () => false,
    )
    expect(await unloaded).toBe(false)
    expect(await rowCount(id)).toBeGreaterThan(1)
  })
})
