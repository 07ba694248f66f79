import { editorSchema, nodeToText, resolveSuggestionsIn, updateYdoc, ydocToNode, type SuggestionAttrs } from '@dongbi/schema'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { UserRow } from '../store/UserStore.ts'
import { connectRaw, encodeSync, seededRandom, syncUpdate, startTestServer, synced, waitFor, yClient, type RawSocket, type TestServer, type YClient } from '../testing/index.ts'

/**
 * Suggestion mode on the wire: a comment-level socket (可评论) may add and remove its own
 * suggestions and nothing else; the author accepts or rejects them, also while others edit.
 */

let server: TestServer
const users = {} as Record<'author' | 'mentor' | 'other', { user: UserRow; token: string }>
const opened: { close(): void }[] = []

beforeAll(async () => {
  server = await startTestServer()
  users.author = await server.addUser('author', { displayName: '陈静' })
  users.mentor = await server.addUser('mentor', { displayName: '王芳' })
  users.other = await server.addUser('other', { displayName: '刘洋' })
})

afterEach(() => opened.splice(0).forEach((socket) => socket.close()))
afterAll(() => server?.close())

async function newDocument(): Promise<string> {
  const response = await server.api('/api/documents', { method: 'POST', token: users.author.token, body: { title: '修改建议' } })
  const { id } = (await response.json()) as { id: string }
  for (const [name, level] of [['mentor', 'comment'], ['other', 'comment']] as const) {
    const shared = await server.api(`/api/documents/${id}/shares`, {
      method: 'PUT',
      token: users.author.token,
      body: { granteeType: 'user', granteeId: users[name].user.id, level },
    })
    expect(shared.status).toBe(200)
  }
  return id
}

function client(documentId: string, name: keyof typeof users): YClient {
  const c = yClient(server.collabUrl, documentId, { token: users[name].token })
  opened.push({ close: () => c.destroy() })
  return c
}

/** A piece of a paragraph: plain, or a suggestion by someone. */
type Piece = string | { text: string; mark: 'suggestionInsert' | 'suggestionDelete'; by: keyof typeof users; id: string }

/** Writes one paragraph of pieces into the client's body through y-tiptap, as an editor would. */
function write(c: YClient, pieces: Piece[]): void {
  const content = pieces.map((piece) => {
    if (typeof piece === 'string') return { type: 'text', text: piece }
    const attrs: SuggestionAttrs = { id: piece.id, authorId: users[piece.by].user.id, authorName: piece.by, createdAt: '2026-11-29T00:00:00Z' }
    return { type: 'text', text: piece.text, marks: [{ type: piece.mark, attrs }] }
  })
  updateYdoc(c.doc, editorSchema().nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content }] }))
}

/** The body's text with every character present (insertions and struck text alike). */
const raw = (doc: Y.Doc) => ydocToNode(doc).textContent
const serverDoc = (id: string) => server.collab.readDocument(id)
async function diskDoc(id: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const update of (await server.store.loadUpdates(id)).updates) Y.applyUpdate(doc, update)
  return doc
}
const suggestionIds = (doc: Y.Doc) => {
  const ids = new Set<string>()
  ydocToNode(doc).descendants((node) => node.marks.forEach((m) => m.type.name.startsWith('suggestion') && ids.add(m.attrs.id as string)))
  return [...ids]
}

