import { bodyFragmentName, CloseCode, type DocumentDto } from '@dongbi/schema'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createDocument,
  nextClose,
  rawSocket,
  saved,
  startTestServer,
  contentOf,
  synced,
  waitFor,
  yClient,
  type TestServer,
  type YClient,
} from '../../testing/index.ts'

const maxBodyBytes = 2048

let server: TestServer
const clients: YClient[] = []

beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes })
})
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})
afterAll(async () => {
  await server?.close()
})

function connect(documentId: string): YClient {
  const client = yClient(server.collabUrl, documentId, { token: server.token })
  clients.push(client)
  return client
}

function api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init
  rest.headers = { authorization: `Bearer ${server.token}`, ...(rest.headers as Record<string, string> | undefined) }
  if (json !== undefined) {
    rest.body = JSON.stringify(json)
    rest.headers = { 'content-type': 'application/json', ...rest.headers }
  }
  return fetch(`${server.url}/api${path}`, rest)
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  const body = await response.json()
  expect({ status: response.status, body }, JSON.stringify(body)).toMatchObject({
    status,
    body: { error: { code, message: expect.any(String) } },
  })
  expect(Object.keys(body)).toEqual(['error'])
}

async function listIds(deleted?: 'true' | 'false'): Promise<string[]> {
  const response = await api(`/documents${deleted ? `?deleted=${deleted}` : ''}`)
  expect(response.status).toBe(200)
  const { documents } = (await response.json()) as { documents: DocumentDto[] }
  return documents.map((d) => d.id)
}

/** Writes a paragraph "你好 **world**" into the rich-text body, and a line into Y.Text 't'. */
function writeParagraph(client: YClient): void {
  client.doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    client.doc.getXmlFragment(bodyFragmentName).insert(0, [paragraph])
    text.insert(0, '你好 ')
    text.insert(3, 'world', { bold: {} })
    client.doc.getText('t').insert(0, 'plain')
  })
}

