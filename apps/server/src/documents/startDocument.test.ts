import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/index.ts'

describe('creating a document from a template', () => {
  let server: TestServer
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    await server.close()
  })

  async function call(method: string, path: string, body?: unknown) {
    const response = await server.api(path, { method, body })
    return { status: response.status, body: (await response.json()) as any }
  }

  it('seeds the body, kind and title from the template', async () => {
    const created = await call('POST', '/api/documents', { templateId: 'notice' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ title: '关于××××的通知', kind: 'notice' })
    const content = await call('GET', `/api/documents/${created.body.id}/content?format=text`)
    expect(content.body.content).toContain('各支部：')
    expect(content.body.content).toContain('特此通知。')
  })

  it('keeps a given title and kind, and defaults to a free document', async () => {
    const own = await call('POST', '/api/documents', { title: '我的请示', templateId: 'notice', kind: 'request' })
    expect(own.body).toMatchObject({ title: '我的请示', kind: 'request' })
    const plain = await call('POST', '/api/documents', {})
    expect(plain.body).toMatchObject({ title: '未命名文档', kind: 'free' })
  })

  it('rejects an unknown template or kind with a clear error', async () => {
    const template = await call('POST', '/api/documents', { title: 'x', templateId: 'nope' })
    expect(template.status).toBe(400)
    expect(template.body.error.message).toContain('模板')
    const kind = await call('POST', '/api/documents', { title: 'x', kind: 'poem' })
    expect(kind.status).toBe(400)
  })
})
