import { addDays, countCharacters, replaceBody, type JournalCalendarDto, type JournalEntryDto, type JournalEntryListDto } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraphs, startTestServer, type TestServer } from '../../testing/index.ts'

let server: TestServer
let token: string
const first = '2025-01-01'
const days = 365
const texts: string[] = []

/** A year of daily entries, each with its own body, written through the server like any edit. */
beforeAll(async () => {
  server = await startTestServer()
  ;({ token } = await server.addUser('yearlong'))
  for (let i = 0; i < days; i++) {
    const response = await server.api('/api/journal/entries', { method: 'POST', token, body: { date: addDays(first, i), tags: i % 7 === 0 ? ['周记'] : [] } })
    const entry = (await response.json()) as JournalEntryDto
    const text = `第${i + 1}天：今天学习了一段《条例》，写下几句体会。`.repeat(1 + (i % 5))
    texts.push(text)
    await server.collab.changeDocument(entry.id, (doc) => replaceBody(doc, paragraphs(text)))
  }
}, 120_000)
afterAll(async () => {
  await server?.close()
})

async function timed<T>(path: string): Promise<{ body: T; ms: number }> {
  const start = performance.now()
  const response = await server.api(path, { token })
  const body = (await response.json()) as T
  expect(response.status).toBe(200)
  return { body, ms: performance.now() - start }
}

describe('a year of journal entries', () => {
  it('computes streaks and 字数 correctly, and reads stay fast once the counts are cached', async () => {
    const cold = await timed<JournalEntryListDto>('/api/journal/entries?limit=1000')
    expect(cold.body.entries).toHaveLength(days)
    const total = texts.reduce((sum, text) => sum + countCharacters(text).total, 0)
    expect(cold.body.entries.reduce((sum, e) => sum + e.characters, 0)).toBe(total)

    await timed('/api/journal/calendar?month=2025-11&today=2025-12-31')
    const warm = await timed<JournalEntryListDto>('/api/journal/entries?limit=1000')
    const calendar = await timed<JournalCalendarDto>(`/api/journal/calendar?month=2025-12&today=2025-12-31`)
    expect(calendar.body).toMatchObject({ currentStreak: days, longestStreak: days, totalDays: days, monthEntries: 31 })
    const today = await timed('/api/journal/today?date=2025-12-31')
    const tagged = await timed<JournalEntryListDto>(`/api/journal/entries?tag=${encodeURIComponent('周记')}`)
    expect(tagged.body.entries).toHaveLength(Math.ceil(days / 7))
    console.log(
      `[journal, ${days} entries] list cold (counts every body) ${cold.ms.toFixed(0)} ms; list warm ${warm.ms.toFixed(0)} ms; ` +
        `calendar ${calendar.ms.toFixed(0)} ms; today ${today.ms.toFixed(0)} ms; by tag ${tagged.ms.toFixed(0)} ms`,
    )
  })
})
