import type { DocumentDto, DocumentListDto, JournalCalendarDto, JournalEntryDto, JournalEntryListDto, JournalTodayDto, StudyTopicsDto } from '@dongbi/schema'
import { countCharacters } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../auth/secretToken.ts'
import { startTestServer, writeBody, type TestServer } from '../../testing/index.ts'

let server: TestServer
type Person = Awaited<ReturnType<TestServer['addUser']>>
let writer: Person
let other: Person
let mentor: Person
let secretary: Person
let branchId: string

beforeAll(async () => {
  server = await startTestServer()
  writer = await server.addUser('chenjing', { displayName: '陈静' })
  other = await server.addUser('lisi', { displayName: '李四' })
  mentor = await server.addUser('wangdaoshi', { displayName: '王导师' })
  secretary = await server.addUser('zhangshuji', { displayName: '张书记' })
  branchId = newId()
  const { branches } = server.store
  await branches.insert({ id: branchId, name: '第一支部', created_at: new Date().toISOString() })
  await branches.setRole(branchId, writer.user.id, 'member')
  await branches.setRole(branchId, other.user.id, 'member')
  await branches.setRole(branchId, mentor.user.id, 'mentor')
  await branches.setRole(branchId, secretary.user.id, 'secretary')
})
afterAll(async () => {
  await server?.close()
})

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  return JSON.parse(text) as T
}

async function write(person: Person, date: string, options: { tags?: string[]; prompt?: string; text?: string[] } = {}): Promise<JournalEntryDto> {
  const entry = await json<JournalEntryDto>(
    await server.api('/api/journal/entries', { method: 'POST', token: person.token, body: { date, tags: options.tags ?? [], ...(options.prompt ? { prompt: options.prompt } : {}) } }),
    201,
  )
  if (options.text) await writeBody(server.collabUrl, entry.id, person.token, ...options.text)
  return entry
}

const calendar = (person: Person, month: string, today: string) => server.api(`/api/journal/calendar?month=${month}&today=${today}`, { token: person.token }).then((r) => json<JournalCalendarDto>(r))
const today = (person: Person, date: string) => server.api(`/api/journal/today?date=${date}`, { token: person.token }).then((r) => json<JournalTodayDto>(r))

