import type { Allocation } from '@dongbi/schema'

export interface AllocationInput {
  allocation: Allocation
  authorId: string
  /** Members who started before this one: the round-robin turn. */
  turn: number
  /** The branch's mentors, in a stable order (username). */
  mentors: string[]
  /** Everyone the assignment addresses, in a stable order (username). */
  addressed: string[]
}

/**
 * The reviewers of one member's work, decided when they start so the dashboard can show them
 * and nobody's reviewer changes later:
 * - a fixed mentor;
 * - round-robin: the branch's mentors in turn, in the order members start;
 * - peer review: the next `count` people after the author in the addressed list, wrapping
 *   round — so everyone reviews as many as review them, and never themselves.
 */
export function allocateReviewers({ allocation, authorId, turn, mentors, addressed }: AllocationInput): string[] {
  if (allocation.type === 'mentor') return allocation.mentorId === authorId ? [] : [allocation.mentorId]
  if (allocation.type === 'round-robin') {
    const others = mentors.filter((id) => id !== authorId)
    return others.length ? [others[turn % others.length]!] : []
  }
  const at = addressed.indexOf(authorId)
  const ring = at < 0 ? addressed : [...addressed.slice(at + 1), ...addressed.slice(0, at)]
  return ring.filter((id) => id !== authorId).slice(0, allocation.count)
}
