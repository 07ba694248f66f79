import type { AssignmentDashboardDto, AssignmentDetailDto, AssignmentDto, AssignmentListDto, CreateAssignmentBody, ThreadDto, WorkContextDto } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, writeBody, type TestServer } from '../../testing/index.ts'

/**
 * Assignments through the real server: who may set and see them, audience by age, start from
 * the template (idempotent), round-robin and peer allocation, late submissions, rubric scores,
 * criterion-tied comments with anonymous peers, and the dashboard with its CSV.
 */

type Person = 'secretary' | 'mentorA' | 'mentorB' | 'alice' | 'bob' | 'carol' | 'dave' | 'eve'
let server: TestServer
const tokens = {} as Record<Person, string>
const ids = {} as Record<Person, string>
let branchId = ''
let otherBranchId = ''
const thisYear = new Date().getUTCFullYear()

const rubric = [
  {
    id: 'structure',
    name: '结构完整',
    description: '标题、主送、正文、落款齐全',
    levels: [
      { id: 'good', label: '优秀', points: 10 },
      { id: 'ok', label: '合格', points: 6 },
      { id: 'poor', label: '待改进', points: 2 },
    ],
  },
  {
    id: 'language',
    name: '语言规范',
    description: '',
    levels: [
      { id: 'good', label: '优秀', points: 5 },
      { id: 'ok', label: '合格', points: 3 },
    ],
  },
]

async function call<T = unknown>(who: Person, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await server.api(path, { ...init, token: tokens[who] })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T }
}

function setup(overrides: Partial<CreateAssignmentBody> = {}): CreateAssignmentBody {
  return {
    branchId,
    title: '关于开展学习教育月活动的通知',
    prompt: '请以支部名义起草一份通知。',
    kind: 'notice',
    templateId: 'notice',
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    length: { min: 50, max: 800 },
    audience: { type: 'branch' },
    rubric,
    allocation: { type: 'mentor', mentorId: ids.mentorA },
    ...overrides,
  }
}

async function create(overrides: Partial<CreateAssignmentBody> = {}, by: Person = 'secretary'): Promise<AssignmentDto> {
  const { status, body } = await call<AssignmentDto>(by, '/api/assignments', { method: 'POST', body: setup(overrides) })
  expect(status, JSON.stringify(body)).toBe(201)
  return body
}

async function start(who: Person, assignmentId: string): Promise<string> {
  const { status, body } = await call<AssignmentDetailDto>(who, `/api/assignments/${assignmentId}/start`, { method: 'POST' })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.mine!.documentId!
}

async function dashboard(assignmentId: string, who: Person = 'secretary'): Promise<AssignmentDashboardDto> {
  const { status, body } = await call<AssignmentDashboardDto>(who, `/api/assignments/${assignmentId}/dashboard`)
  expect(status).toBe(200)
  return body
}

beforeAll(async () => {
  server = await startTestServer()
  const people: [Person, string, number | null][] = [
    ['secretary', '王书记', 1970],
    ['mentorA', '李导师', 1968],
    ['mentorB', '赵导师', 1972],
    ['alice', '陈静', thisYear - 36],
    ['bob', '刘强', thisYear - 51],
    ['carol', '孙丽', thisYear - 45],
    ['dave', '=HYPERLINK("http://x","点我")', null],
    ['eve', '外支部', thisYear - 30],
  ]
  for (const [name, displayName, birthYear] of people) {
    const { user, token } = await server.addUser(name.toLowerCase(), { displayName })
    await server.store.users.update(user.id, { birth_year: birthYear })
    tokens[name] = token
    ids[name] = user.id
  }
  const made = await server.api('/api/branches', { method: 'POST', body: { name: '第一支部' } })
  branchId = ((await made.json()) as { id: string }).id
  const other = await server.api('/api/branches', { method: 'POST', body: { name: '第二支部' } })
  const otherId = ((await other.json()) as { id: string }).id
  otherBranchId = otherId
  await server.store.branches.setRole(branchId, ids.secretary, 'secretary')
  await server.store.branches.setRole(branchId, ids.mentorA, 'mentor')
  await server.store.branches.setRole(branchId, ids.mentorB, 'mentor')
  for (const member of ['alice', 'bob', 'carol', 'dave'] as const) await server.store.branches.setRole(branchId, ids[member], 'member')
  await server.store.branches.setRole(otherId, ids.eve, 'member')
})

