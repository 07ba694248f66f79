import type { ReviewAction, ReviewState } from '@dongbi/schema'

/** The review loop as a table: from each state, the actions allowed and where they lead. */
export const reviewTransitions: Readonly<Record<ReviewState, Readonly<Partial<Record<ReviewAction, ReviewState>>>>> = {
  draft: { submit: 'submitted' },
  // Withdrawing lets the author fix a wrong choice of reviewer before anyone has acted.
  submitted: { withdraw: 'draft', return: 'returned', approve: 'approved' },
  // Submitting again after a return is the resubmission.
  returned: { submit: 'submitted' },
  approved: {},
}

/** Who takes each action: the document's author submits and withdraws, the chosen reviewer returns and approves. */
export const reviewActionTakenBy: Readonly<Record<ReviewAction, 'author' | 'reviewer'>> = {
  submit: 'author',
  withdraw: 'author',
  return: 'reviewer',
  approve: 'reviewer',
}

/** The caller, relative to the document (owner-level access) and its current reviewer. */
export interface ReviewActor {
  isAuthor: boolean
  isReviewer: boolean
}

export type ReviewDecision = { ok: true; to: ReviewState } | { ok: false; reason: 'forbidden' | 'illegal'; message: string }

const stateNames: Record<ReviewState, string> = { draft: '草稿', submitted: '已提交', returned: '已退回', approved: '已通过' }
const actionNames: Record<ReviewAction, string> = { submit: '提交', withdraw: '撤回', return: '退回', approve: '通过' }

/**
 * Whether `actor` may take `action` on a review in `state`, and where it leads. Who may act
 * is decided first (a 403 does not depend on the state); then whether the state allows it
 * (409, naming both).
 */
export function decideReview(state: ReviewState, action: ReviewAction, actor: ReviewActor): ReviewDecision {
  const by = reviewActionTakenBy[action]
  if (by === 'author' && !actor.isAuthor) {
    return { ok: false, reason: 'forbidden', message: `只有文档作者可以${actionNames[action]} (only the author may ${action})` }
  }
  if (by === 'reviewer' && !actor.isReviewer) {
    return { ok: false, reason: 'forbidden', message: `只有指定的审阅人可以${actionNames[action]} (only the chosen reviewer may ${action})` }
  }
  const to = reviewTransitions[state][action]
  if (!to) {
    return { ok: false, reason: 'illegal', message: `${stateNames[state]}状态下不能${actionNames[action]} (cannot ${action} a review that is ${state})` }
  }
  return { ok: true, to }
}
