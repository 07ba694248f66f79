import { addDays } from '@dongbi/schema'

export interface Streaks {
  /** Consecutive days with an entry ending today, or yesterday while today has none yet. */
  current: number
  /** The longest run of consecutive days ever. */
  longest: number
}

/**
 * Streaks over the days a user wrote on (`dates`: distinct `YYYY-MM-DD`, ascending), in their
 * own calendar: `today` is their local date. Entries dated after today count for the longest
 * run but not the current one.
 */
export function computeStreaks(dates: string[], today: string): Streaks {
  let longest = 0
  let run = 0
  let previous: string | undefined
  for (const date of dates) {
    run = previous !== undefined && addDays(previous, 1) === date ? run + 1 : 1
    longest = Math.max(longest, run)
    previous = date
  }
  const written = new Set(dates)
  let day = written.has(today) ? today : addDays(today, -1)
  let current = 0
  while (written.has(day)) {
    current++
    day = addDays(day, -1)
  }
  return { current, longest }
}
