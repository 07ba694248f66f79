import { describe, expect, it } from 'vitest'
import { allocateReviewers } from './allocateReviewers.ts'

const mentors = ['m1', 'm2', 'm3']
const addressed = ['a', 'b', 'c', 'd', 'e']

describe('allocateReviewers', () => {
  it('gives the fixed mentor, but never the author themself', () => {
    expect(allocateReviewers({ allocation: { type: 'mentor', mentorId: 'm2' }, authorId: 'a', turn: 7, mentors, addressed })).toEqual(['m2'])
    expect(allocateReviewers({ allocation: { type: 'mentor', mentorId: 'm2' }, authorId: 'm2', turn: 0, mentors, addressed })).toEqual([])
  })

  it('takes the mentors in turn', () => {
    const turns = [0, 1, 2, 3, 4].map((turn) => allocateReviewers({ allocation: { type: 'round-robin' }, authorId: 'a', turn, mentors, addressed })[0])
    expect(turns).toEqual(['m1', 'm2', 'm3', 'm1', 'm2'])
  })

  it('gives N peers after the author, wrapping round, never the author, each reviewing N', () => {
    for (const count of [1, 2, 3, 4]) {
      const reviews = new Map<string, number>()
      for (const author of addressed) {
        const peers = allocateReviewers({ allocation: { type: 'peer', count, anonymous: false }, authorId: author, turn: 0, mentors, addressed })
        expect(peers).toHaveLength(count)
        expect(peers).not.toContain(author)
        expect(new Set(peers).size).toBe(count)
        for (const peer of peers) reviews.set(peer, (reviews.get(peer) ?? 0) + 1)
      }
      expect([...reviews.values()]).toEqual(addressed.map(() => count))
    }
    expect(allocateReviewers({ allocation: { type: 'peer', count: 2, anonymous: true }, authorId: 'e', turn: 0, mentors, addressed })).toEqual(['a', 'b'])
  })

  it('gives everyone else when there are fewer than N others', () => {
    expect(allocateReviewers({ allocation: { type: 'peer', count: 5, anonymous: false }, authorId: 'b', turn: 0, mentors, addressed: ['a', 'b', 'c'] })).toEqual(['c', 'a'])
  })
})