describe('journal entries', () => {
  it('are private: another member, and even an org admin, gets 404 and never sees them listed; they stay out of 我的文档', async () => {
    const entry = await write(writer, '2026-05-04', { tags: ['理论学习'], prompt: '今天读到的哪一句话最触动你？', text: ['学习了《条例》第八条。'] })
    expect(entry).toMatchObject({ date: '2026-05-04', title: '5月4日学习日志', tags: ['理论学习'], prompt: '今天读到的哪一句话最触动你？', mine: true })

    const document = await json<DocumentDto>(await server.api(`/api/documents/${entry.id}`, { token: writer.token }))
    expect(document).toMatchObject({ kind: 'journal', ownerId: writer.user.id, access: 'owner' })

    for (const path of [`/api/journal/entries/${entry.id}`, `/api/documents/${entry.id}`, `/api/documents/${entry.id}/content`]) {
      await json(await server.api(path, { token: other.token }), 404)
      await json(await server.api(path, { token: mentor.token }), 404)
      await json(await server.api(path), 404) // root, the org admin
    }
    await json(await server.api(`/api/journal/entries/${entry.id}`, { method: 'PATCH', token: other.token, body: { tags: ['偷看'] } }), 404)
    expect((await json<JournalEntryListDto>(await server.api('/api/journal/entries', { token: other.token }))).entries).toEqual([])
    expect((await json<JournalCalendarDto>(await server.api('/api/journal/calendar?month=2026-05', { token: other.token }))).days).toEqual([])
    for (const scope of ['mine', 'shared', 'branch']) {
      const { documents } = await json<DocumentListDto>(await server.api(`/api/documents?scope=${scope}`, { token: other.token }))
      expect(documents.map((d) => d.id)).not.toContain(entry.id)
    }
    const mine = await json<DocumentListDto>(await server.api('/api/documents?scope=mine', { token: writer.token }))
    expect(mine.documents.map((d) => d.id)).not.toContain(entry.id)
    // Journal documents are only made with their date, through the journal.
    await json(await server.api('/api/documents', { method: 'POST', token: writer.token, body: { kind: 'journal' } }), 400)
  })

  it('shared with a mentor at 可评论, the entry opens for them (without its tags) and takes their comments', async () => {
    const entry = await write(writer, '2026-05-05', { tags: ['私人'], text: ['联系工作实际的一点体会。'] })
    await json(await server.api(`/api/documents/${entry.id}/shares`, { method: 'PUT', token: writer.token, body: { granteeType: 'user', granteeId: mentor.user.id, level: 'comment' } }))
    // The mentor is told, once (changing the level later does not tell them again).
    await json(await server.api(`/api/documents/${entry.id}/shares`, { method: 'PUT', token: writer.token, body: { granteeType: 'user', granteeId: mentor.user.id, level: 'comment' } }))
    const inbox = await json<{ notifications: { kind: string; documentId: string; actorName: string }[] }>(await server.api('/api/notifications', { token: mentor.token }))
    expect(inbox.notifications.filter((n) => n.kind === 'journal_shared').map((n) => [n.documentId, n.actorName])).toEqual([[entry.id, '陈静']])
    const seen = await json<JournalEntryDto>(await server.api(`/api/journal/entries/${entry.id}`, { token: mentor.token }))
    expect(seen).toMatchObject({ date: '2026-05-05', tags: [], mine: false, characters: countCharacters('联系工作实际的一点体会。').total })
    expect((await json<DocumentDto>(await server.api(`/api/documents/${entry.id}`, { token: mentor.token }))).access).toBe('comment')
    const shared = await json<DocumentListDto>(await server.api('/api/documents?scope=shared', { token: mentor.token }))
    expect(shared.documents.map((d) => d.id)).toContain(entry.id)
    await json(
      await server.api(`/api/documents/${entry.id}/threads`, { method: 'POST', token: mentor.token, body: { anchor: { start: 'AAAA', end: 'AAAA' }, quote: '体会', body: '可以再举一个例子。', mentions: [] } }),
      201,
    )
    // Only the writer files it.
    await json(await server.api(`/api/journal/entries/${entry.id}`, { method: 'PATCH', token: mentor.token, body: { tags: ['改'] } }), 403)
    // The writer's list shows it is shared.
    const { entries } = await json<JournalEntryListDto>(await server.api('/api/journal/entries?from=2026-05-05&to=2026-05-05', { token: writer.token }))
    expect(entries.map((e) => [e.id, e.shareCount])).toEqual([[entry.id, 1]])
  })

  it('lists by date range and tag, newest first; tags and dates can be changed; trashed entries drop out', async () => {
    const person = await server.addUser('list-user')
    const a = await write(person, '2026-06-01', { tags: ['心得', '理论'] })
    const b = await write(person, '2026-06-03', { tags: ['心得'] })
    const c = await write(person, '2026-06-03')
    const list = async (query: string) => (await json<JournalEntryListDto>(await server.api(`/api/journal/entries${query}`, { token: person.token }))).entries.map((e) => e.id)
    expect(await list('')).toEqual([c.id, b.id, a.id])
    expect(await list('?tag=心得')).toEqual([b.id, a.id])
    expect(await list(`?tag=${encodeURIComponent('理论')}`)).toEqual([a.id])
    expect(await list('?from=2026-06-02&to=2026-06-30')).toEqual([c.id, b.id])

    const patched = await json<JournalEntryDto>(await server.api(`/api/journal/entries/${a.id}`, { method: 'PATCH', token: person.token, body: { date: '2026-06-04', tags: [' 实践 ', '实践'] } }))
    expect(patched).toMatchObject({ date: '2026-06-04', tags: ['实践'] })
    expect(await list('')).toEqual([a.id, c.id, b.id])
    expect(await json<{ tags: { tag: string; count: number }[] }>(await server.api('/api/journal/tags', { token: person.token }))).toEqual({ tags: [{ tag: '实践', count: 1 }, { tag: '心得', count: 1 }] })

    await json(await server.api(`/api/documents/${c.id}`, { method: 'DELETE', token: person.token }))
    expect(await list('')).toEqual([a.id, b.id])
    await json(await server.api(`/api/journal/entries/${c.id}`, { token: person.token }), 404)
    // Restored from the trash, it is back.
    await json(await server.api(`/api/documents/${c.id}/restore`, { method: 'POST', token: person.token }))
    expect(await list('')).toEqual([a.id, c.id, b.id])
    // Deleted for good, its date, tags and count go with it.
    await json(await server.api(`/api/documents/${b.id}`, { method: 'DELETE', token: person.token }))
    expect((await server.api(`/api/documents/${b.id}/permanent`, { method: 'DELETE', token: person.token })).status).toBe(204)
    expect(await server.store.journal.get(b.id)).toBeUndefined()
    expect(await list('?tag=心得')).toEqual([])
  })

  it('rejects bad dates, tags, months and bodies with 400', async () => {
    const post = (body: unknown) => server.api('/api/journal/entries', { method: 'POST', token: writer.token, body })
    for (const date of ['2026-02-30', '2026/01/01', '2026-1-1', '', '1999-12-31', '2026-13-01']) await json(await post({ date }), 400)
    await json(await post({}), 400)
    await json(await post({ date: '2026-01-01', tags: ['a,b'] }), 400)
    await json(await post({ date: '2026-01-01', tags: ['  '] }), 400)
    await json(await post({ date: '2026-01-01', tags: ['长'.repeat(21)] }), 400)
    await json(await post({ date: '2026-01-01', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }), 400)
    await json(await post({ date: '2026-01-01', tags: 'oops' }), 400)
    await json(await post({ date: '2026-01-01', extra: 1 }), 400)
    await json(await post({ date: '2026-01-01', title: '' }), 400)
    const entry = await write(writer, '2026-01-01')
    await json(await server.api(`/api/journal/entries/${entry.id}`, { method: 'PATCH', token: writer.token, body: {} }), 400)
    await json(await server.api(`/api/journal/entries/${entry.id}`, { method: 'PATCH', token: writer.token, body: { date: '2026-02-29' } }), 400)
    await json(await server.api(`/api/journal/entries/not%20an%20id`, { token: writer.token }), 404)
    for (const query of ['', '?month=2026-13', '?month=2026-1', '?month=2026-01&today=2026-02-31']) {
      await json(await server.api(`/api/journal/calendar${query}`, { token: writer.token }), 400)
    }
    await json(await server.api('/api/journal/today?date=tomorrow', { token: writer.token }), 400)
    await json(await server.api('/api/journal/entries?from=2026-02-01&to=2026-01-01', { token: writer.token }), 400)
    await json(await server.api('/api/journal/entries?limit=0', { token: writer.token }), 400)
    await json(await server.api('/api/journal/entries'), 200)
    await json(await fetch(`${server.url}/api/journal/entries`), 401)
  })
})

