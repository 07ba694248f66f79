import { reviewAction, reviewState, type ReviewAction, type ReviewState } from '@dongbi/schema'
import { describe, expect, it } from 'vitest'
import { decideReview, reviewTransitions } from './reviewTransitions.ts'

const author = { isAuthor: true, isReviewer: false }
const reviewer = { isAuthor: false, isReviewer: true }
const nobody = { isAuthor: false, isReviewer: false }
const both = { isAuthor: true, isReviewer: true }

/** Every legal move, written out by hand: the table must equal exactly this. */
const legal: [ReviewState, ReviewAction, ReviewState, 'author' | 'reviewer'][] = [
  ['draft', 'submit', 'submitted', 'author'],
  ['submitted', 'withdraw', 'draft', 'author'],
  ['submitted', 'return', 'returned', 'reviewer'],
  ['submitted', 'approve', 'approved', 'reviewer'],
  ['returned', 'submit', 'submitted', 'author'],
]

describe('the review state machine', () => {
  it('allows exactly the legal transitions, each to the right actor', () => {
    for (const [from, action, to, by] of legal) {
      expect(decideReview(from, action, by === 'author' ? author : reviewer), `${from} --${action}-->`).toEqual({ ok: true, to })
      expect(decideReview(from, action, both)).toEqual({ ok: true, to })
    }
  })

  it('refuses every other state × action as illegal (409), even for an actor who may take the action', () => {
    let illegal = 0
    for (const state of reviewState.options) {
      for (const action of reviewAction.options) {
        if (legal.some(([from, a]) => from === state && a === action)) continue
        illegal++
        const decision = decideReview(state, action, both)
        expect(decision, `${state} × ${action}`).toMatchObject({ ok: false, reason: 'illegal' })
        if (!decision.ok) expect(decision.message).toContain(state)
      }
    }
    // 4 states × 4 actions, 5 legal.
    expect(illegal).toBe(11)
  })

  it('refuses the wrong actor (403) in every state, before looking at the state', () => {
    for (const state of reviewState.options) {
      for (const action of reviewAction.options) {
        const wrong = action === 'submit' || action === 'withdraw' ? reviewer : author
        expect(decideReview(state, action, wrong), `${state} × ${action} by the wrong side`).toMatchObject({ ok: false, reason: 'forbidden' })
        expect(decideReview(state, action, nobody)).toMatchObject({ ok: false, reason: 'forbidden' })
      }
    }
  })

  it('has approved as its only final state, and every state reachable from draft', () => {
    const reachable = new Set<ReviewState>(['draft'])
    for (let changed = true; changed; ) {
      changed = false
      for (const state of [...reachable]) {
        for (const to of Object.values(reviewTransitions[state])) {
          if (!reachable.has(to)) reachable.add(to), (changed = true)
        }
      }
    }
    expect([...reachable].sort()).toEqual([...reviewState.options].sort())
    expect(reviewState.options.filter((s) => Object.keys(reviewTransitions[s]).length === 0)).toEqual(['approved'])
  })
})
