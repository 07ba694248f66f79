import type { BranchCheckerDto, DocumentCheckDto, ReviewDto } from '@dongbi/schema'
import { replaceBody } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saved, startTestServer, synced, writeBody, yClient, type TestServer } from '../../testing/index.ts'
import type { UserRow } from '../../store/UserStore.ts'

let server: TestServer
let author: { user: UserRow; token: string }
let secretary: { user: UserRow; token: string }
let mentor: { user: UserRow; token: string }
let outsider: { user: UserRow; token: string }
let branchId: string

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = await response.text()
  expect(response.status, body).toBe(status)
  return JSON.parse(body) as T
}

async function expectError(response: Response, status: number, code: string): Promise<string> {
  const body = (await json<{ error: { code: string; message: string } }>(response, status)).error
  expect(body.code).toBe(code)
  return body.message
}

beforeAll(async () => {
  server = await startTestServer()
  author = await server.addUser('author', { displayName: '张作者' })
  secretary = await server.addUser('secretary', { displayName: '刘书记' })
  mentor = await server.addUser('mentor', { displayName: '李导师' })
  outsider = await server.addUser('outsider', { displayName: '王旁人' })
  branchId = (await json<{ id: string }>(await server.api('/api/branches', { method: 'POST', body: { name: '第一支部' }, token: server.token }), 201)).id
  for (const [person, role] of [
    [author, 'member'],
    [secretary, 'secretary'],
    [mentor, 'mentor'],
  ] as const) {
    await json(await server.api(`/api/branches/${branchId}/members/${person.user.id}`, { method: 'PUT', body: { role }, token: server.token }))
  }
})
afterAll(async () => {
  await server?.close()
})

async function newDocument(kind: string, title = '测试'): Promise<string> {
  return (await json<{ id: string }>(await server.api('/api/documents', { method: 'POST', body: { title, kind }, token: author.token }), 201)).id
}

const notice = ['X党委办发[2024]12号', '关于开展学习教育月活动的通知', '各支部:', '近日，工委决定开展学习教育月活动。', '一.活动时间', '特此通知。', 'X党委办公室', '2024-03-05']

const check = (id: string, token = author.token) => server.api(`/api/documents/${id}/check`, { token })

describe('GET /api/documents/:id/check', () => {
  it('checks the stored text by the document’s kind and points at the offending text', async () => {
    const id = await newDocument('notice')
    await writeBody(server.collabUrl, id, author.token, ...notice)
    const result = await json<DocumentCheckDto>(await check(id))
    expect(result).toMatchObject({ kind: 'notice', branchId, disabledRules: [] })
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.blockIndex, f.text])).toEqual([
      ['docnumber-brackets', 'error', 0, '[2024]'],
      ['addressee-colon', 'error', 2, ':'],
      ['vague-date', 'warning', 3, '近日'],
      ['heading-label', 'error', 4, '一.'],
      ['date-format', 'error', 7, '2024-03-05'],
    ])
    expect(result.findings[0]!.fix).toEqual({ from: 5, to: 11, insert: '〔2024〕' })
    expect(result.summary).toEqual({ errors: 4, warnings: 1 })
  })

  it('leaves pending suggestions out: a suggested insertion is not the author’s text yet', async () => {
    const id = await newDocument('notice')
    const client = yClient(server.collabUrl, id, { token: author.token })
    await synced(client)
    const suggestion = { type: 'suggestionInsert', attrs: { id: 's1', authorId: mentor.user.id, authorName: '李导师', createdAt: new Date().toISOString() } }
    replaceBody(client.doc, {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '关于开展学习教育月活动的通知' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '其他事项' }, { type: 'text', text: '其它', marks: [suggestion] }] },
      ],
    })
    await saved(client)
    client.destroy()
    expect((await json<DocumentCheckDto>(await check(id))).findings.filter((f) => f.ruleId === 'word-qita')).toEqual([])
  })

  it('runs only the general rules on a 讲话稿 and answers 404 to someone who cannot read it', async () => {
    const id = await newDocument('speech')
    await writeBody(server.collabUrl, id, author.token, '在动员会上的讲话', 'X党委办发[2024]12号文件说，其它支部今年也要参加。')
    const result = await json<DocumentCheckDto>(await check(id))
    expect(result.findings.map((f) => f.ruleId)).toEqual(['word-qita'])
    await expectError(await check(id, outsider.token), 404, 'not_found')
    await expectError(await check('no-such-document-id'), 404, 'not_found')
  })
})

