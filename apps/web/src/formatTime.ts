import { getLocale, t } from '@dongbi/editor'

/** "3 分钟前" for recent times, a calendar date after a week. */
export function formatTime(iso: string, now = Date.now()): string {
  const then = new Date(iso).getTime()
  const minutes = Math.floor((now - then) / 60_000)
  if (minutes < 1) return t('time.justNow')
  if (minutes < 60) return t('time.minutes', { n: minutes })
  if (minutes < 24 * 60) return t('time.hours', { n: Math.floor(minutes / 60) })
  if (minutes < 7 * 24 * 60) return t('time.days', { n: Math.floor(minutes / (24 * 60)) })
  return new Date(iso).toLocaleDateString(getLocale(), { year: 'numeric', month: 'long', day: 'numeric' })
}