describe('POST /api/documents', () => {
  it('creates a document: 201 with an id, listed and readable', async () => {
    const response = await api('/documents', { method: 'POST', json: { title: '  学习心得  ' } })
    expect(response.status).toBe(201)
    const created = (await response.json()) as DocumentDto
    expect(created).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), title: '学习心得', deletedAt: null })
    expect(Date.parse(created.createdAt)).not.toBeNaN()
    const fetched = await api(`/documents/${created.id}`)
    expect(fetched.status).toBe(200)
    expect(await fetched.json()).toEqual(created)
    expect(await listIds()).toContain(created.id)
    const other = await createDocument(server)
    expect(other.id).not.toBe(created.id)
  })

  it.each([
    ['a body that is not an object', '[]'],
    ['an empty title', JSON.stringify({ title: '' })],
    ['a blank title', JSON.stringify({ title: '   ' })],
    ['a title over 200 characters', JSON.stringify({ title: '字'.repeat(201) })],
    ['a title that is not a string', JSON.stringify({ title: 42 })],
    ['a control character in the title', JSON.stringify({ title: 'a\u0007b' })],
    ['an extra key', JSON.stringify({ title: 'ok', owner: 'me' })],
    ['malformed JSON', '{"title": "unterminated'],
    ['a JSON array', '[]'],
  ])('answers 400 for %s', async (_, body) => {
    const before = (await listIds()).length
    const response = await api('/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    await expectError(response, 400, 'invalid_request')
    expect((await listIds()).length).toBe(before)
  })

  it('accepts a title of exactly 200 characters', async () => {
    const response = await api('/documents', { method: 'POST', json: { title: '字'.repeat(200) } })
    expect(response.status).toBe(201)
  })

  it.each([
    ['text/plain', 'text/plain'],
    ['a form post', 'application/x-www-form-urlencoded'],
    ['no content type', undefined],
  ])('answers 415 for %s', async (_, type) => {
    // A byte body, so that fetch adds no content type of its own.
    const body = new TextEncoder().encode(JSON.stringify({ title: 'x' }))
    const response = await api('/documents', { method: 'POST', headers: type ? { 'content-type': type } : {}, body })
    await expectError(response, 415, 'unsupported_media_type')
  })

  it('answers 413 for a body over maxBodyBytes, and accepts one just under it', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(maxBodyBytes) })
    await expectError(await api('/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big }), 413, 'payload_too_large')
    // Without a Content-Length (chunked), the limit still holds.
    const chunked = await api('/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    await expectError(chunked, 413, 'payload_too_large')
    const padded = JSON.stringify({ title: 'ok' }) + ' '.repeat(maxBodyBytes - 20)
    expect((await api('/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: padded })).status).toBe(201)
  })
})

describe('unknown ids and routes', () => {
  it.each([
    ['an unknown id', 'GET', '/documents/AAAAAAAAAAAAAAAA'],
    ['a malformed id', 'GET', '/documents/no!such*id'],
    ['a too-short id', 'GET', '/documents/abc'],
    ['content of an unknown id', 'GET', '/documents/AAAAAAAAAAAAAAAA/content'],
    ['restore of an unknown id', 'POST', '/documents/AAAAAAAAAAAAAAAA/restore'],
    ['delete of an unknown id', 'DELETE', '/documents/AAAAAAAAAAAAAAAA'],
    ['purge of an unknown id', 'DELETE', '/documents/AAAAAAAAAAAAAAAA/permanent'],
    ['an unknown /api route', 'GET', '/nope'],
    ['an unknown /api route with POST', 'POST', '/documents/AAAAAAAAAAAAAAAA/nope'],
  ])('answers 404 for %s', async (_, method, path) => {
    await expectError(await api(path, { method }), 404, 'not_found')
  })

  it('answers 404 for a rename of an unknown id', async () => {
    await expectError(await api('/documents/AAAAAAAAAAAAAAAA', { method: 'PATCH', json: { title: 'x' } }), 404, 'not_found')
  })
})

describe('PATCH /api/documents/:id', () => {
  it('renames a document', async () => {
    const created = await createDocument(server, '旧标题')
    const response = await api(`/documents/${created.id}`, { method: 'PATCH', json: { title: '新标题' } })
    expect(response.status).toBe(200)
    const renamed = (await response.json()) as DocumentDto
    expect(renamed).toMatchObject({ id: created.id, title: '新标题', createdAt: created.createdAt })
    expect(renamed.updatedAt >= created.updatedAt).toBe(true)
    expect(await (await api(`/documents/${created.id}`)).json()).toMatchObject({ title: '新标题' })
  })

  it.each([
    ['an empty title', { title: '' }],
    ['an extra key', { title: 'x', deletedAt: null }],
  ])('answers 400 for %s and keeps the title', async (_, json) => {
    const created = await createDocument(server, '原标题')
    await expectError(await api(`/documents/${created.id}`, { method: 'PATCH', json }), 400, 'invalid_request')
    expect(await (await api(`/documents/${created.id}`)).json()).toMatchObject({ title: '原标题' })
  })

  it('answers 415 for a non-JSON body', async () => {
    const created = await createDocument(server)
    const response = await api(`/documents/${created.id}`, { method: 'PATCH', headers: { 'content-type': 'text/plain' }, body: '{"title":"x"}' })
    await expectError(response, 415, 'unsupported_media_type')
  })
})

describe('trash: soft delete, restore and permanent delete', () => {
  it('moves a document to the trash, closes its sockets with 4404, and restores it with its content', async () => {
    const created = await createDocument(server)
    const writer = connect(created.id)
    await synced(writer)
    writeParagraph(writer)
    await saved(writer)
    const closed = nextClose(writer)

    const response = await api(`/documents/${created.id}`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    const trashed = (await response.json()) as DocumentDto
    expect(trashed.deletedAt).not.toBeNull()
    expect((await closed).code).toBe(CloseCode.DocumentNotFound)

    expect(await listIds()).not.toContain(created.id)
    expect(await listIds('false')).not.toContain(created.id)
    expect(await listIds('true')).toContain(created.id)
    expect(await (await api(`/documents/${created.id}`)).json()).toMatchObject({ deletedAt: trashed.deletedAt })
    // Deleting again is harmless.
    expect((await api(`/documents/${created.id}`, { method: 'DELETE' })).status).toBe(200)
    // A trashed document cannot be renamed or opened.
    await expectError(await api(`/documents/${created.id}`, { method: 'PATCH', json: { title: 'x' } }), 409, 'conflict')
    const socket = rawSocket(server.collabUrl, created.id, server.token)
    expect((await socket.closed).code).toBe(CloseCode.DocumentNotFound)

    const restored = await api(`/documents/${created.id}/restore`, { method: 'POST' })
    expect(restored.status).toBe(200)
    expect(await restored.json()).toMatchObject({ id: created.id, deletedAt: null })
    expect(await listIds()).toContain(created.id)
    expect(await listIds('true')).not.toContain(created.id)

    const reader = connect(created.id)
    await synced(reader)
    expect(contentOf(reader.doc)).toEqual({ text: 'plain', xml: '<paragraph>你好 <bold>world</bold></paragraph>' })
  })

  it('answers 400 for a bad ?deleted= value', async () => {
    await expectError(await api('/documents?deleted=maybe'), 400, 'invalid_request')
  })

  it('refuses to purge a live document (409), purges a trashed one (204)', async () => {
    const created = await createDocument(server)
    await expectError(await api(`/documents/${created.id}/permanent`, { method: 'DELETE' }), 409, 'conflict')
    expect(await listIds()).toContain(created.id)

    expect((await api(`/documents/${created.id}`, { method: 'DELETE' })).status).toBe(200)
    const purged = await api(`/documents/${created.id}/permanent`, { method: 'DELETE' })
    expect(purged.status).toBe(204)
    expect(await purged.text()).toBe('')
    await expectError(await api(`/documents/${created.id}`), 404, 'not_found')
    expect(await listIds('true')).not.toContain(created.id)
    await expectError(await api(`/documents/${created.id}/permanent`, { method: 'DELETE' }), 404, 'not_found')
  })
})

describe('GET /api/documents/:id/content', () => {
  it('serves what a stock client wrote as ProseMirror JSON, text and HTML', async () => {
    const created = await createDocument(server)
    const writer = connect(created.id)
    await synced(writer)
    writeParagraph(writer)
    await saved(writer)

    const json = await api(`/documents/${created.id}/content?format=json`)
    expect(json.status).toBe(200)
    expect(await json.json()).toEqual({
      id: created.id,
      format: 'json',
      characters: 3,
      content: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            attrs: { textAlign: null },
            content: [
              { type: 'text', text: '你好 ' },
              { type: 'text', marks: [{ type: 'bold' }], text: 'world' },
            ],
          },
        ],
      },
    })
    // json is the default format.
    expect(await (await api(`/documents/${created.id}/content`)).json()).toMatchObject({ format: 'json' })
    expect(await (await api(`/documents/${created.id}/content?format=text`)).json()).toEqual({
      id: created.id,
      format: 'text',
      content: '你好 world',
      characters: 3,
    })
    expect(await (await api(`/documents/${created.id}/content?format=html`)).json()).toEqual({
      id: created.id,
      format: 'html',
      content: '<p>你好 <strong>world</strong></p>',
      characters: 3,
    })
  })

  it('serves an empty document and rejects an unknown format', async () => {
    const created = await createDocument(server)
    expect(await (await api(`/documents/${created.id}/content?format=text`)).json()).toMatchObject({ content: '', characters: 0 })
    expect(await (await api(`/documents/${created.id}/content?format=html`)).json()).toMatchObject({ content: '' })
    await expectError(await api(`/documents/${created.id}/content?format=pdf`), 400, 'invalid_request')
  })
})

