import { CloseCode } from '@dongbi/schema'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { UserRow } from '../store/UserStore.ts'
import {
  connectRaw,
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  encodeSync,
  login,
  openRawSocket,
  startTestServer,
  synced,
  syncStep2,
  syncUpdate,
  waitFor,
  yClient,
  type RawSocket,
  type ServerMessage,
  type TestServer,
  type YClient,
} from '../testing/index.ts'

/**
 * The collaboration socket enforces the same permissions as REST: who may open it, what a
 * read-only socket may change (nothing), whose name its cursor carries (its own), and how
 * fast a change of access reaches an open socket.
 */

const password = 'correct horse battery staple'
const names = ['owner', 'editor', 'commenter', 'viewer', 'stranger', 'revokee', 'lowered', 'raised', 'disablee', 'bystander', 'logoutuser', 'tokenuser', 'changer', 'member'] as const
type Name = (typeof names)[number]

let server: TestServer
const users = {} as Record<Name, { user: UserRow; token: string }>
/** Sockets and clients opened by a test, closed after it. */
const opened: { close(): void }[] = []

function track<T extends { close(): void }>(socket: T): T {
  opened.push(socket)
  return socket
}

function stock(documentId: string, name: Name): YClient {
  const client = yClient(server.collabUrl, documentId, { token: users[name].token })
  opened.push({ close: () => client.destroy() })
  return client
}

function raw(documentId: string, name: Name, headers?: Record<string, string>): Promise<RawSocket> {
  return connectRaw(server.collabUrl, documentId, { token: users[name].token, headers }).then(track)
}

/** A Yjs update inserting `text` at the start of the shared text, from a fresh client. */
function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** The server's in-memory copy. */
async function memoryText(documentId: string): Promise<string> {
  return (await server.collab.readDocument(documentId)).getText('t').toString()
}

/** What the store holds, replayed into a fresh document. */
async function diskText(documentId: string): Promise<string> {
  const doc = new Y.Doc()
  for (const update of (await server.store.loadUpdates(documentId)).updates) Y.applyUpdate(doc, update)
  const text = doc.getText('t').toString()
  doc.destroy()
  return text
}

async function newDocument(shares: Partial<Record<Name, 'edit' | 'comment' | 'view'>>): Promise<string> {
  const response = await server.api('/api/documents', { method: 'POST', token: users.owner.token, body: { title: '学习心得' } })
  expect(response.status).toBe(201)
  const { id } = (await response.json()) as { id: string }
  for (const [name, level] of Object.entries(shares)) await share(id, name as Name, level)
  return id
}

async function share(documentId: string, name: Name, level: 'edit' | 'comment' | 'view'): Promise<void> {
  const response = await server.api(`/api/documents/${documentId}/shares`, {
    method: 'PUT',
    token: users.owner.token,
    body: { granteeType: 'user', granteeId: users[name].user.id, level },
  })
  expect(response.status).toBe(200)
}

/** Resolves with the close code, or fails if the socket is still open after `ms`. */
async function closedWithin(socket: RawSocket, ms: number): Promise<number> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms)
  })
  try {
    return (await Promise.race([socket.closed, timeout])).code
  } finally {
    clearTimeout(timer)
  }
}

const isReadOnly = (m: ServerMessage): m is Extract<ServerMessage, { type: 'auth' }> => m.type === 'auth'

/**
 * Proves that everything `socket` sent before now has been handled and that any broadcast
 * it caused would have reached `observer`: a round trip on `socket`, then a sentinel edit by
 * `writer` that `observer` must receive (broadcasts go out in order).
 */
async function settle(socket: RawSocket, writer: RawSocket, observer: YClient, sentinel: string): Promise<void> {
  await socket.roundTrip()
  writer.send(encodeSync(syncUpdate, textUpdate(sentinel)))
  await writer.roundTrip()
  await waitFor(() => observer.text().includes(sentinel), { message: `observer receives ${sentinel}` })
}

