import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSecret } from '../../auth/secretToken.ts'
import { loadConfig } from '../../config.ts'
import { startServer } from '../../startServer.ts'
import type { KyselyStore } from '../../store/KyselyStore.ts'
import { dialectOf } from '../../store/dialectOf.ts'
import type { UserRow } from '../../store/UserStore.ts'
import { login, openRawSocket, sessionCookieOf, startTestServer, testDatabase, type TestServer } from '../../testing/index.ts'

const password = 'correct horse battery staple'
type ErrorJson = { error: { code: string; message: string } }

/** The default server: plain http, no trusted proxy, small body limit. */
let server: TestServer
/** Behind a trusted reverse proxy at 127.0.0.1 (the tests' own address). */
let proxied: TestServer
/** Configured with a proxy at another address: the tests' requests come from an untrusted peer. */
let untrusted: TestServer
const users = {} as Record<string, UserRow & { token: string }>

function post(base: TestServer | string, route: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const url = typeof base === 'string' ? base : base.url
  return fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body ?? {}),
  })
}

function tryLogin(base: TestServer, username: string, pass: string, headers: Record<string, string> = {}): Promise<Response> {
  return post(base, '/api/auth/login', { body: { username, password: pass }, headers })
}

function me(base: TestServer, credentials: { cookie?: string; token?: string }): Promise<Response> {
  const headers: Record<string, string> = {}
  if (credentials.cookie) headers.cookie = credentials.cookie
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`
  return fetch(`${base.url}/api/auth/me`, { headers })
}

async function auditEvents(base: TestServer, action: string): Promise<{ actorId: string | null; targetId: string | null; ip: string; details: any }[]> {
  const response = await base.api(`/api/audit?action=${action}`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { events: any[] }).events
}

async function documentCount(): Promise<number> {
  return (await server.store.listDocuments({ deleted: false })).length
}

beforeAll(async () => {
  ;[server, proxied, untrusted] = await Promise.all([
    startTestServer({ maxBodyBytes: 4096 }),
    startTestServer({ trustProxy: ['127.0.0.1'], loginFailuresPerAddress: 3 }),
    startTestServer({ trustProxy: ['10.9.9.9'], loginFailuresPerAddress: 3 }),
  ])
  const names = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina', 'throttled']
  const created = await Promise.all([
    ...names.map((name) => server.addUser(name, { displayName: `${name} 同志` })),
    proxied.addUser('peter'),
    untrusted.addUser('ursula'),
  ])
  ;[...names, 'peter', 'ursula'].forEach((name, i) => (users[name] = { ...created[i]!.user, token: created[i]!.token }))
})

afterAll(async () => {
  await Promise.all([server?.close(), proxied?.close(), untrusted?.close()])
})

describe('login and the session cookie', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie without Secure over plain http', async () => {
    const response = await tryLogin(server, 'ALICE', password)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ username: 'alice', isAdmin: false })
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password_hash|passwordHash/)
    const [setCookie] = response.headers.getSetCookie()
    expect(setCookie).toMatch(/^dongbi_session=dbs_[\w-]{43}; /)
    const attributes = setCookie!.split(';').slice(1).map((part) => part.trim().toLowerCase())
    expect(attributes).toContain('httponly')
    expect(attributes).toContain('samesite=lax')
    expect(attributes).toContain('path=/')
    expect(attributes.some((a) => a.startsWith('max-age='))).toBe(true)
    expect(attributes).not.toContain('secure')
    const cookie = sessionCookieOf(response)!
    expect(((await (await me(server, { cookie })).json()) as { username: string }).username).toBe('alice')
    // The database keeps only the secret's hash.
    const secret = cookie.slice('dongbi_session='.length)
    expect(await server.store.sessions.session(secret)).toBeUndefined()
    expect((await server.store.sessions.session(hashSecret(secret)))?.user_id).toBe(users.alice!.id)
  })

  it('sets Secure when a trusted proxy says the client used https', async () => {
    const https = await tryLogin(proxied, 'peter', password, { 'x-forwarded-proto': 'https' })
    expect(https.status).toBe(200)
    expect(https.headers.getSetCookie()[0]).toMatch(/;\s*Secure(;|$)/i)
    const http = await tryLogin(proxied, 'peter', password)
    expect(http.headers.getSetCookie()[0]).not.toMatch(/;\s*Secure(;|$)/i)
  })

  it('ignores X-Forwarded-Proto from a peer that is not a trusted proxy', async () => {
    const response = await tryLogin(untrusted, 'ursula', password, { 'x-forwarded-proto': 'https' })
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie()[0]).not.toMatch(/;\s*Secure(;|$)/i)
  })

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await tryLogin(server, 'alice', 'not the password')
    const unknown = await tryLogin(server, 'nobody-here', 'not the password')
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(sessionCookieOf(wrong)).toBeUndefined()
    const [a, b] = [(await wrong.json()) as ErrorJson, (await unknown.json()) as ErrorJson]
    expect(a).toEqual(b)
    expect(a.error.code).toBe('unauthorized')
  })

  it('accepts a 200-character passphrase, all of it', async () => {
    const long = '我们一起学习进步 correct horse battery staple '.repeat(6).slice(0, 200)
    expect([...long].length).toBe(200)
    const created = await server.api('/api/users', { method: 'POST', body: { username: 'longpass', displayName: '长密码', password: long } })
    expect(created.status).toBe(201)
    expect((await tryLogin(server, 'longpass', long)).status).toBe(200)
    expect((await tryLogin(server, 'longpass', long.slice(0, -1))).status).toBe(401)
    expect((await tryLogin(server, 'longpass', long.slice(0, 72))).status).toBe(401)
  })

  it('refuses a disabled user with the same 401 as a wrong password, and their token too', async () => {
    const cookie = await login(server.url, 'frank', password)
    expect((await server.api(`/api/users/${users.frank!.id}`, { method: 'PATCH', body: { disabled: true } })).status).toBe(200)
    const refused = await tryLogin(server, 'frank', password)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual(await (await tryLogin(server, 'frank', 'wrong password')).json())
    expect((await me(server, { cookie })).status).toBe(401)
    expect((await me(server, { token: users.frank!.token })).status).toBe(401)
    // Enabled again, the same password works, but the sessions from before stay revoked.
    expect((await server.api(`/api/users/${users.frank!.id}`, { method: 'PATCH', body: { disabled: false } })).status).toBe(200)
    expect((await tryLogin(server, 'frank', password)).status).toBe(200)
    expect((await me(server, { cookie })).status).toBe(401)
  })
})

describe('login throttling', () => {
  it('refuses the 6th attempt on an account with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await tryLogin(server, 'throttled', `guess ${i}`)).status).toBe(401)
    const sixth = await tryLogin(server, 'throttled', password)
    expect(sixth.status).toBe(429)
    expect(sessionCookieOf(sixth)).toBeUndefined()
    const retryAfter = Number(sixth.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect(((await sixth.json()) as ErrorJson).error.code).toBe('too_many_requests')
    // Another account from the same address is unaffected.
    expect((await tryLogin(server, 'alice', password)).status).toBe(200)
  })

  it('refuses a client address after too many failures across accounts (behind a trusted proxy, by X-Forwarded-For)', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': `${address}, 127.0.0.1` })
    for (let i = 0; i < 3; i++) expect((await tryLogin(proxied, `someone${i}`, 'guess', from('203.0.113.7'))).status).toBe(401)
    expect((await tryLogin(proxied, 'peter', password, from('203.0.113.7'))).status).toBe(429)
    expect((await tryLogin(proxied, 'peter', password, from('203.0.113.8'))).status).toBe(200)
    const failed = await auditEvents(proxied, 'login_failed')
    expect(failed.map((e) => e.ip)).toContain('203.0.113.7')
  })

  it('ignores X-Forwarded-For from an untrusted peer: the throttle keys on the socket address', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await tryLogin(untrusted, `someone${i}`, 'guess', { 'x-forwarded-for': `198.51.100.${i + 1}` })).status).toBe(401)
    }
    expect((await tryLogin(untrusted, 'ursula', password, { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429)
    const failed = await auditEvents(untrusted, 'login_failed')
    expect(failed.length).toBe(3)
    expect(new Set(failed.map((e) => e.ip))).toEqual(new Set(['127.0.0.1']))
  })
})

describe('CSRF and content types', () => {
  let cookie: string
  beforeAll(async () => {
    cookie = await login(server.url, 'alice', password)
  })
  const create = (headers: Record<string, string>, body: string = JSON.stringify({ title: 'CSRF' })) =>
    fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

  it('refuses a cookie POST from a foreign Origin, and writes nothing', async () => {
    const before = await documentCount()
    for (const origin of ['https://evil.example', 'null', `${server.url}.evil.example`, server.url.replace('127.0.0.1', 'localhost')]) {
      const response = await create({ cookie, origin })
      expect(response.status, origin).toBe(403)
      expect(((await response.json()) as ErrorJson).error.code).toBe('forbidden')
    }
    expect(await documentCount()).toBe(before)
  })

  it('refuses a cookie POST without Origin', async () => {
    const before = await documentCount()
    expect((await create({ cookie })).status).toBe(403)
    expect((await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBe(403)
    expect((await me(server, { cookie })).status).toBe(200)
    expect(await documentCount()).toBe(before)
  })

  it('accepts a cookie POST from the same Origin, with any spelling of application/json', async () => {
    expect((await create({ cookie, origin: server.url })).status).toBe(201)
    expect((await create({ cookie, origin: server.url, 'content-type': 'APPLICATION/JSON' })).status).toBe(201)
    expect((await create({ cookie, origin: server.url, 'content-type': 'application/json; charset=UTF-8' })).status).toBe(201)
  })

  it('answers 415 to a body that is not JSON (the form-post path)', async () => {
    const before = await documentCount()
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json']) {
      const response = await create({ cookie, origin: server.url, 'content-type': type })
      expect(response.status, type).toBe(415)
      expect(((await response.json()) as ErrorJson).error.code).toBe('unsupported_media_type')
    }
    expect(await documentCount()).toBe(before)
  })

  it('lets a bearer-token POST through without Origin, but not from a foreign one', async () => {
    expect((await create({ authorization: `Bearer ${users.alice!.token}` })).status).toBe(201)
    expect((await create({ authorization: `Bearer ${users.alice!.token}`, origin: 'https://evil.example' })).status).toBe(403)
  })

  it('lets safe methods through from anywhere (they change nothing)', async () => {
    const response = await fetch(`${server.url}/api/documents`, { headers: { cookie, origin: 'https://evil.example' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('sessions', () => {
  it('logout revokes the session: the cookie is cleared and no longer works', async () => {
    const cookie = await login(server.url, 'gina', password)
    const response = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: server.url } })
    expect(response.status).toBe(204)
    expect(response.headers.getSetCookie()[0]).toMatch(/^dongbi_session=;.*Max-Age=0/i)
    expect((await me(server, { cookie })).status).toBe(401)
    const row = await server.store.sessions.session(hashSecret(cookie.slice('dongbi_session='.length)))
    expect(row?.revoked_at).toBeTruthy()
  })

  it('a password change keeps this session, revokes the others, and retires the old password', async () => {
    const mine = await login(server.url, 'carol', password)
    const other = await login(server.url, 'carol', password)
    const change = (current: string) =>
      post(server, '/api/auth/password', { body: { currentPassword: current, newPassword: 'a brand new passphrase' }, headers: { cookie: mine, origin: server.url } })
    expect((await change('not my password')).status).toBe(400)
    expect((await me(server, { cookie: other })).status).toBe(200)
    expect((await change(password)).status).toBe(204)
    expect((await me(server, { cookie: mine })).status).toBe(200)
    expect((await me(server, { cookie: other })).status).toBe(401)
    expect((await tryLogin(server, 'carol', password)).status).toBe(401)
    expect((await tryLogin(server, 'carol', 'a brand new passphrase')).status).toBe(200)
  })

  it('an admin password reset gives a working temporary password that must be changed, and ends old sessions', async () => {
    const cookie = await login(server.url, 'erin', password)
    const response = await server.api(`/api/users/${users.erin!.id}/reset-password`, { method: 'POST' })
    expect(response.status).toBe(200)
    const { temporaryPassword } = (await response.json()) as { temporaryPassword: string }
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/)
    expect((await me(server, { cookie })).status).toBe(401)
    expect((await tryLogin(server, 'erin', password)).status).toBe(401)
    const fresh = await tryLogin(server, 'erin', temporaryPassword)
    expect(fresh.status).toBe(200)
    expect(((await fresh.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true)
  })
})

describe('temporary passwords', () => {
  it('a session signed in with one may only use /api/auth/* and open no socket until the password is changed', async () => {
    const created = await server.api('/api/users', { method: 'POST', body: { username: 'newcomer', displayName: '新来的' } })
    expect(created.status).toBe(201)
    const { user, temporaryPassword } = (await created.json()) as { user: { id: string; mustChangePassword: boolean }; temporaryPassword: string }
    expect(user.mustChangePassword).toBe(true)
    const doc = (await (await server.api('/api/documents', { method: 'POST', body: { title: '欢迎' } })).json()) as { id: string }
    expect((await server.api(`/api/documents/${doc.id}/shares`, { method: 'PUT', body: { granteeType: 'user', granteeId: user.id, level: 'edit' } })).status).toBe(200)

    const cookie = await login(server.url, 'newcomer', temporaryPassword)
    const gated = await fetch(`${server.url}/api/documents/${doc.id}`, { headers: { cookie } })
    expect(gated.status).toBe(403)
    expect((await fetch(`${server.url}/api/tokens`, { method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: '{"name":"x"}' })).status).toBe(403)
    expect((await openRawSocket(server.collabUrl, doc.id, { headers: { cookie } })).status).toBe(403)
    expect(((await (await me(server, { cookie })).json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true)

    const changed = await post(server, '/api/auth/password', { body: { currentPassword: temporaryPassword, newPassword: 'my own passphrase' }, headers: { cookie, origin: server.url } })
    expect(changed.status).toBe(204)
    expect((await fetch(`${server.url}/api/documents/${doc.id}`, { headers: { cookie } })).status).toBe(200)
    const socket = await openRawSocket(server.collabUrl, doc.id, { headers: { cookie } })
    expect(socket.status).toBe(101)
    socket.socket!.close()
  })
})

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, works as Bearer and socket token, and dies when revoked', async () => {
    const created = await server.api('/api/tokens', { method: 'POST', token: users.dave!.token, body: { name: '导出脚本' } })
    expect(created.status).toBe(201)
    const { id, token } = (await created.json()) as { id: string; token: string }
    expect(token).toMatch(/^dbt_[\w-]{43}$/)

    const listed = await (await server.api('/api/tokens', { token: users.dave!.token })).text()
    expect(listed).toContain(id)
    expect(listed).not.toContain(token)
    const row = await (server.store as KyselyStore).db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(token)
    expect(JSON.stringify(row)).not.toContain(token.slice(4))
    expect(row.token_hash).toBe(hashSecret(token))

    expect(((await (await me(server, { token })).json()) as { username: string }).username).toBe('dave')
    const doc = await server.api('/api/documents', { method: 'POST', token, body: { title: '令牌文档' } })
    expect(doc.status).toBe(201)
    const { id: documentId } = (await doc.json()) as { id: string }
    const socket = await openRawSocket(server.collabUrl, documentId, { token })
    expect(socket.status).toBe(101)
    socket.socket!.close()

    expect((await server.api(`/api/tokens/${id}`, { method: 'DELETE', token: users.dave!.token })).status).toBe(204)
    expect((await me(server, { token })).status).toBe(401)
    expect((await openRawSocket(server.collabUrl, documentId, { token })).status).toBe(401)
    expect((await server.api(`/api/tokens/${id}`, { method: 'DELETE', token: users.dave!.token })).status).toBe(404)
  })
})

describe('expiry', () => {
  it('an expired session or token is refused, for REST and sockets alike', async () => {
    const db = (server.store as KyselyStore).db
    const past = new Date(Date.now() - 1000).toISOString()
    const doc = (await (await server.api('/api/documents', { method: 'POST', token: users.gina!.token, body: { title: '过期' } })).json()) as { id: string }
    const cookie = await login(server.url, 'gina', password)
    const created = (await (await server.api('/api/tokens', { method: 'POST', token: users.gina!.token, body: { name: '短期', expiresInDays: 1 } })).json()) as { id: string; token: string; expiresAt: string }
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000)
    expect((await me(server, { cookie })).status).toBe(200)
    expect((await me(server, { token: created.token })).status).toBe(200)

    await db.updateTable('sessions').set({ expires_at: past }).where('id', '=', hashSecret(cookie.slice('dongbi_session='.length))).execute()
    await db.updateTable('api_tokens').set({ expires_at: past }).where('id', '=', created.id).execute()
    expect((await me(server, { cookie })).status).toBe(401)
    expect((await me(server, { token: created.token })).status).toBe(401)
    expect((await openRawSocket(server.collabUrl, doc.id, { headers: { cookie } })).status).toBe(401)
    expect((await openRawSocket(server.collabUrl, doc.id, { token: created.token })).status).toBe(401)
  })
})

describe('first admin from ADMIN_USERNAME/ADMIN_PASSWORD', () => {
  it('is created on an empty database only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-bootstrap-'))
    const database = testDatabase(dir)
    const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: database.url, webRoot: '' }
    const logs: string[] = []
    try {
      const first = await startServer({ ...config, adminUsername: 'chief', adminPassword: 'first admin passphrase' }, (m) => logs.push(m))
      try {
        expect(await first.store.users.count()).toBe(1)
        expect((await first.store.users.byUsername('chief'))?.is_admin).toBe(1)
        const response = await fetch(`${first.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'chief', password: 'first admin passphrase' }),
        })
        expect(response.status).toBe(200)
        expect(((await response.json()) as { isAdmin: boolean }).isAdmin).toBe(true)
        expect((await first.store.audit.recent({ limit: 10, action: 'admin_bootstrapped' })).length).toBe(1)
      } finally {
        await first.close()
      }
      const second = await startServer({ ...config, adminUsername: 'usurper', adminPassword: 'second admin passphrase' }, (m) => logs.push(m))
      try {
        expect(await second.store.users.count()).toBe(1)
        expect(await second.store.users.byUsername('usurper')).toBeUndefined()
      } finally {
        await second.close()
      }
      expect(logs.filter((m) => m.includes('created the first org admin'))).toHaveLength(1)
    } finally {
      await database.drop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('hardening', () => {
  it('sends security headers on every response, errors included', async () => {
    for (const response of [await fetch(`${server.url}/api/health`), await fetch(`${server.url}/api/auth/me`), await fetch(`${server.url}/api/nope`)]) {
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    }
  })

  it('never puts a stack trace in an error body (400 and a real 500)', async () => {
    const stackLike = /\n\s+at |\.ts:\d+|node_modules|SqliteError|SQLITE_/
    const bad = await server.api('/api/documents', { method: 'POST', body: '{"title": ' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).not.toMatch(stackLike)

    // A genuine failure: the database refuses writes (SQLite), or the table is gone (PostgreSQL).
    const db = (server.store as KyselyStore).db
    const pg = dialectOf(db) === 'postgres'
    await (pg ? sql`alter table documents rename to documents_hidden` : sql`PRAGMA query_only = 1`).execute(db)
    try {
      const failed = await server.api('/api/documents', { method: 'POST', body: { title: '写不进去' } })
      expect(failed.status).toBe(500)
      const text = await failed.text()
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: '服务器内部错误 (internal error)' } })
      expect(text).not.toMatch(stackLike)
    } finally {
      await (pg ? sql`alter table documents_hidden rename to documents` : sql`PRAGMA query_only = 0`).execute(db)
    }
    expect(server.errors.some((e) => (pg ? /does not exist/ : /readonly/i).test(e))).toBe(true)
    server.errors.length = 0
  })

  it('answers 413 to an oversized body before authentication or the handler run', async () => {
    const before = await documentCount()
    const body = `{"title":"太长了"}${' '.repeat(5000)}`
    const withLength = await server.api('/api/documents', { method: 'POST', body })
    expect(withLength.status).toBe(413)
    expect(((await withLength.json()) as ErrorJson).error.code).toBe('payload_too_large')
    const anonymous = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(anonymous.status).toBe(413)
    // Chunked, with no Content-Length to trust.
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(encoder.encode(i === 0 ? '{"title":"分块"}' : ' '.repeat(1000)))
        controller.close()
      },
    })
    const chunked = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(413)
    expect(await documentCount()).toBe(before)
    // Control: the same JSON without the padding is created.
    expect((await server.api('/api/documents', { method: 'POST', body: '{"title":"太长了"}' })).status).toBe(201)
  })
})

