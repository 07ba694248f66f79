import { approveReviewBody, returnReviewBody, submitReviewBody, type NotificationKind, type ReviewAction } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { notify } from '../../notifications/notify.ts'
import { presentReview } from '../../presenters/presentReview.ts'
import { authorBlocks, submissionCheck } from '../../checker/checkStoredDocument.ts'
import { grantReviewerAccess } from '../../review/grantReviewerAccess.ts'
import { decideReview } from '../../review/reviewTransitions.ts'
import type { ReviewChange, ReviewRow } from '../../store/ReviewStore.ts'
import { snapshotBody } from '../../versions/snapshotBody.ts'
import { assertLive, findDocument, type FoundDocument } from './findDocument.ts'

interface Step extends FoundDocument {
  current: ReviewRow | undefined
  from: ReviewRow['state']
  to: ReviewRow['state']
}

/**
 * Checks the caller may take `action` now: 404 unreadable, 409 in the trash, 403 not their
 * part (the author submits and withdraws, the chosen reviewer returns and approves), 409 an
 * illegal transition. Runs before the body is read, as every route does its policy first.
 */
async function decide(c: Context, action: ReviewAction): Promise<Step> {
  const found = await findDocument(c, 'view')
  assertLive(found.record)
  const { user } = requireUser(c)
  const current = await c.var.services.store.reviews.get(found.record.id)
  const from = current?.state ?? 'draft'
  const decision = decideReview(from, action, { isAuthor: found.access === 'owner', isReviewer: current?.reviewer_id === user.id })
  if (!decision.ok) throw new ApiError(decision.reason === 'forbidden' ? 'forbidden' : 'conflict', decision.message)
  return { ...found, current, from, to: decision.to }
}

interface Tell {
  userId: string | null
  kind: NotificationKind
  data: Record<string, unknown>
}

/**
 * Records the transition (compare-and-set: a concurrent one makes this a 409), then runs
 * `afterwards` and notifies, so a refused attempt leaves nothing behind. Answers the review.
 */
async function commit(c: Context, change: ReviewChange, tell: Tell, afterwards?: () => Promise<void>) {
  const { store } = c.var.services
  const result = await store.reviews.transition(change)
  if (!result) throw new ApiError('conflict', '审阅状态刚刚被别人改变了，请刷新 (the review changed meanwhile)')
  await afterwards?.()
  if (tell.userId) {
    await notify(c.var.services, { userId: tell.userId, kind: tell.kind, documentId: change.documentId, actorId: change.actorId, data: { ...tell.data, versionId: result.version?.id ?? null } })
  }
  return c.json(await presentReview(store, change.documentId))
}

/** `/api/documents/:id/review`: the review loop, draft → submitted → returned → resubmitted → approved. */
export const review = new Hono()
  .get('/:id/review', async (c) => {
    const { record } = await findDocument(c, 'view')
    return c.json(await presentReview(c.var.services.store, record.id))
  })
  .post('/:id/review/submit', async (c) => {
    const { record, from, to } = await decide(c, 'submit')
    const { reviewerId, comment } = await parseJson(c, submitReviewBody)
    const { user } = requireUser(c)
    const { store, collab } = c.var.services
    const reviewer = await store.users.byId(reviewerId)
    if (!reviewer || reviewer.disabled_at) throw new ApiError('invalid_request', '没有这个审阅人 (no such reviewer)')
    if (reviewer.id === user.id) throw new ApiError('invalid_request', '不能提交给自己审阅 (choose someone else to review)')
    // Each submission freezes what the reviewer is asked to read; a 公文 is format-checked too.
    const doc = await collab.readDocument(record.id)
    const body = snapshotBody(doc)
    const checkSummary = await submissionCheck(c.var.services, record, authorBlocks(doc))
    return commit(
      c,
      {
        documentId: record.id,
        action: 'submit',
        from,
        to,
        actorId: user.id,
        reviewerId: reviewer.id,
        submittedBy: user.id,
        comment: comment || null,
        version: { documentId: record.id, kind: 'submission', createdBy: user.id, content: body.json, characters: body.characters },
        checkSummary,
      },
      { userId: reviewer.id, kind: 'review_requested', data: { comment: comment || null, resubmission: from === 'returned', checkSummary } },
      () => grantReviewerAccess(c.var.services, { record, reviewer, grantedBy: user.id, ip: c.var.clientIp }),
    )
  })
  .post('/:id/review/withdraw', async (c) => {
    const { record, current, from, to } = await decide(c, 'withdraw')
    const { user } = requireUser(c)
    const reviewerId = current?.reviewer_id ?? null
    return commit(
      c,
      { documentId: record.id, action: 'withdraw', from, to, actorId: user.id, reviewerId, submittedBy: current?.submitted_by ?? null, comment: null },
      { userId: reviewerId, kind: 'review_withdrawn', data: {} },
    )
  })
  .post('/:id/review/return', async (c) => {
    const { record, current, from, to } = await decide(c, 'return')
    const { comment } = await parseJson(c, returnReviewBody)
    const { user } = requireUser(c)
    const submittedBy = current?.submitted_by ?? null
    return commit(
      c,
      { documentId: record.id, action: 'return', from, to, actorId: user.id, reviewerId: user.id, submittedBy, comment },
      { userId: submittedBy, kind: 'review_returned', data: { comment } },
    )
  })
  .post('/:id/review/approve', async (c) => {
    const { record, current, from, to } = await decide(c, 'approve')
    const { comment } = await parseJson(c, approveReviewBody)
    const { user } = requireUser(c)
    const submittedBy = current?.submitted_by ?? null
    return commit(
      c,
      { documentId: record.id, action: 'approve', from, to, actorId: user.id, reviewerId: user.id, submittedBy, comment: comment || null },
      { userId: submittedBy, kind: 'review_approved', data: { comment: comment || null } },
    )
  })
