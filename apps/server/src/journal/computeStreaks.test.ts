import { describe, expect, it } from 'vitest'
import { computeStreaks } from './computeStreaks.ts'

describe('computeStreaks', () => {
  it('counts the current streak up to today, or yesterday while today is open', () => {
    const dates = ['2026-01-30', '2026-01-31', '2026-02-01']
    expect(computeStreaks(dates, '2026-02-01')).toEqual({ current: 3, longest: 3 })
    expect(computeStreaks(dates, '2026-02-02')).toEqual({ current: 3, longest: 3 })
    expect(computeStreaks(dates, '2026-02-03')).toEqual({ current: 0, longest: 3 })
  })

  it('keeps the longest run apart from the current one, across years and leap days', () => {
    const dates = ['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02', '2024-02-28', '2024-02-29', '2024-03-01']
    expect(computeStreaks(dates, '2024-03-01')).toEqual({ current: 3, longest: 4 })
    expect(computeStreaks([], '2024-03-01')).toEqual({ current: 0, longest: 0 })
    // Future-dated entries count for the record, not for today's streak.
    expect(computeStreaks(['2024-03-05', '2024-03-06'], '2024-03-01')).toEqual({ current: 0, longest: 2 })
  })
})
