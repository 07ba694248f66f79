import {
  createJournalEntryBody,
  journalCalendarQuery,
  journalTodayQuery,
  listJournalEntriesQuery,
  resurfaceDates,
  updateJournalEntryBody,
  type JournalCalendarDto,
  type JournalMentorsDto,
  type JournalTodayDto,
  type ResurfacedDto,
} from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { startDocument } from '../../documents/startDocument.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson, parseQuery } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { computeStreaks } from '../../journal/computeStreaks.ts'
import { dailyPrompts } from '../../journal/dailyPrompts.ts'
import { refreshCharacters } from '../../journal/refreshCharacters.ts'
import { journalAccess } from '../../policies/journalAccess.ts'
import { presentJournalEntry } from '../../presenters/presentJournalEntry.ts'
import type { JournalEntryView } from '../../store/JournalStore.ts'

/** The server's UTC date, when the client did not say what its today is. */
function utcToday(): string {
  return new Date().toISOString().slice(0, 10)
}

/** 「11月29日学习日志」 */
function defaultTitle(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日学习日志`
}

/** The entry named by `:id` with the caller's access to it; 404 when they may not read it (or it is not an entry). */
async function findEntry(c: Context, needed: 'read' | 'write'): Promise<JournalEntryView> {
  const { user } = requireUser(c)
  const { store } = c.var.services
  const id = c.req.param('id') ?? ''
  const entry = /^[A-Za-z0-9_-]{8,64}$/.test(id) ? await store.journal.get(id) : undefined
  const access = entry && !entry.deletedAt ? await journalAccess(store, user, entry) : null
  if (!entry || !access) throw new ApiError('not_found', '没有这篇日志 (no such journal entry)')
  if (needed === 'write' && access !== 'write') throw new ApiError('forbidden', '只有作者可以修改日志的日期和标签 (the writer only)')
  return entry
}

/** `/api/journal`: the signed-in user's own reflection journal. */
export const journal = new Hono()
  .post('/entries', async (c) => {
    const { user } = requireUser(c)
    const body = await parseJson(c, createJournalEntryBody)
    const services = c.var.services
    const record = await startDocument(services, { user, title: body.title ?? defaultTitle(body.date), kind: 'journal' })
    // A new body is empty: 0 characters as of update seq 0.
    await services.store.journal.insert(
      { document_id: record.id, user_id: user.id, entry_date: body.date, prompt: body.prompt ?? null, characters: 0, excerpt: '', characters_seq: 0, created_at: record.createdAt },
      body.tags,
    )
    const entry = (await services.store.journal.get(record.id))!
    return c.json(presentJournalEntry(entry, user.id), 201)
  })
  .get('/entries', async (c) => {
    const { user } = requireUser(c)
    const { from, to, tag, limit } = parseQuery(c, listJournalEntriesQuery)
    const rows = await c.var.services.store.journal.list(user.id, { from, to, tag, limit })
    const entries = await refreshCharacters(c.var.services, rows)
    return c.json({ entries: entries.map((e) => presentJournalEntry(e, user.id)) })
  })
  .get('/entries/:id', async (c) => {
    const { user } = requireUser(c)
    const [entry] = await refreshCharacters(c.var.services, [await findEntry(c, 'read')])
    return c.json(presentJournalEntry(entry!, user.id))
  })
  .patch('/entries/:id', async (c) => {
    const { user } = requireUser(c)
    const entry = await findEntry(c, 'write')
    const changes = await parseJson(c, updateJournalEntryBody)
    const { store } = c.var.services
    await store.journal.update(entry.documentId, changes)
    const [updated] = await refreshCharacters(c.var.services, [(await store.journal.get(entry.documentId))!])
    return c.json(presentJournalEntry(updated!, user.id))
  })
  .get('/calendar', async (c) => {
    const { user } = requireUser(c)
    const { month, today = utcToday() } = parseQuery(c, journalCalendarQuery)
    const { store } = c.var.services
    const rows = await store.journal.list(user.id, { from: `${month}-01`, to: `${month}-31` })
    const entries = await refreshCharacters(c.var.services, rows)
    const days = new Map<string, { date: string; entries: number; characters: number }>()
    for (const entry of entries) {
      const day = days.get(entry.date) ?? { date: entry.date, entries: 0, characters: 0 }
      day.entries++
      day.characters += entry.characters
      days.set(entry.date, day)
    }
    const dates = await store.journal.dates(user.id)
    const streaks = computeStreaks(dates, today)
    const body: JournalCalendarDto = {
      month,
      today,
      days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
      monthEntries: entries.length,
      monthCharacters: entries.reduce((sum, e) => sum + e.characters, 0),
      currentStreak: streaks.current,
      longestStreak: streaks.longest,
      totalDays: dates.length,
    }
    return c.json(body)
  })
  .get('/today', async (c) => {
    const { user } = requireUser(c)
    const { date } = parseQuery(c, journalTodayQuery)
    const { store } = c.var.services
    const month = date.slice(0, 7)
    const memberships = await store.users.memberships(user.id)
    const branches = await Promise.all(
      memberships.map(async (m) => ({
        branchId: m.branchId,
        branchName: m.branchName,
        topics: (await store.journal.topics(m.branchId, month)).topics,
      })),
    )
    const monthAgo = resurfaceDates(date, 1)
    const yearAgo = resurfaceDates(date, 12)
    const rows = await refreshCharacters(c.var.services, await store.journal.list(user.id, { dates: [date, ...monthAgo, ...yearAgo] }))
    // `rows` come newest first; a resurfaced group reads in calendar order (1月28日 before 1月31日).
    const on = (dates: string[]) => rows.filter((e) => dates.includes(e.date)).map((e) => presentJournalEntry(e, user.id))
    const resurfaced: ResurfacedDto[] = [
      { ago: 'month' as const, date: monthAgo[0]!, entries: on(monthAgo).reverse() },
      { ago: 'year' as const, date: yearAgo[0]!, entries: on(yearAgo).reverse() },
    ].filter((group) => group.entries.length > 0)
    const body: JournalTodayDto = { date, prompts: dailyPrompts(branches, date), entries: on([date]), resurfaced }
    return c.json(body)
  })
  .get('/tags', async (c) => {
    const { user } = requireUser(c)
    return c.json({ tags: await c.var.services.store.journal.tagCounts(user.id) })
  })
  .get('/mentors', async (c) => {
    const { user } = requireUser(c)
    const { store } = c.var.services
    const mentors = new Map<string, JournalMentorsDto['mentors'][number]>()
    for (const membership of await store.users.memberships(user.id)) {
      for (const member of await store.branches.members(membership.branchId)) {
        if (member.role !== 'mentor' || member.disabled || member.userId === user.id || mentors.has(member.userId)) continue
        mentors.set(member.userId, { id: member.userId, displayName: member.displayName, username: member.username, branchName: membership.branchName })
      }
    }
    return c.json({ mentors: [...mentors.values()] } satisfies JournalMentorsDto)
  })