afterAll(async () => {
  await server?.close()
})

describe('setting assignments', () => {
  it('lets the secretary and mentors set one, refuses members (403) and outsiders (404)', async () => {
    expect((await create({}, 'secretary')).canManage).toBe(true)
    expect((await create({}, 'mentorB')).createdByName).toBe('赵导师')
    expect((await call('alice', '/api/assignments', { method: 'POST', body: setup() })).status).toBe(403)
    const outsider = await call<{ error: { code: string } }>('eve', '/api/assignments', { method: 'POST', body: setup() })
    expect(outsider.status).toBe(404)
    expect(outsider.body.error.code).toBe('not_found')
  })

  it('refuses an assignment that could not work (400)', async () => {
    const cases: Partial<CreateAssignmentBody>[] = [
      { templateId: 'no-such-template' },
      { allocation: { type: 'mentor', mentorId: ids.alice } },
      { audience: { type: 'members', userIds: [ids.eve] } },
      { audience: { type: 'age' } as never },
      { length: { min: 900, max: 100 } },
      { rubric: [{ id: 'x', name: '重复等级', description: '', levels: [{ id: 'a', label: 'A', points: 1 }, { id: 'a', label: 'B', points: 2 }] }] },
      { deadline: '下周五' },
    ]
    for (const overrides of cases) {
      const { status, body } = await call<{ error: { code: string } }>('secretary', '/api/assignments', { method: 'POST', body: setup(overrides) })
      expect(status, JSON.stringify(overrides)).toBe(400)
      expect(body.error.code).toBe('invalid_request')
    }
  })

  it('lets managers edit and close it; members may not; a closed assignment cannot be started', async () => {
    const assignment = await create()
    expect((await call('alice', `/api/assignments/${assignment.id}`, { method: 'PATCH', body: { title: '改' } })).status).toBe(403)
    expect((await call('eve', `/api/assignments/${assignment.id}`, { method: 'PATCH', body: { title: '改' } })).status).toBe(404)
    const edited = await call<AssignmentDto>('mentorA', `/api/assignments/${assignment.id}`, { method: 'PATCH', body: { title: '新标题', status: 'closed' } })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ title: '新标题', status: 'closed' })
    expect((await call('alice', `/api/assignments/${assignment.id}/start`, { method: 'POST' })).status).toBe(409)
  })
})

