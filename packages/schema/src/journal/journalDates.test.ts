import { describe, expect, it } from 'vitest'
import { addDays, addMonths, datesOfMonth, isCalendarDate, resurfaceDates, shiftMonths, weekdayOf } from './journalDates.ts'

describe('journal dates', () => {
  it('knows real calendar dates', () => {
    expect(['2024-02-29', '2026-12-31', '2026-01-01'].map(isCalendarDate)).toEqual([true, true, true])
    expect(['2023-02-29', '2026-04-31', '2026-00-10', '2026-1-1', '20260101', ''].map(isCalendarDate)).toEqual([false, false, false, false, false, false])
  })

  it('adds days across months and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('shifts months, clamping to the end of a shorter month', () => {
    expect(shiftMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(shiftMonths('2024-03-31', -1)).toBe('2024-02-29')
    expect(shiftMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(shiftMonths('2024-02-29', -12)).toBe('2023-02-28')
    expect(shiftMonths('2026-05-31', -1)).toBe('2026-04-30')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-12', 1)).toBe('2027-01')
  })

  it('resurfaces every earlier day at least once', () => {
    expect(resurfaceDates('2026-03-31', 1)).toEqual(['2026-02-28'])
    expect(resurfaceDates('2026-03-15', 1)).toEqual(['2026-02-15'])
    expect(resurfaceDates('2026-02-28', 1)).toEqual(['2026-01-28', '2026-01-29', '2026-01-30', '2026-01-31'])
    expect(resurfaceDates('2026-04-30', 1)).toEqual(['2026-03-30', '2026-03-31'])
    expect(resurfaceDates('2025-02-28', 12)).toEqual(['2024-02-28', '2024-02-29'])
    expect(resurfaceDates('2024-02-29', 12)).toEqual(['2023-02-28'])
    // Each day of the previous month comes back on some day (2月28日 on 3月28日–31日).
    const shown = datesOfMonth('2026-03').flatMap((d) => resurfaceDates(d, 1))
    expect([...new Set(shown)]).toEqual(datesOfMonth('2026-02'))
    const shownJan = datesOfMonth('2026-02').flatMap((d) => resurfaceDates(d, 1))
    expect(shownJan).toEqual(datesOfMonth('2026-01'))
  })

  it('lists a month and knows weekdays', () => {
    expect(datesOfMonth('2024-02')).toHaveLength(29)
    expect(datesOfMonth('2026-02').at(-1)).toBe('2026-02-28')
    expect(weekdayOf('2026-11-29')).toBe(0)
  })
})
