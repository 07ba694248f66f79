import type { NotificationListDto, ReviewDto, ReviewQueueDto, ShareDto, VersionDto } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, writeBody, type TestServer } from '../../testing/index.ts'
import type { UserRow } from '../../store/UserStore.ts'

let server: TestServer
let author: { user: UserRow; token: string }
let mentor: { user: UserRow; token: string }
let other: { user: UserRow; token: string }

beforeAll(async () => {
  server = await startTestServer()
  author = await server.addUser('author', { displayName: '张作者' })
  mentor = await server.addUser('mentor', { displayName: '李导师' })
  other = await server.addUser('other', { displayName: '王旁人' })
})
afterAll(async () => {
  await server?.close()
})

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = await response.text()
  expect(response.status, body).toBe(status)
  return JSON.parse(body) as T
}

async function newDocument(title = '学习心得'): Promise<string> {
  return (await json<{ id: string }>(await server.api('/api/documents', { method: 'POST', body: { title }, token: author.token }), 201)).id
}

const write = (id: string, text: string) => writeBody(server.collabUrl, id, author.token, text)

const act = (id: string, action: string, token: string, body: unknown = {}) =>
  server.api(`/api/documents/${id}/review/${action}`, { method: 'POST', body, token })

async function expectError(response: Response, status: number, code: string): Promise<string> {
  const body = (await json<{ error: { code: string; message: string } }>(response, status)).error
  expect(body.code).toBe(code)
  return body.message
}