describe('the calendar', () => {
  it('counts entries and 字数 per day, follows edits, and keeps streaks across month boundaries', async () => {
    const person = await server.addUser('streaker')
    await write(person, '2026-01-10', { text: ['一月十日'] })
    await write(person, '2026-01-30', { text: ['第一天的学习体会'] })
    await write(person, '2026-01-31', { text: ['第二天'] })
    const second = await write(person, '2026-01-31', { text: ['同一天的第二篇，English words too.'] })
    await write(person, '2026-02-01', { text: ['第三天'] })
    await write(person, '2026-02-02', { text: ['第四天'] })

    const january = await calendar(person, '2026-01', '2026-02-03')
    const count = (text: string) => countCharacters(text).total
    expect(january.days).toEqual([
      { date: '2026-01-10', entries: 1, characters: count('一月十日') },
      { date: '2026-01-30', entries: 1, characters: count('第一天的学习体会') },
      { date: '2026-01-31', entries: 2, characters: count('第二天') + count('同一天的第二篇，English words too.') },
    ])
    expect(january.monthEntries).toBe(4)
    expect(january.monthCharacters).toBe(january.days.reduce((sum, d) => sum + d.characters, 0))
    // Jan 30 – Feb 2: four days; today (Feb 3) is still open, so the streak counts to yesterday.
    expect([january.currentStreak, january.longestStreak, january.totalDays]).toEqual([4, 4, 5])

    const february = await calendar(person, '2026-02', '2026-02-02')
    expect(february.days.map((d) => d.date)).toEqual(['2026-02-01', '2026-02-02'])
    expect([february.monthEntries, february.currentStreak, february.longestStreak]).toEqual([2, 4, 4])
    // A day missed breaks the current streak but not the record.
    expect(await calendar(person, '2026-02', '2026-02-04')).toMatchObject({ currentStreak: 0, longestStreak: 4 })
    // An empty month.
    expect(await calendar(person, '2026-03', '2026-03-15')).toMatchObject({ days: [], monthEntries: 0, monthCharacters: 0, currentStreak: 0 })

    // Editing an entry updates its cached count.
    await writeBody(server.collabUrl, second.id, person.token, '改短了')
    const edited = await calendar(person, '2026-01', '2026-02-03')
    expect(edited.days.find((d) => d.date === '2026-01-31')!.characters).toBe(count('第二天') + count('改短了'))
  })
})