describe('audit log', () => {
  it('records logins, failures, shares, role changes and tokens, without secrets; only admins may read it', async () => {
    const { alice, bob, dave } = users as Record<string, UserRow & { token: string }>
    await login(server.url, 'alice', password)
    await tryLogin(server, 'alice', 'secret-guess-xyz')
    const doc = await server.api('/api/documents', { method: 'POST', token: alice!.token, body: { title: '审计' } })
    const { id: documentId } = (await doc.json()) as { id: string }
    expect((await server.api(`/api/documents/${documentId}/shares`, { method: 'PUT', token: alice!.token, body: { granteeType: 'user', granteeId: bob!.id, level: 'view' } })).status).toBe(200)
    const branch = (await (await server.api('/api/branches', { method: 'POST', body: { name: '审计支部' } })).json()) as { id: string }
    expect((await server.api(`/api/branches/${branch.id}/members/${bob!.id}`, { method: 'PUT', body: { role: 'mentor' } })).status).toBe(200)
    const token = (await (await server.api('/api/tokens', { method: 'POST', token: dave!.token, body: { name: '审计令牌' } })).json()) as { id: string; token: string }
    expect((await server.api(`/api/tokens/${token.id}`, { method: 'DELETE', token: dave!.token })).status).toBe(204)

    expect((await auditEvents(server, 'login')).some((e) => e.actorId === alice!.id && e.targetId === alice!.id && e.ip === '127.0.0.1')).toBe(true)
    expect((await auditEvents(server, 'login_failed')).some((e) => e.details.username === 'alice' && e.actorId === alice!.id)).toBe(true)
    expect((await auditEvents(server, 'share_set')).some((e) => e.actorId === alice!.id && e.targetId === documentId && e.details.granteeId === bob!.id)).toBe(true)
    expect((await auditEvents(server, 'role_changed')).some((e) => e.targetId === bob!.id && e.details.branchId === branch.id && e.details.to === 'mentor')).toBe(true)
    expect((await auditEvents(server, 'token_created')).some((e) => e.actorId === dave!.id && e.targetId === token.id)).toBe(true)
    expect((await auditEvents(server, 'token_revoked')).some((e) => e.actorId === dave!.id && e.targetId === token.id)).toBe(true)

    const everything = await (await server.api('/api/audit')).text()
    for (const secret of [token.token, 'secret-guess-xyz', password]) expect(everything).not.toContain(secret)

    expect((await server.api('/api/audit', { token: alice!.token })).status).toBe(403)
    expect((await fetch(`${server.url}/api/audit`)).status).toBe(401)
  })
})
