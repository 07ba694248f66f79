import type { Audience, MemberDto } from '@dongbi/schema'
import type { Store } from '../store/Store.ts'
import type { Assignment } from './parseAssignment.ts'

/** Age this year from a birth year (year granularity, as a roster records it). */
export function ageIn(year: number, birthYear: number): number {
  return year - birthYear
}

/**
 * Who an audience addresses among a branch's people, in username order. The whole branch and
 * the age ranges mean those with the role `member` (mentors and the secretary set and review
 * rather than write); chosen people may be anyone in the branch. Disabled accounts are left out.
 */
export function audienceFilter(audience: Audience, members: MemberDto[], now = new Date()): MemberDto[] {
  const active = members.filter((m) => !m.disabled)
  if (audience.type === 'members') {
    const chosen = new Set(audience.userIds)
    return active.filter((m) => chosen.has(m.userId))
  }
  const writers = active.filter((m) => m.role === 'member')
  if (audience.type === 'branch') return writers
  const year = now.getUTCFullYear()
  return writers.filter((m) => {
    if (m.birthYear === null || m.birthYear === undefined) return false
    const age = ageIn(year, m.birthYear)
    return (audience.minAge === undefined || age >= audience.minAge) && (audience.maxAge === undefined || age <= audience.maxAge)
  })
}

/** The people an assignment of `branchId` addresses now. */
export async function addressedMembers(store: Store, branchId: string, audience: Audience): Promise<MemberDto[]> {
  return audienceFilter(audience, await store.branches.members(branchId))
}

/** Whether an assignment's audience takes in this user now. */
export async function isAddressed(store: Store, assignment: Assignment, userId: string): Promise<boolean> {
  const members = await addressedMembers(store, assignment.row.branch_id, assignment.audience)
  return members.some((m) => m.userId === userId)
}
