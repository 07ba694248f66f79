import type { NotificationDto, ThreadDto } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectRaw, createDocument, startTestServer, type TestServer } from '../../testing/index.ts'
import { encodeHello } from '../../testing/rawSocket.ts'

let server: TestServer
let author: { user: { id: string }; token: string }
let mentor: { user: { id: string }; token: string }
let outsider: { user: { id: string }; token: string }
let documentId: string

beforeAll(async () => {
  server = await startTestServer()
  author = await server.addUser('author', { displayName: '陈静' })
  mentor = await server.addUser('mentor', { displayName: '刘洋' })
  outsider = await server.addUser('outsider', { displayName: '路人' })
  documentId = (await createDocument({ url: server.url, token: author.token })).id
  await server.api(`/api/documents/${documentId}/shares`, { method: 'PUT', token: author.token, body: { granteeType: 'user', granteeId: mentor.user.id, level: 'comment' } })
})

afterAll(async () => {
  await server?.close()
})

const anchor = { start: 'AAAA', end: 'AAAA' }

async function inbox(token: string): Promise<NotificationDto[]> {
  return ((await (await server.api('/api/notifications', { token })).json()) as { notifications: NotificationDto[] }).notifications
}

describe('comment threads', () => {
  it('tells the people it mentions and, on replies, the others in the thread', async () => {
    const created = await server.api(`/api/documents/${documentId}/threads`, {
      method: 'POST',
      token: mentor.token,
      body: { anchor, quote: '贯彻', body: '@陈静 这里再具体些', mentions: [author.user.id] },
    })
    expect(created.status).toBe(201)
    const thread = (await created.json()) as ThreadDto
    expect((await inbox(author.token)).map((n) => n.kind)).toEqual(['mention'])

    await server.api(`/api/documents/${documentId}/threads/${thread.id}/comments`, { method: 'POST', token: author.token, body: { body: '好的' } })
    expect((await inbox(mentor.token)).map((n) => n.kind)).toEqual(['reply'])
    expect((await inbox(author.token)).length).toBe(1)
  })

  it('refuses to mention someone who cannot read the document', async () => {
    const response = await server.api(`/api/documents/${documentId}/threads`, {
      method: 'POST',
      token: mentor.token,
      body: { anchor, quote: '贯彻', body: '@路人 看看', mentions: [outsider.user.id] },
    })
    expect(response.status).toBe(400)
    expect(await inbox(outsider.token)).toEqual([])
  })

  it('pushes thread changes live to 动笔 sockets on the document only', async () => {
    const listener = await connectRaw(server.collabUrl, documentId, { token: author.token })
    listener.send(encodeHello())
    await listener.roundTrip()
    const response = await server.api(`/api/documents/${documentId}/threads`, { method: 'POST', token: mentor.token, body: { anchor, quote: '精神', body: '好' } })
    const thread = (await response.json()) as ThreadDto
    const event = await listener.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'thread.changed')
    expect(event.type === 'event' && event.event).toMatchObject({ type: 'thread.changed', thread: { id: thread.id, status: 'open' } })
    await server.api(`/api/documents/${documentId}/threads/${thread.id}/resolve`, { method: 'POST', token: author.token })
    await listener.next((m) => m.type === 'event' && (m.event as { type: string; thread?: ThreadDto }).thread?.status === 'resolved')
    listener.close()
  })

  it('lets only the author edit or delete a comment, and deleting the first one deletes the thread', async () => {
    const response = await server.api(`/api/documents/${documentId}/threads`, { method: 'POST', token: mentor.token, body: { anchor, quote: '学习', body: '初稿' } })
    const thread = (await response.json()) as ThreadDto
    const first = thread.comments[0]!.id
    expect((await server.api(`/api/documents/${documentId}/comments/${first}`, { method: 'PATCH', token: author.token, body: { body: '改' } })).status).toBe(403)
    const edited = (await (await server.api(`/api/documents/${documentId}/comments/${first}`, { method: 'PATCH', token: mentor.token, body: { body: '改稿' } })).json()) as ThreadDto
    expect(edited.comments[0]).toMatchObject({ body: '改稿' })
    expect(edited.comments[0]!.editedAt).not.toBeNull()
    expect((await server.api(`/api/documents/${documentId}/comments/${first}`, { method: 'DELETE', token: mentor.token })).status).toBe(204)
    const { threads } = (await (await server.api(`/api/documents/${documentId}/threads`, { token: author.token })).json()) as { threads: ThreadDto[] }
    expect(threads.some((t) => t.id === thread.id)).toBe(false)
  })
})