describe('suggestions through the server', () => {
  it("stores and broadcasts a commenter's suggestions but drops a plain edit, another's suggestion or a rejection of it", async () => {
    const id = await newDocument()
    const author = client(id, 'author')
    await synced(author)
    write(author, ['学习贯彻精神'])
    await waitFor(async () => raw(await serverDoc(id)) === '学习贯彻精神')

    const mentor = client(id, 'mentor')
    await synced(mentor)
    await waitFor(() => raw(mentor.doc) === '学习贯彻精神')
    // A suggested replacement: 学习 struck, 研读 inserted after it.
    write(mentor, [
      { text: '学习', mark: 'suggestionDelete', by: 'mentor', id: 's1' },
      { text: '研读', mark: 'suggestionInsert', by: 'mentor', id: 's1' },
      '贯彻精神',
    ])
    await waitFor(() => raw(author.doc) === '学习研读贯彻精神', { message: 'the author receives the suggestion' })
    expect(suggestionIds(await serverDoc(id))).toEqual(['s1'])
    expect(suggestionIds(await diskDoc(id))).toEqual(['s1'])
    expect(nodeToText(ydocToNode(author.doc))).toBe('学习贯彻精神')

    // A plain edit from a raw comment socket: dropped, with a clear refusal.
    const sneaky = await connectRaw(server.collabUrl, id, { token: users.mentor.token })
    opened.push(sneaky)
    await expectRefused(sneaky, id, (doc) => {
      updateYdoc(doc, editorSchema().nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '篡改' }] }] }))
    })
    // Forging another user's suggestion, or accepting one: dropped too.
    await expectRefused(sneaky, id, (doc) => {
      const node = ydocToNode(doc)
      const json = node.toJSON()
      json.content[0].content.push({ type: 'text', text: '冒名', marks: [{ type: 'suggestionInsert', attrs: { id: 'x', authorId: users.author.user.id, authorName: '陈静', createdAt: '' } }] })
      updateYdoc(doc, editorSchema().nodeFromJSON(json))
    })
    await expectRefused(sneaky, id, (doc) => updateYdoc(doc, resolveSuggestionsIn(ydocToNode(doc), { accept: true })))
    // …and so is another commenter rejecting the mentor's suggestion.
    const other = await connectRaw(server.collabUrl, id, { token: users.other.token })
    opened.push(other)
    await expectRefused(other, id, (doc) => updateYdoc(doc, resolveSuggestionsIn(ydocToNode(doc), { accept: false })))

    // The mentor may take back (reject) their own suggestion.
    updateYdoc(mentor.doc, resolveSuggestionsIn(ydocToNode(mentor.doc), { accept: false }))
    await waitFor(() => raw(author.doc) === '学习贯彻精神', { message: 'the author sees the suggestion withdrawn' })
    expect(suggestionIds(await diskDoc(id))).toEqual([])
    expect(server.errors).toEqual([])
  })

  for (const accept of [true, false]) {
    it(`${accept ? 'accepts' : 'rejects'} under concurrent edits: the result equals ${accept ? 'applying' : 'dropping'} the suggested change`, async () => {
      const random = seededRandom(accept ? 4 : 5)
      for (let round = 0; round < 8; round++) {
        const id = await newDocument()
        const original = [...'深入学习贯彻党的二十大精神以学增智']
        const author = client(id, 'author')
        const mentor = client(id, 'mentor')
        await Promise.all([synced(author), synced(mentor)])
        write(author, [original.join('')])
        await waitFor(() => raw(mentor.doc) === original.join(''))

        // Both go offline and change the document at the same time.
        author.provider.disconnect()
        mentor.provider.disconnect()
        const d1 = 1 + Math.floor(random() * 6)
        const d2 = d1 + 1 + Math.floor(random() * 4)
        const suggested = '认真'
        write(mentor, [
          original.slice(0, d1).join(''),
          { text: original.slice(d1, d2).join(''), mark: 'suggestionDelete', by: 'mentor', id: 's' },
          { text: suggested, mark: 'suggestionInsert', by: 'mentor', id: 's' },
          original.slice(d2).join(''),
        ])
        // The author inserts before some characters and deletes others. Never right at the
        // edges of the suggested deletion: whether text typed there falls inside the struck
        // range is a tie that Yjs breaks by client id. Text typed strictly inside a suggested
        // deletion joins it (Yjs formatting covers a range), so accepting deletes it too.
        const slots = original.map((ch) => ({ before: '', ch: ch as string | null }))
        for (let k = 0; k < 4; k++) {
          const at = Math.floor(random() * original.length)
          if (at === d1 || at === d2) continue
          if (random() < 0.5) slots[at]!.before += '新'
          else slots[at]!.ch = null
        }
        // One small change at a time, from the end, as typing would make them.
        const current = original.map((ch) => ({ before: '', ch: ch as string | null }))
        const render = () => current.map((slot) => slot.before + (slot.ch ?? '')).join('')
        for (let i = slots.length - 1; i >= 0; i--) {
          current[i]!.ch = slots[i]!.ch
          write(author, [render()])
          current[i]!.before = slots[i]!.before
          write(author, [render()])
        }
        author.provider.connect()
        mentor.provider.connect()
        await Promise.all([synced(author), synced(mentor)])
        await waitFor(() => raw(author.doc) === raw(mentor.doc) && suggestionIds(author.doc).length === 1, { message: 'convergence' })

        updateYdoc(author.doc, resolveSuggestionsIn(ydocToNode(author.doc), { accept }))
        const expected = slots
          .map((slot, i) => {
            const struck = accept && i >= d1 && i < d2
            return (struck ? '' : slot.before) + (i === d2 && accept ? suggested : '') + (slot.ch && !struck ? slot.ch : '')
          })
          .join('')
        await waitFor(() => raw(mentor.doc) === expected, { message: `round ${round}: mentor sees ${expected}, has ${raw(mentor.doc)}` })
        expect(raw(author.doc)).toBe(expected)
        expect(raw(await serverDoc(id))).toBe(expected)
        expect(suggestionIds(await diskDoc(id))).toEqual([])
        author.destroy()
        mentor.destroy()
      }
      expect(server.errors).toEqual([])
    })
  }
})

/** Sends a change made on a copy of the server's document from `socket`; it must be refused and go nowhere. */
async function expectRefused(socket: RawSocket, id: string, change: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(await serverDoc(id)))
  const before = raw(doc)
  const serverBefore = raw(await serverDoc(id))
  let update: Uint8Array | undefined
  doc.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u))
  change(doc)
  expect(raw(doc)).not.toBe(before)
  const rows = (await server.store.loadUpdates(id)).updates.length
  socket.send(encodeSync(syncUpdate, update!))
  const refusal = await socket.next((m) => m.type === 'auth' && m.permissionDenied.startsWith('refused'))
  expect(refusal.type === 'auth' && refusal.permissionDenied).toBe('refused: only suggestions are accepted')
  expect(raw(await serverDoc(id))).toBe(serverBefore)
  expect((await server.store.loadUpdates(id)).updates.length).toBe(rows)
}