beforeAll(async () => {
  server = await startTestServer()
  const created = await Promise.all(names.map((name) => server.addUser(name, { displayName: `${name} 同志` })))
  names.forEach((name, i) => (users[name] = created[i]!))
})

afterEach(() => {
  for (const socket of opened.splice(0)) socket.close()
})

afterAll(async () => {
  await server?.close()
})

describe('who may open a socket', () => {
  let documentId: string
  beforeAll(async () => {
    documentId = await newDocument({ viewer: 'view' })
  })

  it('refuses an upgrade without a session or token with 401, never 101', async () => {
    expect((await openRawSocket(server.collabUrl, documentId)).status).toBe(401)
    expect((await openRawSocket(server.collabUrl, documentId, { token: 'dbt_not-a-real-token' })).status).toBe(401)
    expect((await openRawSocket(server.collabUrl, documentId, { headers: { cookie: 'dongbi_session=dbs_forged' } })).status).toBe(401)
  })

  it('refuses a cross-origin upgrade with 403 even with valid credentials (cross-site WebSocket hijacking)', async () => {
    const cookie = await login(server.url, 'owner', password)
    const evil = { origin: 'https://evil.example' }
    expect((await openRawSocket(server.collabUrl, documentId, { token: users.owner.token, headers: evil })).status).toBe(403)
    expect((await openRawSocket(server.collabUrl, documentId, { headers: { ...evil, cookie } })).status).toBe(403)
    // The same credentials from the server's own origin, or with no Origin (non-browser), are let in.
    const own = await openRawSocket(server.collabUrl, documentId, { headers: { origin: server.url, cookie } })
    expect(own.status).toBe(101)
    track(own.socket!)
    const bare = await openRawSocket(server.collabUrl, documentId, { token: users.owner.token })
    expect(bare.status).toBe(101)
    track(bare.socket!)
  })

  it('refuses a user who cannot read the document with 403; a viewer gets in', async () => {
    expect((await openRawSocket(server.collabUrl, documentId, { token: users.stranger.token })).status).toBe(403)
    const viewer = await openRawSocket(server.collabUrl, documentId, { token: users.viewer.token })
    expect(viewer.status).toBe(101)
    track(viewer.socket!)
  })
})

describe('a read-only socket changes nothing', () => {
  for (const [name, level] of [
    ['viewer', 'view'],
    ['commenter', 'comment'],
  ] as const) {
    it(`drops a ${level} socket's crafted update and sync step 2: not in memory, on disk, or at other clients`, async () => {
      const documentId = await newDocument({ editor: 'edit', [name]: level })
      const writer = await raw(documentId, 'owner')
      writer.send(encodeSync(syncUpdate, textUpdate('原文')))
      await writer.roundTrip()
      const observer = stock(documentId, 'editor')
      await synced(observer)
      await waitFor(() => observer.text() === '原文')
      const rowsBefore = (await server.store.loadUpdates(documentId)).updates.length

      const reader = await raw(documentId, name)
      // Told on joining that its edits are not accepted, in the y-protocols auth format.
      expect((await reader.next(isReadOnly)).permissionDenied).toBe(`read-only: ${level}`)
      reader.send(encodeSync(syncUpdate, textUpdate('篡改更新')))
      reader.send(encodeSync(syncStep2, textUpdate('篡改同步')))
      await settle(reader, writer, observer, '哨兵')

      expect(await memoryText(documentId)).not.toMatch(/篡改/)
      expect(await diskText(documentId)).not.toMatch(/篡改/)
      expect(observer.text()).not.toMatch(/篡改/)
      // Only the sentinel was stored after the reader's messages.
      expect((await server.store.loadUpdates(documentId)).updates.length).toBe(rowsBefore + 1)
      expect(reader.ws.readyState).toBe(reader.ws.OPEN)
      expect(server.errors).toEqual([])

      // Control: the very same messages from an editor's socket are accepted.
      const editor = await raw(documentId, 'editor')
      editor.send(encodeSync(syncUpdate, textUpdate('编辑更新')))
      editor.send(encodeSync(syncStep2, textUpdate('编辑同步')))
      await editor.roundTrip()
      await waitFor(() => observer.text().includes('编辑更新') && observer.text().includes('编辑同步'))
      expect(await memoryText(documentId)).toMatch(/编辑更新/)
      expect(await diskText(documentId)).toMatch(/编辑同步/)
    })
  }
})

