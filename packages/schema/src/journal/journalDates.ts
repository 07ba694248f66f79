/**
 * Calendar arithmetic on the user's local dates (`YYYY-MM-DD`) and months (`YYYY-MM`). A journal
 * date is a label the writer chose, not an instant, so it is computed as a UTC date: no time
 * zone can shift it by a day.
 */

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(date: string): [number, number, number] {
  const match = datePattern.exec(date)
  if (!match) throw new RangeError(`not a date: ${date}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** True for a real calendar date such as 2024-02-29 (and false for 2023-02-29). */
export function isCalendarDate(date: string): boolean {
  const match = datePattern.exec(date)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date)
  const shifted = new Date(Date.UTC(year, month - 1, day + days))
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate())
}

/**
 * The same day of the month `months` earlier (or later), clamped to the end of a shorter month:
 * one month before 3月31日 is 2月28日 (or 29日 in a leap year); a year before 2月29日 is 2月28日.
 */
export function shiftMonths(date: string, months: number): string {
  const [year, month, day] = parts(date)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** The month `months` after a `YYYY-MM` month (negative: before). */
export function addMonths(month: string, months: number): string {
  return shiftMonths(`${month}-01`, months).slice(0, 7)
}

/** Every date of a `YYYY-MM` month, in order. */
export function datesOfMonth(month: string): string[] {
  const [year, m] = parts(`${month}-01`)
  return Array.from({ length: daysInMonth(year, m) }, (_, i) => format(year, m, i + 1))
}

/** Day of the week of a date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  const [year, month, day] = parts(date)
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}

/** A local date of an instant in the runtime's time zone (the browser's: the user's). */
export function localDate(at: Date = new Date()): string {
  return format(at.getFullYear(), at.getMonth() + 1, at.getDate())
}

/**
 * The earlier dates that 「一个月前的今天」 (months = 1) or 「一年前的今天」 (months = 12) show on
 * `date`: the same day of the month, clamped to a shorter month (3月31日 → 2月28日); and on the
 * last day of a month, also the days a longer month had beyond it (2月28日 → 1月28日–31日;
 * 2025-02-28 → 2024-02-28 and 29日), so no earlier day is skipped.
 */
export function resurfaceDates(date: string, months: number): string[] {
  const first = shiftMonths(date, -months)
  const [year, month, day] = parts(date)
  if (day !== daysInMonth(year, month)) return [first]
  const [ty, tm, td] = parts(first)
  return Array.from({ length: daysInMonth(ty, tm) - td + 1 }, (_, i) => format(ty, tm, td + i))
}
