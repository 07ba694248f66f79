import { editorSchema, updateYdoc, ydocToNode, type AssignmentDetailDto, type AssignmentDto, type DocumentDto, type NotificationDto, type ThreadDto, type WorkContextDto } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectRaw, encodeSync, startTestServer, syncUpdate, type RawSocket, type TestServer } from '../testing/index.ts'
import { decodeAwarenessEntries, encodeAwarenessEntries, encodeHello } from '../testing/rawSocket.ts'

/**
 * Anonymous peer review beyond the assignment panel: comment threads (REST and live events),
 * notifications, carets and suggestions name a peer 同伴评审 k/N to the author and the other
 * peers, while the peer themself and the setter see real names.
 */

type Person = 'secretary' | 'alice' | 'bob' | 'carol'
let server: TestServer
const tokens = {} as Record<Person, string>
const ids = {} as Record<Person, string>
let documentId = ''
const anchor = { start: 'AAAA', end: 'AAAA' }
const realNames = /刘强|孙丽/

async function call<T = unknown>(who: Person, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await server.api(path, { ...init, token: tokens[who] })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T }
}

async function threads(who: Person): Promise<ThreadDto[]> {
  return (await call<{ threads: ThreadDto[] }>(who, `/api/documents/${documentId}/threads`)).body.threads
}

async function inbox(who: Person): Promise<NotificationDto[]> {
  return (await call<{ notifications: NotificationDto[] }>(who, '/api/notifications')).body.notifications
}

async function listen(who: Person): Promise<RawSocket> {
  const socket = await connectRaw(server.collabUrl, documentId, { token: tokens[who] })
  socket.send(encodeHello())
  await socket.roundTrip()
  return socket
}

function threadEvent(socket: RawSocket, threadId: string, commentCount: number): Promise<ThreadDto> {
  return socket
    .next((m) => m.type === 'event' && m.event.type === 'thread.changed' && m.event.thread.id === threadId && m.event.thread.comments.length === commentCount)
    .then((m) => (m.type === 'event' && m.event.type === 'thread.changed' ? m.event.thread : (undefined as never)))
}

beforeAll(async () => {
  server = await startTestServer()
  for (const [name, displayName] of [
    ['secretary', '王书记'],
    ['alice', '陈静'],
    ['bob', '刘强'],
    ['carol', '孙丽'],
  ] as const) {
    const { user, token } = await server.addUser(name, { displayName })
    tokens[name] = token
    ids[name] = user.id
  }
  const made = await server.api('/api/branches', { method: 'POST', body: { name: '第一支部' } })
  const branchId = ((await made.json()) as { id: string }).id
  await server.store.branches.setRole(branchId, ids.secretary, 'secretary')
  for (const member of ['alice', 'bob', 'carol'] as const) await server.store.branches.setRole(branchId, ids[member], 'member')
  const assignment = await call<AssignmentDto>('secretary', '/api/assignments', {
    method: 'POST',
    body: {
      branchId,
      title: '学习心得',
      prompt: '谈谈体会。',
      kind: 'reflection',
      templateId: 'reflection',
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      length: { min: 0, max: 3000 },
      audience: { type: 'members', userIds: [ids.alice, ids.bob, ids.carol] },
      rubric: [{ id: 'depth', name: '深度', description: '', levels: [{ id: 'good', label: '好', points: 5 }] }],
      allocation: { type: 'peer', count: 2, anonymous: true },
    },
  })
  expect(assignment.status, JSON.stringify(assignment.body)).toBe(201)
  const started = await call<AssignmentDetailDto>('alice', `/api/assignments/${assignment.body.id}/start`, { method: 'POST' })
  documentId = started.body.mine!.documentId!
  expect((await call('alice', `/api/assignments/${assignment.body.id}/submit`, { method: 'POST', body: {} })).status).toBe(200)
  // alice's peers are the next two in username order: bob (1/2) and carol (2/2).
  const context = await call<WorkContextDto>('secretary', `/api/documents/${documentId}/assignment`)
  expect(context.body.reviewers.map((r) => r.id)).toEqual([ids.bob, ids.carol])
})