describe('today', () => {
  it('resurfaces entries from a month and a year ago, clamping 3月31日 to the end of February', async () => {
    const person = await server.addUser('resurface')
    const feb28 = await write(person, '2026-02-28', { text: ['二月最后一天'] })
    await write(person, '2026-02-27')
    const lastYear = await write(person, '2025-03-31')
    const leapDay = await write(person, '2024-02-29')
    const todays = await write(person, '2026-03-31')

    const day = await today(person, '2026-03-31')
    expect(day.entries.map((e) => e.id)).toEqual([todays.id])
    expect(day.resurfaced.map((g) => [g.ago, g.date, g.entries.map((e) => e.id)])).toEqual([
      ['month', '2026-02-28', [feb28.id]],
      ['year', '2025-03-31', [lastYear.id]],
    ])
    expect(day.resurfaced[0]!.entries[0]).toMatchObject({ characters: countCharacters('二月最后一天').total, excerpt: '二月最后一天' })
    // In a leap year a month before 3月31日 is 2月29日.
    expect((await today(person, '2024-03-31')).resurfaced).toMatchObject([{ ago: 'month', date: '2024-02-29', entries: [{ id: leapDay.id }] }])
    // On the last day of a short month, the longer month's extra days come back too: 2月29日 a year before 2月28日.
    expect((await today(person, '2025-02-28')).resurfaced).toMatchObject([{ ago: 'year', date: '2024-02-28', entries: [{ id: leapDay.id }] }])
    expect((await today(person, '2025-02-27')).resurfaced).toEqual([])
    const march = await today(person, '2026-03-28')
    expect(march.resurfaced.map((g) => [g.ago, g.entries.map((e) => e.id)])).toEqual([['month', [feb28.id]]])
    // Nothing from a month or a year ago: no cards.
    expect((await today(person, '2026-03-15')).resurfaced).toEqual([])
  })

  it("rotates daily prompts through the branch's topics deterministically, falling back to the built-in ones", async () => {
    const topics = [
      { title: '学习条例', questions: ['条例中哪一条对你触动最大？', '如何用条例对照自己的工作？'] },
      { title: '联系实际', questions: ['你的岗位上如何落实？'] },
      { title: '对照检视', questions: [] },
    ]
    await json(await server.api(`/api/branches/${branchId}/study-topics?month=2026-04`, { method: 'PUT', token: secretary.token, body: { topics } }))
    const promptsOn = async (date: string) => (await today(writer, date)).prompts.map((p) => [p.topic, p.question, p.index])
    expect(await promptsOn('2026-04-01')).toEqual([['学习条例', '条例中哪一条对你触动最大？', 0]])
    expect(await promptsOn('2026-04-02')).toEqual([['联系实际', '你的岗位上如何落实？', 1]])
    expect(await promptsOn('2026-04-03')).toEqual([['对照检视', null, 2]])
    // The second pass through the list moves on to each topic's next question.
    expect(await promptsOn('2026-04-04')).toEqual([['学习条例', '如何用条例对照自己的工作？', 0]])
    expect(await promptsOn('2026-04-04')).toEqual(await promptsOn('2026-04-04'))
    const prompt = (await today(writer, '2026-04-01')).prompts[0]!
    expect(prompt).toMatchObject({ branchId, branchName: '第一支部', of: 3 })

    // A month without topics, and a user in no branch: the built-in 学习教育月 prompts, still one a day.
    const general = (await today(writer, '2026-07-01')).prompts
    expect(general).toHaveLength(1)
    expect(general[0]).toMatchObject({ branchId: null, branchName: null, index: 0 })
    const loner = await server.addUser('loner')
    const days = await Promise.all(['2026-07-01', '2026-07-02', '2026-07-03'].map(async (d) => (await today(loner, d)).prompts[0]!.topic))
    expect(new Set(days).size).toBe(3)
    expect(days[0]).toBe(general[0]!.topic)
  })
})

