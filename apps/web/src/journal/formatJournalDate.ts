import { getLocale } from '@dongbi/editor'

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

/** 「11月29日 星期日」 / "Sun, Nov 29" (with the year when it is not `thisYear`). */
export function formatJournalDate(date: string, options: { weekday?: boolean; thisYear?: string } = {}): string {
  const withYear = options.thisYear !== undefined && date.slice(0, 4) !== options.thisYear
  return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-US' : 'zh-CN', {
    timeZone: 'UTC',
    ...(withYear ? { year: 'numeric' } : {}),
    month: getLocale() === 'en' ? 'short' : 'long',
    day: 'numeric',
    ...(options.weekday ? { weekday: getLocale() === 'en' ? 'short' : 'long' } : {}),
  }).format(utc(date))
}

/** 「2026年11月」 / "November 2026". */
export function formatJournalMonth(month: string): string {
  return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-US' : 'zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(utc(`${month}-01`))
}

/** 1,234 / 1,234 in the UI language. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(getLocale() === 'en' ? 'en-US' : 'zh-CN').format(n)
}

/** 「11月」 / "Nov" of a date; 「2025年11月」 / "Nov 2025" when not in `thisYear`. */
export function formatShortMonth(date: string, options: { thisYear?: string } = {}): string {
  const withYear = options.thisYear !== undefined && date.slice(0, 4) !== options.thisYear
  return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-US' : 'zh-CN', { timeZone: 'UTC', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(utc(date))
}

/** 「周日」 / "Sun". */
export function formatWeekday(date: string): string {
  return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-US' : 'zh-CN', { timeZone: 'UTC', weekday: 'short' }).format(utc(date))
}
