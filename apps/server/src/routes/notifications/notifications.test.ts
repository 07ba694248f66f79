import { MessageType, type NotificationListDto } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectRaw, encodeHello, startTestServer, type RawSocket, type ServerMessage, type TestServer } from '../../testing/index.ts'
import type { UserRow } from '../../store/UserStore.ts'

let server: TestServer
let author: { user: UserRow; token: string }
let mentor: { user: UserRow; token: string }
const sockets: RawSocket[] = []

beforeAll(async () => {
  server = await startTestServer()
  author = await server.addUser('author', { displayName: '作者' })
  mentor = await server.addUser('mentor', { displayName: '导师' })
})
afterAll(async () => {
  for (const socket of sockets) socket.close()
  await server?.close()
})

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = await response.text()
  expect(response.status, body).toBe(status)
  return JSON.parse(body) as T
}

/** A document of the author's, submitted to the mentor: one notification in the mentor's inbox. */
async function submitToMentor(): Promise<string> {
  const { id } = await json<{ id: string }>(await server.api('/api/documents', { method: 'POST', body: { title: '心得' }, token: author.token }), 201)
  await json(await server.api(`/api/documents/${id}/review/submit`, { method: 'POST', body: { reviewerId: mentor.user.id }, token: author.token }))
  return id
}

async function open(documentId: string, token: string, { hello }: { hello: boolean }): Promise<RawSocket> {
  const socket = await connectRaw(server.collabUrl, documentId, { token })
  sockets.push(socket)
  if (hello) socket.send(encodeHello())
  // A round trip proves the server handled the Hello before the test goes on.
  await socket.roundTrip()
  return socket
}

const isEvent = (m: ServerMessage): m is Extract<ServerMessage, { type: 'event' }> => m.type === 'event'

describe('notifications', () => {
  it('lists the inbox with an unread count; marks some or all read, only ever the caller’s own', async () => {
    const before = (await json<NotificationListDto>(await server.api('/api/notifications', { token: mentor.token }))).unread
    await submitToMentor()
    await submitToMentor()
    const inbox = await json<NotificationListDto>(await server.api('/api/notifications', { token: mentor.token }))
    expect(inbox.unread).toBe(before + 2)
    const [newest] = inbox.notifications
    // Someone else cannot mark the mentor's notification read (and is not told it exists).
    expect(await json(await server.api('/api/notifications/read', { method: 'POST', body: { ids: [newest!.id] }, token: author.token }))).toEqual({ unread: 0 })
    expect((await json<NotificationListDto>(await server.api('/api/notifications', { token: mentor.token }))).unread).toBe(before + 2)

    expect(await json(await server.api('/api/notifications/read', { method: 'POST', body: { ids: [newest!.id] }, token: mentor.token }))).toEqual({ unread: before + 1 })
    const unreadOnly = await json<NotificationListDto>(await server.api('/api/notifications?unread=true', { token: mentor.token }))
    expect(unreadOnly.notifications.map((n) => n.id)).not.toContain(newest!.id)
    expect(await json(await server.api('/api/notifications/read', { method: 'POST', body: { all: true }, token: mentor.token }))).toEqual({ unread: 0 })
    const all = await json<NotificationListDto>(await server.api('/api/notifications', { token: mentor.token }))
    expect(all.notifications.every((n) => n.readAt !== null)).toBe(true)
  })

  it('validates its input (400)', async () => {
    for (const body of [{}, { ids: [] }, { all: false }, { ids: ['x'] }, { ids: ['AAAAAAAAAAAAAAAA'], all: true }]) {
      await json(await server.api('/api/notifications/read', { method: 'POST', body, token: mentor.token }), 400)
    }
    await json(await server.api('/api/notifications?limit=0', { token: mentor.token }), 400)
    await json(await server.api('/api/notifications?unread=yes', { token: mentor.token }), 400)
  })

  it('greets a socket that says Hello with the unread count, then pushes every change, to that user’s Hello sockets only', async () => {
    await json(await server.api('/api/notifications/read', { method: 'POST', body: { all: true }, token: mentor.token }))
    const documentId = await submitToMentor() // the mentor can now open it, and has one unread
    const greeted = await open(documentId, mentor.token, { hello: true })
    const stock = await open(documentId, mentor.token, { hello: false })
    const someoneElse = await open(documentId, author.token, { hello: true })
    const counts = () => greeted.messages.flatMap((m) => (m.type === 'event' ? [m.event] : []))
    await greeted.next(isEvent)
    expect(counts()).toEqual([{ type: 'notifications', unread: 1 }])

    await submitToMentor()
    await greeted.next((m) => isEvent(m) && m.event.type === 'notifications' && m.event.unread === 2)
    await json(await server.api('/api/notifications/read', { method: 'POST', body: { all: true }, token: mentor.token }))
    await greeted.next((m) => isEvent(m) && m.event.type === 'notifications' && m.event.unread === 0)
    expect(counts().map((e) => (e.type === 'notifications' ? e.unread : -1))).toEqual([1, 2, 0])

    // Round trips after the pushes: had either socket been sent a mentor's event, it would be here by now.
    await Promise.all([stock.roundTrip(), someoneElse.roundTrip()])
    const events = (s: RawSocket) => s.messages.filter((m) => m.type === 'event' || (m.type === 'other' && m.bytes[0] === MessageType.Event))
    expect(events(stock)).toEqual([])
    // The author's socket got only its own greeting.
    expect(events(someoneElse)).toEqual([{ type: 'event', event: { type: 'notifications', unread: expect.any(Number) } }])
  })

  it('closes a socket that sends a malformed Hello (4400)', async () => {
    const documentId = await submitToMentor()
    const socket = await connectRaw(server.collabUrl, documentId, { token: mentor.token })
    sockets.push(socket)
    socket.send(new Uint8Array([MessageType.Hello, 0]))
    expect((await socket.closed).code).toBe(4400)
  })
})