describe('awareness carries the authenticated identity', () => {
  let documentId: string
  beforeAll(async () => {
    documentId = await newDocument({ editor: 'edit', commenter: 'comment', viewer: 'view' })
  })

  it("overwrites a spoofed `user` with the socket's real user", async () => {
    const observer = stock(documentId, 'owner')
    await synced(observer)
    const spoofer = await raw(documentId, 'editor')
    const root = (await server.store.users.byUsername('root'))!
    spoofer.send(encodeAwarenessEntries([{ clientId: 91_001, clock: 1, state: { user: { id: root.id, name: 'root', color: '#000000' }, cursor: { anchor: 1 } } }]))
    await waitFor(() => observer.provider.awareness.getStates().has(91_001), { message: 'the spoofed state to arrive' })
    const { user, cursor } = observer.provider.awareness.getStates().get(91_001)!
    const editor = users.editor.user
    expect(user).toEqual({ id: editor.id, name: editor.display_name, color: editor.color })
    expect(cursor).toEqual({ anchor: 1 })
  })

  it("ignores a socket claiming another socket's awareness client id", async () => {
    const observer = stock(documentId, 'owner')
    await synced(observer)
    const states = () => observer.provider.awareness.getStates()
    const owner = await raw(documentId, 'editor')
    owner.send(encodeAwarenessEntries([{ clientId: 92_001, clock: 1, state: { tag: 'mine' } }]))
    await waitFor(() => states().get(92_001)?.tag === 'mine')

    const thief = await raw(documentId, 'commenter')
    thief.send(encodeAwarenessEntries([{ clientId: 92_001, clock: 5, state: { tag: 'stolen' } }]))
    thief.send(encodeAwarenessEntries([{ clientId: 92_001, clock: 6, state: null }]))
    thief.send(encodeAwarenessEntries([{ clientId: 92_002, clock: 1, state: { tag: 'thief' } }]))
    await waitFor(() => states().get(92_002)?.tag === 'thief', { message: "the thief's own state (sent last) to arrive" })
    expect(states().get(92_001)).toEqual({ tag: 'mine', user: { id: users.editor.user.id, name: users.editor.user.display_name, color: users.editor.user.color } })
    expect(states().get(92_002)!.user.id).toBe(users.commenter.user.id)
    // Nothing the thief sent about 92001 was relayed to anyone.
    const relayed = thief.messages.concat(owner.messages).filter((m) => m.type === 'awareness')
    for (const message of relayed) {
      for (const entry of decodeAwarenessEntries((message as { payload: Uint8Array }).payload)) {
        if (entry.clientId === 92_001) expect(entry.state?.tag).toBe('mine')
      }
    }

    // Control: the owning socket may update its own entry.
    owner.send(encodeAwarenessEntries([{ clientId: 92_001, clock: 2, state: { tag: 'mine again' } }]))
    await waitFor(() => states().get(92_001)?.tag === 'mine again')
    // When the thief leaves, only its own entry goes.
    thief.close()
    await waitFor(() => !states().has(92_002), { message: "the thief's entry to be removed" })
    expect(states().get(92_001)?.tag).toBe('mine again')
  })
})