describe('study topics', () => {
  const path = () => `/api/branches/${branchId}/study-topics?month=2026-09`
  const topics = [{ title: '学习《条例》', questions: ['第一问'] }, { title: '写作实践' }]

  it('are set by the secretary or an admin, read by members, hidden from everyone else', async () => {
    expect(await json<StudyTopicsDto>(await server.api(path(), { token: writer.token }))).toEqual({ branchId, month: '2026-09', topics: [], canEdit: false, updatedAt: null })
    await json(await server.api(path(), { method: 'PUT', token: writer.token, body: { topics } }), 403)
    await json(await server.api(path(), { method: 'PUT', token: mentor.token, body: { topics } }), 403)
    const outsider = await server.addUser('outsider')
    await json(await server.api(path(), { token: outsider.token }), 404)
    await json(await server.api(path(), { method: 'PUT', token: outsider.token, body: { topics } }), 404)

    const saved = await json<StudyTopicsDto>(await server.api(path(), { method: 'PUT', token: secretary.token, body: { topics } }))
    expect(saved.topics).toEqual([{ title: '学习《条例》', questions: ['第一问'] }, { title: '写作实践', questions: [] }])
    expect(saved.canEdit).toBe(true)
    expect(await json<StudyTopicsDto>(await server.api(path(), { token: mentor.token }))).toMatchObject({ topics: saved.topics, canEdit: false })
    // The admin replaces the list; other months are untouched.
    await json(await server.api(path(), { method: 'PUT', body: { topics: [{ title: '只有一个' }] } }))
    expect((await json<StudyTopicsDto>(await server.api(path(), { token: writer.token }))).topics.map((t) => t.title)).toEqual(['只有一个'])
    expect((await json<StudyTopicsDto>(await server.api(`/api/branches/${branchId}/study-topics?month=2026-04`, { token: writer.token }))).topics).toHaveLength(3)
  })

  it('reject bad months and topic lists with 400', async () => {
    const put = (body: unknown, month = '2026-09') => server.api(`/api/branches/${branchId}/study-topics?month=${month}`, { method: 'PUT', token: secretary.token, body })
    await json(await put({ topics }, '2026-9'), 400)
    await json(await put({ topics }, ''), 400)
    await json(await put({ topics: [{ title: '' }] }), 400)
    await json(await put({ topics: [{ title: '长'.repeat(61) }] }), 400)
    await json(await put({ topics: [{ title: '题', questions: Array.from({ length: 6 }, () => '问') }] }), 400)
    await json(await put({ topics: Array.from({ length: 32 }, (_, i) => ({ title: `专题${i}` })) }), 400)
    await json(await put({}), 400)
    await json(await server.api(`/api/branches/${branchId}/study-topics`, { token: writer.token }), 400)
  })
})
