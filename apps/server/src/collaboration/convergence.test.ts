import { bodyFragmentName } from '@dongbi/schema'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  contentOf,
  createDocument,
  seededRandom,
  startTestServer,
  storedDoc,
  synced,
  waitFor,
  yClient,
  type TestServer,
  type YClient,
} from '../testing/index.ts'

/** A fresh seed per run (so runs explore), or SEED=<n> to replay a failure. */
const baseSeed = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31)

let server: TestServer | undefined
const clients: YClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = undefined
})

function connect(documentId: string): YClient {
  const client = yClient(server!.collabUrl, documentId, { token: server!.token })
  clients.push(client)
  return client
}

const alphabet = 'abcdefghij 学习教育月动笔，。'

function randomString(random: () => number, maxLength: number): string {
  const length = 1 + Math.floor(random() * maxLength)
  let s = ''
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)]
  return s
}

/** One random local edit, in its own transaction: Y.Text inserts/deletes or paragraph edits in the body. */
function randomEdit(doc: Y.Doc, random: () => number): void {
  const text = doc.getText('t')
  const body = doc.getXmlFragment(bodyFragmentName)
  const pick = (n: number) => Math.floor(random() * n)
  const r = random()
  doc.transact(() => {
    if (r < 0.3 || (r < 0.45 && text.length === 0)) {
      text.insert(pick(text.length + 1), randomString(random, 8))
    } else if (r < 0.45) {
      const at = pick(text.length)
      text.delete(at, Math.min(1 + pick(5), text.length - at))
    } else if (r < 0.65 || body.length === 0) {
      const paragraph = new Y.XmlElement('paragraph')
      const content = new Y.XmlText()
      paragraph.insert(0, [content])
      body.insert(pick(body.length + 1), [paragraph])
      content.insert(0, randomString(random, 6))
    } else {
      const paragraph = body.get(pick(body.length)) as Y.XmlElement
      const content = paragraph.get(0) as Y.XmlText | undefined
      if (r < 0.8 && content) {
        content.insert(pick(content.length + 1), randomString(random, 4), random() < 0.3 ? { bold: {} } : undefined)
      } else if (r < 0.9 && content && content.length > 0) {
        const at = pick(content.length)
        content.delete(at, Math.min(1 + pick(3), content.length - at))
      } else {
        body.delete(body.toArray().indexOf(paragraph), 1)
      }
    }
  })
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/** Re-throws any failure with the seed that reproduces it. */
async function withSeed(seed: number, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Error) error.message = `${error.message}\n  seed ${seed}: reproduce with SEED=${baseSeed}`
    throw error
  }
}

/**
 * `clientCount` stock clients edit concurrently in rounds; client 0 goes offline for the
 * middle third, keeps editing, and reconnects. All must converge, and a fresh client and the
 * replayed store must see the same content.
 */
async function convergenceRun(clientCount: number, seed: number, rounds: number): Promise<void> {
  await withSeed(seed, async () => {
    const random = seededRandom(seed)
    const { id } = await createDocument(server!)
    const peers = Array.from({ length: clientCount }, () => connect(id))
    await Promise.all(peers.map(synced))
    const offline = peers[0]!

    for (let round = 0; round < rounds; round++) {
      if (round === Math.floor(rounds / 3)) offline.provider.disconnect()
      if (round === Math.floor((2 * rounds) / 3)) offline.provider.connect()
      for (const peer of peers) {
        const edits = Math.floor(random() * 3)
        for (let i = 0; i < edits; i++) randomEdit(peer.doc, random)
      }
      // Let some messages through between rounds, so edits interleave with remote ones.
      if (random() < 0.7) await nextTurn()
    }
    expect(offline.provider.shouldConnect, 'client 0 reconnected').toBe(true)

    const states = () => peers.map((peer) => JSON.stringify(contentOf(peer.doc)))
    await waitFor(() => new Set(states()).size === 1, {
      timeoutMs: 15_000,
      message: `${clientCount} clients to converge (seed ${seed})`,
    })
    const final = contentOf(peers[0]!.doc)
    expect(final.text.length + final.xml.length, `seed ${seed}: the run made edits`).toBeGreaterThan(0)
    for (const peer of peers) {
      expect(Y.encodeStateVector(peer.doc), `seed ${seed}: state vectors`).toEqual(Y.encodeStateVector(peers[0]!.doc))
    }

    const fresh = connect(id)
    await synced(fresh)
    expect(contentOf(fresh.doc), `seed ${seed}: a fresh client's view`).toEqual(final)
    expect(contentOf(await storedDoc(server!.store, id)), `seed ${seed}: the replayed store`).toEqual(final)
  })
}

describe('stock clients converge after random concurrent edits', () => {
  it('2 clients, one of them offline for a while', async () => {
    server = await startTestServer()
    await convergenceRun(2, baseSeed, 150)
  })

  it('10 clients, one of them offline for a while, with compaction running', async () => {
    server = await startTestServer({ compactAfterUpdates: 25 })
    await convergenceRun(10, baseSeed + 1, 40)
  })
})
