import { builtinTemplates } from '@dongbi/gongwen'
import { replaceBody } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../testing/index.ts'

describe('templates', () => {
  let server: TestServer
  let branchId: string
  let otherBranchId: string
  const people: Record<string, { id: string; token: string }> = {}

  beforeAll(async () => {
    server = await startTestServer()
    const created = async (name: string) => ((await (await server.api('/api/branches', { method: 'POST', body: { name } })).json()) as { id: string }).id
    branchId = await created('第一支部')
    otherBranchId = await created('第二支部')
    for (const [name, role, branch] of [
      ['secretary', 'secretary', branchId],
      ['mentor', 'mentor', branchId],
      ['member', 'member', branchId],
      ['outsider', 'secretary', otherBranchId],
    ] as const) {
      const { user, token } = await server.addUser(name)
      people[name] = { id: user.id, token }
      const response = await server.api(`/api/branches/${branch}/members/${user.id}`, { method: 'PUT', body: { role } })
      expect(response.status).toBe(200)
    }
  })
  afterAll(async () => {
    await server.close()
  })

  async function call(method: string, path: string, token: string, body?: unknown) {
    const response = await server.api(path, { method, token, ...(body === undefined ? {} : { body }) })
    return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as any) }
  }

  /** A document of `who` with a small 通知 body and a pending suggestion. */
  async function documentOf(who: string): Promise<string> {
    const created = await call('POST', '/api/documents', people[who]!.token, { title: '支部通知范本', kind: 'notice' })
    await server.collab.changeDocument(created.body.id, (doc) =>
      replaceBody(doc, {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1, textAlign: 'center' }, content: [{ type: 'text', text: '关于召开支部大会的通知' }] },
          { type: 'paragraph', content: [{ type: 'text', text: '各党小组：' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: '定于周五召开支部大会。' },
              { type: 'text', text: '（建议）', marks: [{ type: 'suggestionInsert', attrs: { id: 's1', authorId: 'x', authorName: 'x', createdAt: '2024-01-01T00:00:00.000Z' } }] },
            ],
          },
        ],
      }),
    )
    return created.body.id
  }

  it('lists the built-in templates for everyone, grouped 公文 then 常用文书', async () => {
    const { status, body } = await call('GET', '/api/templates', people.member!.token)
    expect(status).toBe(200)
    expect(body.templates.map((t: { id: string }) => t.id)).toEqual(builtinTemplates.map((t) => t.id))
    expect(body.templates.find((t: { id: string }) => t.id === 'request')).toMatchObject({ name: '请示', group: 'gongwen', kind: 'request', branchId: null })
    expect(body.templates.find((t: { id: string }) => t.id === 'speech')).toMatchObject({ group: 'everyday' })
  })

  it('lets secretaries and mentors save a document as a branch template that the branch can start from', async () => {
    for (const who of ['secretary', 'mentor']) {
      const documentId = await documentOf(who)
      const saved = await call('POST', `/api/branches/${branchId}/templates`, people[who]!.token, { name: `${who}的通知`, kind: 'notice', description: '支部大会通知', documentId })
      expect(saved.status).toBe(201)
      expect(saved.body).toMatchObject({ name: `${who}的通知`, kind: 'notice', group: 'branch', branchId, branchName: '第一支部', title: '支部通知范本' })
      expect(saved.body.id).toMatch(/^branch:/)
    }
    const listed = await call('GET', '/api/templates', people.member!.token)
    const own = listed.body.templates.filter((t: { group: string }) => t.group === 'branch')
    expect(own.map((t: { name: string }) => t.name).sort()).toEqual(['mentor的通知', 'secretary的通知'])

    // A member starts a document from it: the body is the snapshot, without the pending suggestion.
    const started = await call('POST', '/api/documents', people.member!.token, { templateId: own[0].id })
    expect(started.status).toBe(201)
    expect(started.body).toMatchObject({ kind: 'notice', title: '支部通知范本' })
    const text = await call('GET', `/api/documents/${started.body.id}/content?format=text`, people.member!.token)
    expect(text.body.content).toContain('各党小组：')
    expect(text.body.content).toContain('定于周五召开支部大会。')
    expect(text.body.content).not.toContain('（建议）')

    // Another branch neither sees nor uses it.
    const outsider = await call('GET', '/api/templates', people.outsider!.token)
    expect(outsider.body.templates.some((t: { group: string }) => t.group === 'branch')).toBe(false)
    const refused = await call('POST', '/api/documents', people.outsider!.token, { templateId: own[0].id })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toContain('模板')
  })

  it('refuses members, outsiders, unreadable documents and bad input', async () => {
    const memberDoc = await documentOf('member')
    expect((await call('POST', `/api/branches/${branchId}/templates`, people.member!.token, { name: 'x', kind: 'notice', documentId: memberDoc })).status).toBe(403)
    const outsiderDoc = await documentOf('outsider')
    expect((await call('POST', `/api/branches/${branchId}/templates`, people.outsider!.token, { name: 'x', kind: 'notice', documentId: outsiderDoc })).status).toBe(404)
    // The secretary cannot snapshot a document they cannot read.
    const unreadable = await call('POST', `/api/branches/${branchId}/templates`, people.secretary!.token, { name: 'x', kind: 'notice', documentId: memberDoc })
    expect(unreadable.status).toBe(400)
    expect(JSON.stringify(unreadable.body)).not.toContain('各党小组')
    const secretaryDoc = await documentOf('secretary')
    for (const bad of [{ name: '', kind: 'notice', documentId: secretaryDoc }, { name: 'x', kind: 'poem', documentId: secretaryDoc }, { name: 'x', kind: 'notice' }, { name: 'x', kind: 'notice', documentId: secretaryDoc, extra: 1 }]) {
      expect((await call('POST', `/api/branches/${branchId}/templates`, people.secretary!.token, bad)).status).toBe(400)
    }
    // An admin may save into any branch.
    const admin = await server.api(`/api/branches/${otherBranchId}/templates`, { method: 'POST', body: { name: '管理员模板', kind: 'report', documentId: secretaryDoc } })
    expect(admin.status).toBe(201)
  })

  it('deletes a template for secretaries, mentors and admins only', async () => {
    const documentId = await documentOf('secretary')
    const saved = await call('POST', `/api/branches/${branchId}/templates`, people.secretary!.token, { name: '待删除', kind: 'notice', documentId })
    const path = `/api/branches/${branchId}/templates/${encodeURIComponent(saved.body.id)}`
    expect((await call('DELETE', path, people.member!.token)).status).toBe(403)
    expect((await call('DELETE', path, people.outsider!.token)).status).toBe(404)
    expect((await call('DELETE', `/api/branches/${otherBranchId}/templates/${encodeURIComponent(saved.body.id)}`, people.outsider!.token)).status).toBe(404)
    expect((await call('DELETE', path, people.mentor!.token)).status).toBe(204)
    expect((await call('DELETE', path, people.mentor!.token)).status).toBe(404)
    const listed = await call('GET', '/api/templates', people.member!.token)
    expect(listed.body.templates.some((t: { name: string }) => t.name === '待删除')).toBe(false)
    expect((await call('POST', '/api/documents', people.member!.token, { templateId: saved.body.id })).status).toBe(400)
  })
})
