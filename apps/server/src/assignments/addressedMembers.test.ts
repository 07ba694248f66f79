import type { MemberDto } from '@dongbi/schema'
import { describe, expect, it } from 'vitest'
import { audienceFilter } from './addressedMembers.ts'

const member = (userId: string, role: MemberDto['role'], birthYear: number | null, disabled = false): MemberDto => ({ userId, username: userId, displayName: userId, role, birthYear, disabled })
const people = [
  member('young', 'member', 1990),
  member('edge', 'member', 1981),
  member('older', 'member', 1980),
  member('unknown', 'member', null),
  member('gone', 'member', 1995, true),
  member('mentor', 'mentor', 1990),
]
const now = new Date('2026-06-01T00:00:00Z')
const ids = (list: MemberDto[]) => list.map((m) => m.userId)

describe('audienceFilter', () => {
  it('takes the whole branch as its active members, not mentors', () => {
    expect(ids(audienceFilter({ type: 'branch' }, people, now))).toEqual(['young', 'edge', 'older', 'unknown'])
  })

  it('takes members aged 45 and under this year, leaving out those without a birth year', () => {
    expect(ids(audienceFilter({ type: 'age', maxAge: 45 }, people, now))).toEqual(['young', 'edge'])
    expect(ids(audienceFilter({ type: 'age', minAge: 46 }, people, now))).toEqual(['older'])
    expect(ids(audienceFilter({ type: 'age', minAge: 36, maxAge: 45 }, people, now))).toEqual(['young', 'edge'])
    expect(ids(audienceFilter({ type: 'age', minAge: 37, maxAge: 45 }, people, now))).toEqual(['edge'])
  })

  it('takes chosen people of any role, but not disabled ones', () => {
    expect(ids(audienceFilter({ type: 'members', userIds: ['mentor', 'gone', 'older'] }, people, now))).toEqual(['older', 'mentor'])
  })
})