describe('a change of access reaches open sockets', () => {
  it('removing the share closes the socket with 4403 within 5 s, and it cannot reconnect', async () => {
    const documentId = await newDocument({ revokee: 'edit' })
    const socket = await raw(documentId, 'revokee')
    await socket.roundTrip()
    const response = await server.api(`/api/documents/${documentId}/shares/user/${users.revokee.user.id}`, { method: 'DELETE', token: users.owner.token })
    expect(response.status).toBe(204)
    expect(await closedWithin(socket, 5_000)).toBe(CloseCode.AccessRevoked)
    expect((await openRawSocket(server.collabUrl, documentId, { token: users.revokee.token })).status).toBe(403)
  })

  it('lowering edit → view turns the socket read-only in place: it stays open and its updates are dropped', async () => {
    const documentId = await newDocument({ lowered: 'edit', editor: 'edit' })
    const socket = await raw(documentId, 'lowered')
    const writer = await raw(documentId, 'owner')
    const observer = stock(documentId, 'editor')
    await synced(observer)
    socket.send(encodeSync(syncUpdate, textUpdate('降级前')))
    await socket.roundTrip()
    await waitFor(() => observer.text().includes('降级前'))
    expect(socket.messages.some(isReadOnly)).toBe(false)

    await share(documentId, 'lowered', 'view')
    expect((await socket.next(isReadOnly)).permissionDenied).toBe('read-only: view')
    socket.send(encodeSync(syncUpdate, textUpdate('降级后')))
    socket.send(encodeSync(syncStep2, textUpdate('降级后同步')))
    await settle(socket, writer, observer, '哨兵')
    expect(observer.text()).not.toMatch(/降级后/)
    expect(await memoryText(documentId)).not.toMatch(/降级后/)
    expect(await diskText(documentId)).not.toMatch(/降级后/)
    expect(await diskText(documentId)).toMatch(/降级前/)
    expect(socket.ws.readyState).toBe(socket.ws.OPEN)
  })

  it('raising view → edit closes the socket with 4409 so the client reconnects with the new access', async () => {
    const documentId = await newDocument({ raised: 'view' })
    const socket = await raw(documentId, 'raised')
    await socket.next(isReadOnly)
    await share(documentId, 'raised', 'edit')
    expect(await closedWithin(socket, 5_000)).toBe(CloseCode.AccessChanged)
    const again = await raw(documentId, 'raised')
    again.send(encodeSync(syncUpdate, textUpdate('升级后')))
    await again.roundTrip()
    expect(await diskText(documentId)).toMatch(/升级后/)
    expect(again.messages.some(isReadOnly)).toBe(false)
  })

  it("disabling a user closes all of their sockets (token and session), and only theirs", async () => {
    const first = await newDocument({ disablee: 'edit', bystander: 'edit' })
    const second = await newDocument({ disablee: 'view' })
    const cookie = await login(server.url, 'disablee', password)
    const viaToken = await raw(first, 'disablee')
    const viaSession = track(await connectRaw(server.collabUrl, second, { headers: { cookie } }))
    const other = await raw(first, 'bystander')
    await Promise.all([viaToken.roundTrip(), viaSession.roundTrip(), other.roundTrip()])

    const response = await server.api(`/api/users/${users.disablee.user.id}`, { method: 'PATCH', body: { disabled: true } })
    expect(response.status).toBe(200)
    expect(await closedWithin(viaToken, 5_000)).toBe(CloseCode.AccessRevoked)
    expect(await closedWithin(viaSession, 5_000)).toBe(CloseCode.AccessRevoked)
    await other.roundTrip()
    expect(other.ws.readyState).toBe(other.ws.OPEN)
    expect((await openRawSocket(server.collabUrl, first, { token: users.disablee.token })).status).toBe(401)
  })

  it('logging out closes the sockets of that session, not those opened with a token', async () => {
    const documentId = await newDocument({ logoutuser: 'edit' })
    const cookie = await login(server.url, 'logoutuser', password)
    const otherCookie = await login(server.url, 'logoutuser', password)
    const viaSession = track(await connectRaw(server.collabUrl, documentId, { headers: { cookie } }))
    const viaOtherSession = track(await connectRaw(server.collabUrl, documentId, { headers: { cookie: otherCookie } }))
    const viaToken = await raw(documentId, 'logoutuser')
    await Promise.all([viaSession.roundTrip(), viaOtherSession.roundTrip(), viaToken.roundTrip()])

    const response = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: server.url } })
    expect(response.status).toBe(204)
    expect(await closedWithin(viaSession, 5_000)).toBe(CloseCode.AccessRevoked)
    await Promise.all([viaOtherSession.roundTrip(), viaToken.roundTrip()])
    expect(viaOtherSession.ws.readyState).toBe(viaOtherSession.ws.OPEN)
    expect(viaToken.ws.readyState).toBe(viaToken.ws.OPEN)
    expect((await openRawSocket(server.collabUrl, documentId, { headers: { cookie } })).status).toBe(401)
  })

  it('changing the password closes the sockets of the other sessions, not of this one', async () => {
    const documentId = await newDocument({ changer: 'edit' })
    const mine = await login(server.url, 'changer', password)
    const other = await login(server.url, 'changer', password)
    const viaMine = track(await connectRaw(server.collabUrl, documentId, { headers: { cookie: mine } }))
    const viaOther = track(await connectRaw(server.collabUrl, documentId, { headers: { cookie: other } }))
    await Promise.all([viaMine.roundTrip(), viaOther.roundTrip()])
    const response = await fetch(`${server.url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie: mine, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: password, newPassword: 'another fine passphrase' }),
    })
    expect(response.status).toBe(204)
    expect(await closedWithin(viaOther, 5_000)).toBe(CloseCode.AccessRevoked)
    await viaMine.roundTrip()
    expect(viaMine.ws.readyState).toBe(viaMine.ws.OPEN)
  })

  it("removing someone from the owning branch closes their socket on the branch's document", async () => {
    const branch = (await (await server.api('/api/branches', { method: 'POST', body: { name: '协作支部' } })).json()) as { id: string }
    expect((await server.api(`/api/branches/${branch.id}/members/${users.member.user.id}`, { method: 'PUT', body: { role: 'member' } })).status).toBe(200)
    const created = await server.api('/api/documents', { method: 'POST', token: users.member.token, body: { title: '支部纪要', branchId: branch.id } })
    expect(created.status).toBe(201)
    const { id: documentId } = (await created.json()) as { id: string }
    const socket = await raw(documentId, 'member')
    socket.send(encodeSync(syncUpdate, textUpdate('成员编辑')))
    await socket.roundTrip()
    expect(socket.messages.some(isReadOnly)).toBe(false)
    expect((await server.api(`/api/branches/${branch.id}/members/${users.member.user.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await closedWithin(socket, 5_000)).toBe(CloseCode.AccessRevoked)
    expect((await openRawSocket(server.collabUrl, documentId, { token: users.member.token })).status).toBe(403)
  })

  it('moving the document to the trash closes its sockets with 4404', async () => {
    const documentId = await newDocument({ editor: 'edit' })
    const socket = await raw(documentId, 'editor')
    await socket.roundTrip()
    expect((await server.api(`/api/documents/${documentId}`, { method: 'DELETE', token: users.owner.token })).status).toBe(200)
    expect(await closedWithin(socket, 5_000)).toBe(CloseCode.DocumentNotFound)
  })

  it('revoking an API token closes the sockets opened with it, not others of the same user', async () => {
    const documentId = await newDocument({ tokenuser: 'edit' })
    const created = await server.api('/api/tokens', { method: 'POST', token: users.tokenuser.token, body: { name: '脚本' } })
    expect(created.status).toBe(201)
    const { id, token } = (await created.json()) as { id: string; token: string }
    const viaNewToken = track(await connectRaw(server.collabUrl, documentId, { token }))
    const viaOldToken = await raw(documentId, 'tokenuser')
    await Promise.all([viaNewToken.roundTrip(), viaOldToken.roundTrip()])

    const revoked = await server.api(`/api/tokens/${id}`, { method: 'DELETE', token: users.tokenuser.token })
    expect(revoked.status).toBe(204)
    expect(await closedWithin(viaNewToken, 5_000)).toBe(CloseCode.AccessRevoked)
    await viaOldToken.roundTrip()
    expect(viaOldToken.ws.readyState).toBe(viaOldToken.ws.OPEN)
    expect((await openRawSocket(server.collabUrl, documentId, { token })).status).toBe(401)
  })
})