describe('audience and starting', () => {
  it('addresses members by age: aged 45 and under, without a birth year left out', async () => {
    const assignment = await create({ audience: { type: 'age', maxAge: 45 }, title: '公文写作测试' })
    const listed = async (who: Person) => (await call<AssignmentListDto>(who, '/api/assignments')).body.assigned.some((a) => a.assignment.id === assignment.id)
    expect(await listed('alice')).toBe(true) // 36
    expect(await listed('carol')).toBe(true) // 45
    expect(await listed('bob')).toBe(false) // 51
    expect(await listed('dave')).toBe(false) // no birth year
    expect(await listed('secretary')).toBe(false)
    expect((await call('bob', `/api/assignments/${assignment.id}`)).status).toBe(404)
    expect((await call('bob', `/api/assignments/${assignment.id}/start`, { method: 'POST' })).status).toBe(404)
    expect((await call('eve', `/api/assignments/${assignment.id}`)).status).toBe(404)
    const rows = (await dashboard(assignment.id)).rows.map((r) => r.username)
    expect(rows).toEqual(['alice', 'carol'])
  })

  it('starts the member’s document from the template, owned by them with the kind set; a second start returns it', async () => {
    const assignment = await create()
    const first = await call<AssignmentDetailDto>('alice', `/api/assignments/${assignment.id}/start`, { method: 'POST' })
    expect(first.status).toBe(201)
    expect(first.body.mine).toMatchObject({ status: 'drafting', late: false })
    const documentId = first.body.mine!.documentId!
    const again = await call<AssignmentDetailDto>('alice', `/api/assignments/${assignment.id}/start`, { method: 'POST' })
    expect(again.status).toBe(200)
    expect(again.body.mine!.documentId).toBe(documentId)
    const document = await call<{ kind: string; ownerId: string; title: string; access: string }>('alice', `/api/documents/${documentId}`)
    expect(document.body).toMatchObject({ kind: 'notice', ownerId: ids.alice, title: '关于开展学习教育月活动的通知', access: 'owner' })
    const content = await call<{ content: string }>('alice', `/api/documents/${documentId}/content?format=text`)
    expect(content.body.content).toContain('特此通知。')
    // Managers who are not addressed cannot start one.
    expect((await call('secretary', `/api/assignments/${assignment.id}/start`, { method: 'POST' })).status).toBe(403)
  })

  it('starts the member’s document from a branch template; another branch’s or another type’s is refused', async () => {
    const source = await call<{ id: string }>('secretary', '/api/documents', { method: 'POST', body: { title: '支部通知', kind: 'notice', branchId } })
    await writeBody(server.collabUrl, source.body.id, tokens.secretary, '全体党员：', '本支部惯用的通知开头。')
    const saved = await call<{ id: string }>('secretary', `/api/branches/${branchId}/templates`, { method: 'POST', body: { name: '支部通知', kind: 'notice', documentId: source.body.id } })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    expect(saved.body.id).toMatch(/^branch:/)
    const assignment = await create({ templateId: saved.body.id })
    expect(assignment.templateId).toBe(saved.body.id)
    const documentId = await start('carol', assignment.id)
    const content = await call<{ content: string }>('carol', `/api/documents/${documentId}/content?format=text`)
    expect(content.body.content).toContain('本支部惯用的通知开头。')
    expect(content.body.content).not.toContain('特此通知。')
    // A template of another type than the assignment's.
    expect((await call('secretary', '/api/assignments', { method: 'POST', body: setup({ kind: 'report', templateId: saved.body.id }) })).status).toBe(400)
    // Another branch's template: its members could not start from it. (The admin sets it up.)
    const foreign = await server.api('/api/documents', { method: 'POST', body: { title: '外支部通知', kind: 'notice', branchId: otherBranchId } })
    const foreignId = ((await foreign.json()) as { id: string }).id
    const other = await server.api(`/api/branches/${otherBranchId}/templates`, { method: 'POST', body: { name: '外支部通知', kind: 'notice', documentId: foreignId } })
    expect(other.status).toBe(201)
    const otherTemplate = ((await other.json()) as { id: string }).id
    await server.store.branches.setRole(otherBranchId, ids.secretary, 'member')
    const refused = await call<{ error: { message: string } }>('secretary', '/api/assignments', { method: 'POST', body: setup({ templateId: otherTemplate }) })
    await server.store.branches.removeMember(otherBranchId, ids.secretary)
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toContain('本支部')
  })

  it('allocates round-robin among the branch’s mentors in the order members start', async () => {
    const assignment = await create({ allocation: { type: 'round-robin' } })
    for (const member of ['carol', 'alice', 'dave', 'bob'] as const) await start(member, assignment.id)
    const reviewers = Object.fromEntries((await dashboard(assignment.id)).rows.map((r) => [r.username, r.reviewers]))
    expect(reviewers).toEqual({ carol: ['李导师'], alice: ['赵导师'], dave: ['李导师'], bob: ['赵导师'] })
  })

  it('allocates N peers, never the author, each reviewing as many as review them', async () => {
    const assignment = await create({ allocation: { type: 'peer', count: 2, anonymous: false } })
    for (const member of ['alice', 'bob', 'carol', 'dave'] as const) await start(member, assignment.id)
    const rows = (await dashboard(assignment.id)).rows
    const reviews = new Map<string, number>()
    for (const row of rows) {
      expect(row.reviewers).toHaveLength(2)
      expect(new Set(row.reviewers).size).toBe(2)
      expect(row.reviewers).not.toContain(row.displayName)
      for (const name of row.reviewers) reviews.set(name, (reviews.get(name) ?? 0) + 1)
    }
    expect([...reviews.values()]).toEqual([2, 2, 2, 2])
  })
})