describe('/api/branches/:id/checker', () => {
  const settings = (token: string) => server.api(`/api/branches/${branchId}/checker`, { token })
  const put = (token: string, body: unknown) => server.api(`/api/branches/${branchId}/checker`, { method: 'PUT', body, token })

  it('lets members read, secretaries change practice rules only, and applies to the members’ documents', async () => {
    const initial = await json<BranchCheckerDto>(await settings(author.token))
    expect(initial).toMatchObject({ branchId, disabledRules: [], canEdit: false, updatedAt: null })
    expect(initial.rules.find((r) => r.id === 'vague-date')).toMatchObject({ basis: 'practice', severity: 'warning', disableable: true })
    expect(initial.rules.find((r) => r.id === 'docnumber-brackets')).toMatchObject({ basis: 'std', clause: 'GB/T 9704-2012 7.2.5', disableable: false })
    expect((await json<BranchCheckerDto>(await settings(secretary.token))).canEdit).toBe(true)

    await expectError(await put(author.token, { disabledRules: ['vague-date'] }), 403, 'forbidden')
    await expectError(await put(mentor.token, { disabledRules: ['vague-date'] }), 403, 'forbidden')
    await expectError(await settings(outsider.token), 404, 'not_found')
    await expectError(await put(outsider.token, { disabledRules: [] }), 404, 'not_found')
    expect(await expectError(await put(secretary.token, { disabledRules: ['vague-date', 'docnumber-brackets'] }), 400, 'invalid_request')).toContain('docnumber-brackets')
    expect(await expectError(await put(secretary.token, { disabledRules: ['no-such-rule'] }), 400, 'invalid_request')).toContain('no-such-rule')
    await expectError(await put(secretary.token, { disabledRules: 'vague-date' }), 400, 'invalid_request')
    await expectError(await put(secretary.token, { disabledRules: [], extra: 1 }), 400, 'invalid_request')

    const changed = await json<BranchCheckerDto>(await put(secretary.token, { disabledRules: ['word-qita', 'vague-date', 'vague-date'] }))
    expect(changed).toMatchObject({ disabledRules: ['vague-date', 'word-qita'], canEdit: true })
    expect(Date.parse(changed.updatedAt!)).not.toBeNaN()
    expect((await json<BranchCheckerDto>(await settings(author.token))).disabledRules).toEqual(['vague-date', 'word-qita'])

    // The author's first branch applies to their own documents.
    const id = await newDocument('notice')
    await writeBody(server.collabUrl, id, author.token, ...notice)
    const result = await json<DocumentCheckDto>(await check(id))
    expect(result.disabledRules).toEqual(['vague-date', 'word-qita'])
    expect(result.findings.map((f) => f.ruleId)).not.toContain('vague-date')
    expect(result.summary).toEqual({ errors: 4, warnings: 0 })

    // An admin may change them too; switching everything back on.
    expect((await json<BranchCheckerDto>(await put(server.token, { disabledRules: [] }))).disabledRules).toEqual([])
  })
})

describe('submitting for review', () => {
  it('stores the check summary of a 公文 with the submission event, and none for other writing', async () => {
    const id = await newDocument('notice')
    await writeBody(server.collabUrl, id, author.token, ...notice)
    const submitted = await json<ReviewDto>(await server.api(`/api/documents/${id}/review/submit`, { method: 'POST', body: { reviewerId: mentor.user.id }, token: author.token }))
    expect(submitted.history.at(-1)).toMatchObject({ action: 'submit', checkSummary: { errors: 4, warnings: 1 } })
    // The mentor sees it in the history.
    const seen = await json<ReviewDto>(await server.api(`/api/documents/${id}/review`, { token: mentor.token }))
    expect(seen.history.at(-1)!.checkSummary).toEqual({ errors: 4, warnings: 1 })

    const reflection = await newDocument('reflection')
    await writeBody(server.collabUrl, reflection, author.token, '学习心得', '其它同志也谈了体会。')
    const other = await json<ReviewDto>(await server.api(`/api/documents/${reflection}/review/submit`, { method: 'POST', body: { reviewerId: mentor.user.id }, token: author.token }))
    expect(other.history.at(-1)!.checkSummary).toBeNull()
  })
})