describe('the review loop', () => {
  it('draft → submitted → returned → resubmitted → approved, with versions, history and notifications', async () => {
    const id = await newDocument()
    await write(id, '初稿：学习教育月心得')
    expect((await json<ReviewDto>(await server.api(`/api/documents/${id}/review`, { token: author.token }))).state).toBe('draft')
    // The mentor cannot see the document before it is submitted to them.
    await expectError(await server.api(`/api/documents/${id}/content`, { token: mentor.token }), 404, 'not_found')

    const submitted = await json<ReviewDto>(await act(id, 'submit', author.token, { reviewerId: mentor.user.id, comment: '请指导' }))
    expect(submitted).toMatchObject({ state: 'submitted', reviewerId: mentor.user.id, reviewerName: '李导师', submittedBy: author.user.id })
    // Submitting gave the mentor comment access: they read it and may comment, not edit.
    const shares = await json<{ shares: ShareDto[] }>(await server.api(`/api/documents/${id}/shares`, { token: author.token }))
    expect(shares.shares).toEqual([expect.objectContaining({ granteeId: mentor.user.id, level: 'comment' })])
    expect(await json<{ access: string }>(await server.api(`/api/documents/${id}`, { token: mentor.token }))).toMatchObject({ access: 'comment' })

    const inbox = await json<NotificationListDto>(await server.api('/api/notifications', { token: mentor.token }))
    expect(inbox.unread).toBe(1)
    expect(inbox.notifications[0]).toMatchObject({ kind: 'review_requested', documentId: id, documentTitle: '学习心得', actorName: '张作者', data: { comment: '请指导', resubmission: false } })

    const returned = await json<ReviewDto>(await act(id, 'return', mentor.token, { comment: '第二段要结合实际' }))
    expect(returned.state).toBe('returned')
    const authorInbox = await json<NotificationListDto>(await server.api('/api/notifications', { token: author.token }))
    expect(authorInbox.notifications[0]).toMatchObject({ kind: 'review_returned', actorName: '李导师', data: { comment: '第二段要结合实际' } })

    await write(id, '修改稿：结合实际谈学习教育月心得')
    expect((await json<ReviewDto>(await act(id, 'submit', author.token, { reviewerId: mentor.user.id }))).state).toBe('submitted')
    const approved = await json<ReviewDto>(await act(id, 'approve', mentor.token, { comment: '很好' }))
    expect(approved.state).toBe('approved')

    expect(approved.history.map((e) => [e.action, e.from, e.to, e.actorName, e.comment])).toEqual([
      ['submit', 'draft', 'submitted', '张作者', '请指导'],
      ['return', 'submitted', 'returned', '李导师', '第二段要结合实际'],
      ['submit', 'returned', 'submitted', '张作者', null],
      ['approve', 'submitted', 'approved', '李导师', '很好'],
    ])
    for (const event of approved.history) expect(Date.parse(event.at)).not.toBeNaN()

    // Each submission froze a version, with the text as it was then.
    const { versions } = await json<{ versions: VersionDto[] }>(await server.api(`/api/documents/${id}/versions`, { token: mentor.token }))
    const submissions = versions.filter((v) => v.kind === 'submission')
    expect(submissions.map((v) => v.id).sort()).toEqual([approved.history[0]!.versionId, approved.history[2]!.versionId].sort())
    const texts = await Promise.all(
      [approved.history[0]!.versionId, approved.history[2]!.versionId].map(async (versionId) =>
        (await json<{ content: string }>(await server.api(`/api/documents/${id}/versions/${versionId}?format=text`, { token: mentor.token }))).content,
      ),
    )
    expect(texts).toEqual(['初稿：学习教育月心得', '修改稿：结合实际谈学习教育月心得'])
    // The resubmission told the mentor it was one.
    const mentorInbox = await json<NotificationListDto>(await server.api('/api/notifications', { token: mentor.token }))
    expect(mentorInbox.notifications.map((n) => n.kind)).toEqual(['review_requested', 'review_requested'])
    expect(mentorInbox.notifications[0]!.data).toMatchObject({ resubmission: true })
    expect(authorInbox.unread).toBe(1)
    expect((await json<NotificationListDto>(await server.api('/api/notifications', { token: author.token }))).notifications.map((n) => n.kind)).toEqual([
      'review_approved',
      'review_returned',
    ])
  })

  it('refuses illegal transitions with 409 and a message naming the state', async () => {
    const id = await newDocument()
    expect(await expectError(await act(id, 'withdraw', author.token), 409, 'conflict')).toMatch(/draft/)
    await json(await act(id, 'submit', author.token, { reviewerId: mentor.user.id }))
    expect(await expectError(await act(id, 'submit', author.token, { reviewerId: mentor.user.id }), 409, 'conflict')).toMatch(/submitted/)
    await json(await act(id, 'approve', mentor.token, {}))
    for (const [action, token, body] of [
      ['return', mentor.token, { comment: '再改' }],
      ['approve', mentor.token, {}],
      ['submit', author.token, { reviewerId: mentor.user.id }],
      ['withdraw', author.token, undefined],
    ] as const) {
      expect(await expectError(await act(id, action, token, body), 409, 'conflict'), action).toMatch(/approved/)
    }
    expect((await json<ReviewDto>(await server.api(`/api/documents/${id}/review`, { token: author.token }))).history).toHaveLength(2)
  })

  it('lets only the author submit or withdraw and only the chosen reviewer return or approve (403)', async () => {
    const id = await newDocument()
    await json(await server.api(`/api/documents/${id}/shares`, { method: 'PUT', body: { granteeType: 'user', granteeId: other.user.id, level: 'edit' }, token: author.token }))
    await expectError(await act(id, 'submit', other.token, { reviewerId: mentor.user.id }), 403, 'forbidden')
    await json(await act(id, 'submit', author.token, { reviewerId: mentor.user.id }))
    await expectError(await act(id, 'approve', author.token), 403, 'forbidden')
    await expectError(await act(id, 'return', other.token, { comment: '不行' }), 403, 'forbidden')
    await expectError(await act(id, 'withdraw', mentor.token), 403, 'forbidden')
    // Someone who cannot read the document is told it does not exist.
    const stranger = await server.addUser('stranger')
    await expectError(await act(id, 'approve', stranger.token), 404, 'not_found')
    // Withdrawing returns it to draft and tells the reviewer.
    expect((await json<ReviewDto>(await act(id, 'withdraw', author.token))).state).toBe('draft')
    const inbox = await json<NotificationListDto>(await server.api('/api/notifications?unread=true', { token: mentor.token }))
    expect(inbox.notifications[0]).toMatchObject({ kind: 'review_withdrawn', documentId: id })
  })

  it('validates bodies (400): a reviewer who exists, is active and is not the author; a return needs a comment', async () => {
    const id = await newDocument()
    await expectError(await act(id, 'submit', author.token, {}), 400, 'invalid_request')
    await expectError(await act(id, 'submit', author.token, { reviewerId: 'AAAAAAAAAAAAAAAA' }), 400, 'invalid_request')
    await expectError(await act(id, 'submit', author.token, { reviewerId: author.user.id }), 400, 'invalid_request')
    await expectError(await act(id, 'submit', author.token, { reviewerId: mentor.user.id, extra: 1 }), 400, 'invalid_request')
    const disabled = await server.addUser('retired')
    await json(await server.api(`/api/users/${disabled.user.id}`, { method: 'PATCH', body: { disabled: true } }))
    await expectError(await act(id, 'submit', author.token, { reviewerId: disabled.user.id }), 400, 'invalid_request')
    // Nothing was written by the refused attempts.
    expect(await json<ReviewDto>(await server.api(`/api/documents/${id}/review`, { token: author.token }))).toMatchObject({ state: 'draft', history: [] })
    await json(await act(id, 'submit', author.token, { reviewerId: mentor.user.id }))
    await expectError(await act(id, 'return', mentor.token, {}), 400, 'invalid_request')
    await expectError(await act(id, 'return', mentor.token, { comment: '   ' }), 400, 'invalid_request')
  })

  it('never lowers a reviewer who already has more than comment access', async () => {
    const id = await newDocument()
    await json(await server.api(`/api/documents/${id}/shares`, { method: 'PUT', body: { granteeType: 'user', granteeId: other.user.id, level: 'edit' }, token: author.token }))
    await json(await act(id, 'submit', author.token, { reviewerId: other.user.id }))
    const { shares } = await json<{ shares: ShareDto[] }>(await server.api(`/api/documents/${id}/shares`, { token: author.token }))
    expect(shares).toEqual([expect.objectContaining({ granteeId: other.user.id, level: 'edit' })])
  })

  it('lets exactly one of two simultaneous submissions through', async () => {
    const id = await newDocument()
    const responses = await Promise.all([act(id, 'submit', author.token, { reviewerId: mentor.user.id }), act(id, 'submit', author.token, { reviewerId: other.user.id })])
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409])
    const review = await json<ReviewDto>(await server.api(`/api/documents/${id}/review`, { token: author.token }))
    expect(review.history).toHaveLength(1)
    const { versions } = await json<{ versions: VersionDto[] }>(await server.api(`/api/documents/${id}/versions`, { token: author.token }))
    expect(versions.filter((v) => v.kind === 'submission')).toHaveLength(1)
    // Only the reviewer who won was given access.
    const { shares } = await json<{ shares: ShareDto[] }>(await server.api(`/api/documents/${id}/shares`, { token: author.token }))
    expect(shares.map((s) => s.granteeId)).toEqual([review.reviewerId])
  })

  it("lists a reviewer's queue and an author's submissions, hiding documents the caller can no longer read", async () => {
    const reviewer = await server.addUser('queue-mentor', { displayName: '队列导师' })
    const [first, second] = [await newDocument('第一篇'), await newDocument('第二篇')]
    await json(await act(first, 'submit', author.token, { reviewerId: reviewer.user.id }))
    await json(await act(second, 'submit', author.token, { reviewerId: reviewer.user.id }))
    await json(await act(first, 'approve', reviewer.token, {}))
    const queue = (query: string, token = reviewer.token) => server.api(`/api/reviews${query}`, { token })

    const mine = await json<ReviewQueueDto>(await queue(''))
    expect(mine.reviews.map((r) => [r.title, r.state, r.submittedByName])).toEqual([
      ['第一篇', 'approved', '张作者'],
      ['第二篇', 'submitted', '张作者'],
    ])
    expect((await json<ReviewQueueDto>(await queue('?state=submitted'))).reviews.map((r) => r.documentId)).toEqual([second])
    const submitted = await json<ReviewQueueDto>(await queue('?role=author', author.token))
    expect(submitted.reviews.map((r) => r.documentId)).toEqual(expect.arrayContaining([first, second]))
    expect(submitted.reviews.find((r) => r.documentId === second)).toMatchObject({ reviewerName: '队列导师' })

    await server.api(`/api/documents/${second}/shares/user/${reviewer.user.id}`, { method: 'DELETE', token: author.token })
    expect((await json<ReviewQueueDto>(await queue(''))).reviews.map((r) => r.documentId)).toEqual([first])
    await json(await queue('?role=boss'), 400)
  })
})