describe('submitting and scoring', () => {
  it('submits to the allocated mentor through the review loop; after the deadline it is allowed and marked late', async () => {
    const onTime = await create()
    const late = await create({ deadline: new Date(Date.now() - 3_600_000).toISOString() })
    for (const [assignment, expected] of [
      [onTime, 'submitted'],
      [late, 'late'],
    ] as const) {
      const documentId = await start('bob', assignment.id)
      expect((await call('mentorA', `/api/documents/${documentId}`)).status).toBe(404)
      const submitted = await call<AssignmentDetailDto>('bob', `/api/assignments/${assignment.id}/submit`, { method: 'POST', body: { comment: '请导师审阅' } })
      expect(submitted.status).toBe(200)
      expect(submitted.body.mine).toMatchObject({ status: expected, late: expected === 'late' })
      const review = await call<{ state: string; reviewerId: string }>('bob', `/api/documents/${documentId}/review`)
      expect(review.body).toMatchObject({ state: 'submitted', reviewerId: ids.mentorA })
      // The mentor can now read and comment.
      expect((await call<{ access: string }>('mentorA', `/api/documents/${documentId}`)).body.access).toBe('comment')
      // Submitting twice is the review loop's 409.
      expect((await call('bob', `/api/assignments/${assignment.id}/submit`, { method: 'POST', body: {} })).status).toBe(409)
    }
    const rows = (await dashboard(late.id)).rows
    expect(rows.find((r) => r.username === 'bob')).toMatchObject({ status: 'late', late: true })
    // Not started → 409; not addressed → 404.
    expect((await call('alice', `/api/assignments/${onTime.id}/submit`, { method: 'POST', body: {} })).status).toBe(409)
    expect((await call('eve', `/api/assignments/${onTime.id}/submit`, { method: 'POST', body: {} })).status).toBe(404)
  })

  it('validates scores: only allocated reviewers, only after submission, only known criteria and levels', async () => {
    const assignment = await create()
    const documentId = await start('carol', assignment.id)
    await writeBody(server.collabUrl, documentId, tokens.carol, '各支部：', '现就开展学习教育月活动有关事项通知如下。')
    const scores = { scores: [{ criterionId: 'structure', levelId: 'good', note: '结构完整' }] }
    // The secretary cannot read the member's private document, so not its assignment view either.
    expect((await call('secretary', `/api/documents/${documentId}/assignment`)).status).toBe(404)
    expect((await call('carol', `/api/documents/${documentId}/assignment/scores`, { method: 'PUT', body: scores })).status).toBe(403)
    await call('carol', `/api/assignments/${assignment.id}/submit`, { method: 'POST', body: {} })
    expect((await call('mentorB', `/api/documents/${documentId}/assignment/scores`, { method: 'PUT', body: scores })).status).toBe(404)
    expect((await call('carol', `/api/documents/${documentId}/assignment/scores`, { method: 'PUT', body: scores })).status).toBe(403)
    for (const bad of [
      { scores: [{ criterionId: 'nonsense', levelId: 'good' }] },
      { scores: [{ criterionId: 'language', levelId: 'poor' }] },
      { scores: [{ criterionId: 'language', levelId: 'ok' }, { criterionId: 'language', levelId: 'good' }] },
      { scores: 'all good' },
    ]) {
      expect((await call('mentorA', `/api/documents/${documentId}/assignment/scores`, { method: 'PUT', body: bad })).status, JSON.stringify(bad)).toBe(400)
    }
    const partial = await call<WorkContextDto>('mentorA', `/api/documents/${documentId}/assignment/scores`, { method: 'PUT', body: scores })
    expect(partial.status).toBe(200)
    expect(partial.body).toMatchObject({ role: 'reviewer', canScore: true, status: 'submitted' })
    expect(partial.body.sheets[0]).toMatchObject({ complete: false, total: 10 })
    // The author sees no scores before the review is finished.
    const before = await call<WorkContextDto>('carol', `/api/documents/${documentId}/assignment`)
    expect(before.body).toMatchObject({ role: 'author', sheets: [], total: null })
    expect(before.body.characters).toBeGreaterThan(20)
    expect(before.body.lengthCheck).toBe('short')
  })

  it('shows the author scores and criterion-tied comments together once reviewed', async () => {
    const assignment = await create()
    const documentId = await start('alice', assignment.id)
    await call('alice', `/api/assignments/${assignment.id}/submit`, { method: 'POST', body: {} })
    const thread = await call<ThreadDto>('mentorA', `/api/documents/${documentId}/threads`, {
      method: 'POST',
      body: { anchor: { start: 'AAAA', end: 'AAAA' }, quote: '各支部', body: '主送机关应写全称', mentions: [] },
    })
    expect(thread.status).toBe(201)
    const tie = (who: Person, criterionId: string | null) => call<ThreadDto>(who, `/api/documents/${documentId}/threads/${thread.body.id}`, { method: 'PATCH', body: { criterionId } })
    expect((await tie('mentorA', 'nonsense')).status).toBe(400)
    expect((await tie('alice', 'structure')).status).toBe(403)
    expect((await tie('eve', 'structure')).status).toBe(404)
    const tied = await tie('mentorA', 'structure')
    expect(tied.status).toBe(200)
    expect(tied.body.criterionId).toBe('structure')
    await call('mentorA', `/api/documents/${documentId}/assignment/scores`, {
      method: 'PUT',
      body: { scores: [{ criterionId: 'structure', levelId: 'ok', note: '缺少落款' }, { criterionId: 'language', levelId: 'good' }] },
    })
    const seen = await call<WorkContextDto>('alice', `/api/documents/${documentId}/assignment`)
    expect(seen.body.status).toBe('reviewed')
    expect(seen.body.total).toBe(11)
    expect(seen.body.assignment.maxPoints).toBe(15)
    expect(seen.body.sheets).toEqual([
      {
        reviewerId: ids.mentorA,
        reviewerName: '李导师',
        complete: true,
        total: 11,
        scores: [
          { criterionId: 'structure', levelId: 'ok', label: '合格', points: 6, note: '缺少落款' },
          { criterionId: 'language', levelId: 'good', label: '优秀', points: 5, note: '' },
        ],
      },
    ])
    expect(seen.body.tied.structure).toEqual([expect.objectContaining({ quote: '各支部', comments: [expect.objectContaining({ authorName: '李导师', body: '主送机关应写全称' })] })])
    const list = await call<AssignmentListDto>('alice', '/api/assignments')
    expect(list.body.assigned.find((a) => a.assignment.id === assignment.id)).toMatchObject({ status: 'reviewed', total: 11 })
  })

  it('hides anonymous peers’ names from the author in scores and tied comments', async () => {
    const assignment = await create({ allocation: { type: 'peer', count: 2, anonymous: true }, audience: { type: 'members', userIds: [ids.alice, ids.bob, ids.carol] } })
    const documentId = await start('alice', assignment.id)
    await call('alice', `/api/assignments/${assignment.id}/submit`, { method: 'POST', body: {} })
    const context = await call<WorkContextDto>('alice', `/api/documents/${documentId}/assignment`)
    expect(context.body.reviewers).toEqual([
      { id: null, name: '同伴评审 1/2', alias: { index: 1, of: 2 } },
      { id: null, name: '同伴评审 2/2', alias: { index: 2, of: 2 } },
    ])
    // The review loop goes to the setter, so no peer returns or approves under their name.
    expect((await call<{ reviewerId: string }>('alice', `/api/documents/${documentId}/review`)).body.reviewerId).toBe(ids.secretary)
    // alice's peers are the next two in username order: bob and carol; both may comment now.
    for (const peer of ['bob', 'carol'] as const) expect((await call<{ access: string }>(peer, `/api/documents/${documentId}`)).body.access).toBe('comment')
    const thread = await call<ThreadDto>('carol', `/api/documents/${documentId}/threads`, {
      method: 'POST',
      body: { anchor: { start: 'AAAA', end: 'AAAA' }, quote: '通知', body: '语言可以更简洁', mentions: [] },
    })
    await call('carol', `/api/documents/${documentId}/threads/${thread.body.id}`, { method: 'PATCH', body: { criterionId: 'language' } })
    for (const peer of ['bob', 'carol'] as const) {
      const scored = await call(peer, `/api/documents/${documentId}/assignment/scores`, {
        method: 'PUT',
        body: { scores: [{ criterionId: 'structure', levelId: peer === 'bob' ? 'good' : 'ok' }, { criterionId: 'language', levelId: 'ok' }] },
      })
      expect(scored.status).toBe(200)
    }
    const seen = await call<WorkContextDto>('alice', `/api/documents/${documentId}/assignment`)
    expect(seen.body.status).toBe('reviewed')
    expect(seen.body.sheets.map((s) => [s.reviewerId, s.reviewerName, s.total])).toEqual([
      [null, '同伴评审 1/2', 13],
      [null, '同伴评审 2/2', 9],
    ])
    expect(seen.body.total).toBe(11)
    expect(seen.body.tied.language![0]!.comments[0]!.authorName).toBe('同伴评审 2/2')
    expect(JSON.stringify(seen.body)).not.toMatch(/刘强|孙丽/)
    // The setter sees the names.
    const rows = (await dashboard(assignment.id)).rows
    expect(rows.find((r) => r.username === 'alice')!.reviewers).toEqual(['刘强', '孙丽'])
  })
})

