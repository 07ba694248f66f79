import { getLocale } from '@dongbi/editor'
import type { Allocation, Audience } from '@dongbi/schema'
import { tr } from '../messages.ts'

/** "11月30日 周一 18:00" (or the English equivalent) for a deadline. */
export function formatDeadline(iso: string): string {
  return new Date(iso).toLocaleString(getLocale(), { month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' })
}

/** Time left until the deadline (还剩 2 天 3 小时), or how long ago it passed (已逾期 5 小时). */
export function countdown(deadline: string, now = Date.now()): { overdue: boolean; text: string } {
  const ms = new Date(deadline).getTime() - now
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000))
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  const span = d > 0 ? tr('asg.days', { d, h }) : h > 0 ? tr('asg.hours', { h, m }) : tr('asg.minutes', { m })
  return ms < 0 ? { overdue: true, text: tr('asg.overdue', { time: span }) } : { overdue: false, text: tr('asg.left', { time: span }) }
}

export function lengthText({ min, max }: { min: number | null; max: number | null }): string {
  if (min !== null && max !== null) return tr('asg.lengthBoth', { min, max })
  if (min !== null) return tr('asg.lengthMin', { min })
  if (max !== null) return tr('asg.lengthMax', { max })
  return tr('asg.lengthAny')
}

export function audienceText(audience: Audience): string {
  if (audience.type === 'branch') return tr('asg.audience.branch')
  if (audience.type === 'members') return tr('asg.audience.members', { n: audience.userIds.length })
  const { minAge, maxAge } = audience
  const range =
    minAge !== undefined && maxAge !== undefined
      ? tr('asg.ageRange.both', { min: minAge, max: maxAge })
      : maxAge !== undefined
        ? tr('asg.ageRange.max', { max: maxAge })
        : tr('asg.ageRange.min', { min: minAge ?? 0 })
  return tr('asg.audience.age', { range })
}

export function allocationText(allocation: Allocation): string {
  if (allocation.type === 'peer') return `${tr('asg.alloc.peer', { n: allocation.count })}${allocation.anonymous ? ` · ${tr('asg.alloc.anonymous')}` : ''}`
  return tr(`asg.alloc.${allocation.type}`)
}