describe('with its own server', () => {
  let own: TestServer | undefined
  afterEach(async () => {
    await own?.close()
    own = undefined
  })

  // A purge used to leave the room loaded; its unload then compacted into a document that no
  // longer existed (FOREIGN KEY constraint failed).
  it('purging a document that is still loaded frees it and logs no errors, up to shutdown', async () => {
    own = await startTestServer()
    const created = await createDocument(own)
    const writer = yClient(own.collabUrl, created.id, { token: own.token })
    clients.push(writer)
    await synced(writer)
    writeParagraph(writer)
    await saved(writer)
    writeParagraph(writer)
    await saved(writer)
    expect((await own.store.loadUpdates(created.id)).updates.length).toBeGreaterThan(1)
    const closed = nextClose(writer)
    expect((await own.api(`/api/documents/${created.id}`, { method: 'DELETE' })).status).toBe(200)
    await closed
    expect(own.collab.loadedCount).toBe(1)
    expect((await own.api(`/api/documents/${created.id}/permanent`, { method: 'DELETE' })).status).toBe(204)
    expect(own.collab.loadedCount).toBe(0)
    expect((await own.store.loadUpdates(created.id)).updates).toEqual([])
    const server = own
    own = undefined
    await server.close()
    expect(server.errors).toEqual([])
  })

  it('reads content from the store once the document is unloaded', async () => {
    own = await startTestServer({ unloadAfterMs: 0 })
    const created = await createDocument(own)
    const writer = yClient(own.collabUrl, created.id, { token: own.token })
    clients.push(writer)
    await synced(writer)
    writeParagraph(writer)
    await saved(writer)
    writer.destroy()
    const server = own
    await waitFor(() => server.collab.loadedCount === 0, { message: 'the document to unload' })
    const text = await own.api(`/api/documents/${created.id}/content?format=text`)
    expect(await text.json()).toMatchObject({ content: '你好 world', characters: 3 })
    expect(own.collab.loadedCount).toBe(0)
  })
})