describe('notifications', () => {
  type Inbox = { notifications: { kind: string; actorId: string | null; actorName: string | null; documentId: string | null; data: Record<string, unknown> }[] }
  const inbox = async (who: Person) => (await call<Inbox>(who, '/api/notifications')).body.notifications

  it('tells the addressed members of a new assignment, and the author when a sheet is finished — anonymous peers by alias only', async () => {
    const assignment = await create({ allocation: { type: 'peer', count: 1, anonymous: true }, audience: { type: 'members', userIds: [ids.bob, ids.dave] }, title: '匿名互评练习' })
    const set = (await inbox('bob')).find((n) => n.kind === 'assignment_set' && n.data.assignmentId === assignment.id)
    expect(set).toMatchObject({ actorName: '王书记', documentId: null, data: { title: '匿名互评练习' } })
    expect((await inbox('alice')).some((n) => n.data.assignmentId === assignment.id)).toBe(false)
    const documentId = await start('bob', assignment.id)
    await call('bob', `/api/assignments/${assignment.id}/submit`, { method: 'POST', body: {} })
    await call('dave', `/api/documents/${documentId}/assignment/scores`, { method: 'PUT', body: { scores: [{ criterionId: 'structure', levelId: 'good' }] } })
    expect((await inbox('bob')).some((n) => n.kind === 'assignment_scored')).toBe(false)
    await call('dave', `/api/documents/${documentId}/assignment/scores`, {
      method: 'PUT',
      body: { scores: [{ criterionId: 'structure', levelId: 'good' }, { criterionId: 'language', levelId: 'ok' }] },
    })
    const scored = (await inbox('bob')).filter((n) => n.kind === 'assignment_scored')
    expect(scored).toHaveLength(1)
    expect(scored[0]).toMatchObject({ actorId: null, actorName: null, documentId, data: { total: 13, actorAlias: '同伴评审 1/1' } })
  })

  it('brings a trashed work back when the member starts again', async () => {
    const assignment = await create()
    const documentId = await start('dave', assignment.id)
    expect((await call('dave', `/api/documents/${documentId}`, { method: 'DELETE' })).status).toBe(200)
    const again = await call<AssignmentDetailDto>('dave', `/api/assignments/${assignment.id}/start`, { method: 'POST' })
    expect(again.body.mine!.documentId).toBe(documentId)
    expect((await call<{ deletedAt: string | null }>('dave', `/api/documents/${documentId}`)).body.deletedAt).toBeNull()
  })
})

