import { bodyFragmentName, type ThreadDto } from '@dongbi/schema'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDocument, seededRandom, startTestServer, synced, waitFor, yClient, type TestServer, type YClient } from '../testing/index.ts'

/**
 * Comment anchors under concurrent editing, property style: several stock clients edit the
 * body through the real server while threads are opened on random ranges (anchors made the
 * way the editor makes them: start sticks to the first character, end to the last). At the
 * end every thread, read back through the REST API, must still cover exactly its surviving
 * characters — never one that was outside it — and be empty exactly when none survive.
 */

const pool = Array.from('学习教育月支部党员心得体会贯彻落实认真组织讨论总结报告请示通知函纪要')
const seed = Number(process.env.SEED ?? Date.now() % 100_000)

let server: TestServer | undefined
const clients: YClient[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = undefined
})

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))

function paragraphs(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment(bodyFragmentName)
    .toArray()
    .map((element) => (element as Y.XmlElement).get(0) as Y.XmlText)
}

/** The live characters of a text, as `client:clock` ids in order. */
function charIds(text: Y.XmlText): string[] {
  const ids: string[] = []
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue
    for (let i = 0; i < item.length; i++) ids.push(`${item.id.client}:${item.id.clock + i}`)
  }
  return ids
}

interface Expectation {
  inside: Set<string>
  outside: Set<string>
}

describe('comment anchors under concurrent edits', () => {
  it(`keep covering their text (seed ${seed}; rerun with SEED=${seed})`, async () => {
    const random = seededRandom(seed)
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!
    server = await startTestServer()
    const { id } = await createDocument(server)
    for (let i = 0; i < 3; i++) clients.push(yClient(server.collabUrl, id, { token: server.token }))
    await Promise.all(clients.map(synced))

    // Three paragraphs of unique text, written by the first client.
    const first = clients[0]!
    first.doc.transact(() => {
      for (let p = 0; p < 3; p++) {
        const element = new Y.XmlElement('paragraph')
        const text = new Y.XmlText()
        element.insert(0, [text])
        first.doc.getXmlFragment(bodyFragmentName).push([element])
        text.insert(0, Array.from({ length: 12 }, () => pick(pool)).join(''))
      }
    })
    await waitFor(() => clients.every((c) => paragraphs(c.doc).length === 3 && paragraphs(c.doc)[2]!.length === 12), { message: 'the starting text everywhere' })

    const expected = new Map<string, Expectation>()
    for (let round = 0; round < 120; round++) {
      const client = pick(clients)
      // One client goes offline for a stretch and keeps editing, then comes back.
      if (round === 30) clients[2]!.provider.disconnect()
      if (round === 70) clients[2]!.provider.connect()
      const text = pick(paragraphs(client.doc))
      const roll = random()
      if (roll < 0.45 || text.length < 4) {
        const at = Math.floor(random() * (text.length + 1))
        text.insert(at, Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pool)).join(''))
      } else if (roll < 0.8) {
        const at = Math.floor(random() * text.length)
        text.delete(at, Math.min(1 + Math.floor(random() * 3), text.length - at))
      } else if (client.provider.wsconnected) {
        // Open a thread on a random range of this client's current text.
        const from = Math.floor(random() * (text.length - 1))
        const to = from + 1 + Math.floor(random() * Math.min(5, text.length - from - 1))
        const start = Y.createRelativePositionFromTypeIndex(text, from, 0)
        const end = Y.createRelativePositionFromTypeIndex(text, to, -1)
        const ids = charIds(text)
        const response = await server.api(`/api/documents/${id}/threads`, {
          method: 'POST',
          body: {
            anchor: { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) },
            quote: text.toString().slice(from, to),
            body: `第 ${round} 轮的评论`,
          },
        })
        expect(response.status).toBe(201)
        const thread = (await response.json()) as ThreadDto
        expected.set(thread.id, { inside: new Set(ids.slice(from, to)), outside: new Set([...ids.slice(0, from), ...ids.slice(to)]) })
      }
      if (round % 10 === 0) await new Promise((resolve) => setImmediate(resolve))
    }

    const target = Y.encodeStateVector(clients[0]!.doc)
    await waitFor(
      () => clients.every((c) => c.provider.synced && c.doc.getXmlFragment(bodyFragmentName).toString() === clients[0]!.doc.getXmlFragment(bodyFragmentName).toString()),
      { timeoutMs: 20_000, message: `convergence (seed ${seed})` },
    )
    expect(target.length).toBeGreaterThan(0)

    // Read everything back from the server: a fresh client's doc and the stored threads.
    const fresh = yClient(server.collabUrl, id, { token: server.token })
    clients.push(fresh)
    await synced(fresh)
    const { threads } = (await (await server.api(`/api/documents/${id}/threads`)).json()) as { threads: ThreadDto[] }
    expect(threads.length).toBe(expected.size)
    expect(expected.size).toBeGreaterThan(3)
    for (const thread of threads) {
      const { inside, outside } = expected.get(thread.id)!
      const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(thread.anchor.start)), fresh.doc)!
      const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(thread.anchor.end)), fresh.doc)!
      const where = `thread "${thread.quote}" (seed ${seed})`
      expect(start.type, where).toBe(end.type)
      const ids = charIds(start.type as Y.XmlText)
      const covered = ids.slice(start.index, Math.max(start.index, end.index))
      const surviving = ids.filter((c) => inside.has(c))
      // Every surviving commented character is covered; no character that was outside is.
      expect(covered.filter((c) => inside.has(c)), where).toEqual(surviving)
      expect(covered.filter((c) => outside.has(c)), where).toEqual([])
      // Deleted (empty) exactly when none of its characters survive.
      if (surviving.length > 0) expect(end.index, where).toBeGreaterThan(start.index)
    }
  })
})