afterAll(async () => {
  await server?.close()
})

describe('an anonymous peer on the work document', () => {
  it('is 同伴评审 k/N in the author’s threads, REST and live; the peer and the setter see the name', async () => {
    const author = await listen('alice')
    const setter = await listen('secretary')
    const created = await call<ThreadDto>('carol', `/api/documents/${documentId}/threads`, { method: 'POST', body: { anchor, quote: '体会', body: '第二段可以再具体些', mentions: [] } })
    expect(created.status).toBe(201)
    // The peer's own answer names her.
    expect(created.body.author).toEqual({ id: ids.carol, name: '孙丽', color: expect.any(String) })

    const live = await threadEvent(author, created.body.id, 1)
    expect(live.author).toEqual({ id: 'peer-2-of-2', name: '同伴评审 2/2', color: '#6e7781', alias: { index: 2, of: 2 } })
    expect(JSON.stringify(live)).not.toMatch(realNames)
    expect(JSON.stringify(live)).not.toContain(ids.carol)
    expect((await threadEvent(setter, created.body.id, 1)).author.name).toBe('孙丽')

    const [seen] = await threads('alice')
    expect(seen!.comments[0]!.author).toMatchObject({ name: '同伴评审 2/2', alias: { index: 2, of: 2 } })
    expect(JSON.stringify(await threads('alice'))).not.toMatch(realNames)
    // The other peer does not learn her name either; the setter does.
    expect((await threads('bob'))[0]!.author.name).toBe('同伴评审 2/2')
    expect((await threads('secretary'))[0]!.author.name).toBe('孙丽')
    expect((await threads('carol'))[0]!.author.name).toBe('孙丽')

    // The author's reply is named as usual, and the peer's answer still hides nobody from her.
    const replied = await call<ThreadDto>('alice', `/api/documents/${documentId}/threads/${created.body.id}/comments`, { method: 'POST', body: { body: '好的，我再改' } })
    expect(replied.body.comments.map((c) => c.author.name)).toEqual(['同伴评审 2/2', '陈静'])
    const resolved = await call<ThreadDto>('carol', `/api/documents/${documentId}/threads/${created.body.id}/resolve`, { method: 'POST' })
    expect(resolved.body.resolvedBy?.name).toBe('孙丽')
    const afterResolve = await author.next((m) => m.type === 'event' && m.event.type === 'thread.changed' && m.event.thread.status === 'resolved')
    expect(afterResolve.type === 'event' && afterResolve.event.type === 'thread.changed' && afterResolve.event.thread.resolvedBy?.name).toBe('同伴评审 2/2')
    author.close()
    setter.close()
  })

  it('is 同伴评审 k/N in the author’s mention and reply notifications', async () => {
    const created = await call<ThreadDto>('bob', `/api/documents/${documentId}/threads`, {
      method: 'POST',
      body: { anchor, quote: '学习', body: '@陈静 标题可以更醒目', mentions: [ids.alice] },
    })
    await call('alice', `/api/documents/${documentId}/threads/${created.body.id}/comments`, { method: 'POST', body: { body: '收到' } })
    await call('bob', `/api/documents/${documentId}/threads/${created.body.id}/comments`, { method: 'POST', body: { body: '谢谢' } })
    const told = (await inbox('alice')).filter((n) => n.kind === 'mention' || n.kind === 'reply')
    expect(told.map((n) => n.kind).sort()).toEqual(['mention', 'reply'])
    for (const n of told) {
      expect(n).toMatchObject({ actorId: null, actorName: null, data: { actorAlias: '同伴评审 1/2', peerAlias: { index: 1, of: 2 } } })
      expect(JSON.stringify(n)).not.toMatch(realNames)
    }
    // The peer is told about the author's reply by her name.
    expect((await inbox('bob')).find((n) => n.kind === 'reply')).toMatchObject({ actorId: ids.alice, actorName: '陈静' })
  })

  it('carries the alias on the caret the author sees', async () => {
    const author = await listen('alice')
    const peer = await listen('bob')
    peer.send(encodeAwarenessEntries([{ clientId: 4242, clock: 1, state: { user: { id: ids.bob, name: '刘强', color: '#ff0000' }, cursor: null } }]))
    const message = await author.next((m) => m.type === 'awareness' && decodeAwarenessEntries(m.payload).some((e) => e.clientId === 4242))
    const entry = message.type === 'awareness' ? decodeAwarenessEntries(message.payload).find((e) => e.clientId === 4242) : undefined
    expect(entry?.state.user).toEqual({ id: 'peer-1-of-2', name: '同伴评审 1/2', color: '#6e7781' })
    author.close()
    peer.close()
  })

  it('is 同伴评审 k/N in the author’s share list (reviewers get a share on submission)', async () => {
    type Shares = { shares: { granteeId: string; granteeName: string; alias?: unknown }[] }
    const seen = (await call<Shares>('alice', `/api/documents/${documentId}/shares`)).body.shares
    expect(seen.map((s) => [s.granteeId, s.granteeName]).sort()).toEqual([
      ['peer-1-of-2', '同伴评审 1/2'],
      ['peer-2-of-2', '同伴评审 2/2'],
      [ids.secretary, '王书记'],
    ].sort())
    expect(JSON.stringify(seen)).not.toMatch(realNames)
    const bySetter = (await call<Shares>('secretary', `/api/documents/${documentId}/shares`)).body.shares
    expect(bySetter.map((s) => s.granteeName).sort()).toEqual(['刘强', '孙丽', '王书记'].sort())
  })

  it('tells the document’s answer it is an assignment work, and a peer the alias they act under', async () => {
    const alice = await call<DocumentDto>('alice', `/api/documents/${documentId}`)
    expect(alice.body.assignmentId).toEqual(expect.any(String))
    expect(alice.body.shownAs).toBeUndefined()
    expect((await call<DocumentDto>('bob', `/api/documents/${documentId}`)).body.shownAs).toEqual({ id: 'peer-1-of-2', name: '同伴评审 1/2' })
    expect((await call<DocumentDto>('carol', `/api/documents/${documentId}`)).body.shownAs).toEqual({ id: 'peer-2-of-2', name: '同伴评审 2/2' })
    const plain = await call<DocumentDto>('alice', '/api/documents', { method: 'POST', body: { title: '随笔' } })
    expect(plain.body).not.toHaveProperty('assignmentId')
    expect((await call<DocumentDto>('alice', `/api/documents/${plain.body.id}`)).body).not.toHaveProperty('assignmentId')
  })

  it('takes a peer’s suggestions only under the alias, so the author’s document never holds her name', async () => {
    const peer = await connectRaw(server.collabUrl, documentId, { token: tokens.carol })
    await peer.roundTrip()
    const suggest = async (authorId: string, authorName: string, suggestionId: string) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(await server.collab.readDocument(documentId)))
      let update: Uint8Array | undefined
      doc.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u))
      const json = ydocToNode(doc).toJSON()
      const block = (json.content as { content?: unknown[] }[]).find((b) => b.content?.length)!
      block.content!.push({ type: 'text', text: '建议补充', marks: [{ type: 'suggestionInsert', attrs: { id: suggestionId, authorId, authorName, createdAt: '' } }] })
      updateYdoc(doc, editorSchema().nodeFromJSON(json))
      peer.send(encodeSync(syncUpdate, update!))
      await peer.roundTrip()
    }
    const authors = async () => {
      const found: string[] = []
      ydocToNode(await server.collab.readDocument(documentId)).descendants((node) => node.marks.forEach((m) => m.type.name === 'suggestionInsert' && found.push(`${m.attrs.authorId}:${m.attrs.authorName}`)))
      return found
    }
    const refusals = () => peer.messages.filter((m) => m.type === 'auth' && m.permissionDenied.startsWith('refused')).length
    await suggest(ids.carol, '孙丽', 'own-name')
    expect(refusals()).toBe(1)
    expect(await authors()).toEqual([])
    await suggest('peer-2-of-2', '同伴评审 2/2', 'as-alias')
    expect(refusals()).toBe(1)
    expect(await authors()).toEqual(['peer-2-of-2:同伴评审 2/2'])
    peer.close()
  })
})