describe('the dashboard', () => {
  it('is for managers only: members 403, outsiders 404', async () => {
    const assignment = await create()
    expect((await call('alice', `/api/assignments/${assignment.id}/dashboard`)).status).toBe(403)
    expect((await call('eve', `/api/assignments/${assignment.id}/dashboard`)).status).toBe(404)
    expect((await call('mentorB', `/api/assignments/${assignment.id}/dashboard`)).status).toBe(200)
    expect((await call('secretary', `/api/assignments/${assignment.id}/dashboard?format=xls`)).status).toBe(400)
  })

  it('counts statuses and spreads scores over levels; exports CSV with a BOM and formula cells escaped', async () => {
    const assignment = await create()
    const aliceDoc = await start('alice', assignment.id)
    await start('bob', assignment.id)
    await call('alice', `/api/assignments/${assignment.id}/submit`, { method: 'POST', body: {} })
    await call('mentorA', `/api/documents/${aliceDoc}/assignment/scores`, {
      method: 'PUT',
      body: { scores: [{ criterionId: 'structure', levelId: 'good' }, { criterionId: 'language', levelId: 'ok' }] },
    })
    const data = await dashboard(assignment.id)
    expect(data.counts).toEqual({ not_started: 2, drafting: 1, submitted: 0, late: 0, reviewed: 1 })
    expect(data.rows.find((r) => r.username === 'alice')).toMatchObject({ status: 'reviewed', total: 13, points: { structure: 10, language: 3 } })
    // The secretary cannot open the members' private documents: no link.
    expect(data.rows.find((r) => r.username === 'alice')!.documentId).toBeNull()
    expect(data.distribution[0]!.levels.map((l) => l.count)).toEqual([1, 0, 0])
    expect(data.distribution[1]!.levels.map((l) => l.count)).toEqual([0, 1])

    const response = await server.api(`/api/assignments/${assignment.id}/dashboard?format=csv`, { token: tokens.secretary })
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''")
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n')
    expect(lines[0]).toBe('用户名,姓名,状态,逾期,字数,提交时间,审阅人,结构完整,语言规范,总分（满分 15）')
    expect(lines.find((l) => l.startsWith('alice,'))).toMatch(/^alice,陈静,已评阅,,\d+,[^,]+,李导师,10,3,13$/)
    expect(lines.find((l) => l.startsWith('bob,'))).toMatch(/^bob,刘强,写作中,,\d+,,李导师,,,$/)
    // dave's display name starts with = : quoted (it has a comma and quotes) and prefixed with '.
    expect(lines.find((l) => l.startsWith('dave,'))).toBe(`dave,"'=HYPERLINK(""http://x"",""点我"")",未开始,,,,,,,`)
  })
})
