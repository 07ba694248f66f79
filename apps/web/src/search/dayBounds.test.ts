import { searchQuery } from '@dongbi/schema'
import { describe, expect, it } from 'vitest'
import { dayBound } from './dayBounds.ts'

describe('dayBound', () => {
  it('gives the first and last instant of the local day, with the local offset', () => {
    const start = dayBound('2026-11-29', 'start')!
    const end = dayBound('2026-11-29', 'end')!
    expect(new Date(start).getTime()).toBe(new Date(2026, 10, 29, 0, 0, 0, 0).getTime())
    expect(new Date(end).getTime()).toBe(new Date(2026, 10, 29, 23, 59, 59, 999).getTime())
    expect(start).toMatch(/^2026-11-29T00:00:00\.000[+-]\d{2}:\d{2}$/)
    // The API accepts what the page sends.
    expect(searchQuery.parse({ q: 'x', from: start, to: end })).toMatchObject({ from: start, to: end })
  })

  it('ignores anything but a date input value', () => {
    expect(dayBound('', 'start')).toBeUndefined()
    expect(dayBound('29/11/2026', 'end')).toBeUndefined()
  })
})
