import { ApiError } from '../http/ApiError.ts'
import type { Services } from '../http/ContextVariables.ts'
import { notify } from '../notifications/notify.ts'
import { grantReviewerAccess } from '../review/grantReviewerAccess.ts'
import { decideReview } from '../review/reviewTransitions.ts'
import type { WorkRow } from '../store/AssignmentStore.ts'
import type { UserRow } from '../store/UserStore.ts'
import { snapshotBody } from '../versions/snapshotBody.ts'
import type { Assignment } from './parseAssignment.ts'

/**
 * Submits a member's work through the review loop. With a mentor allocation the mentor is the
 * review's reviewer (returns and approves). With peer review the peers score and comment while
 * the loop goes to the assignment's setter — so no peer can return or approve under their name,
 * which would undo anonymity. Every allocated reviewer gets comment access and a review request. A submission after the deadline is allowed and the
 * work is marked late (the first submission decides; a resubmission after a return keeps it).
 */
export async function submitWork(
  services: Pick<Services, 'store' | 'collab'>,
  { assignment, work, user, comment, ip }: { assignment: Assignment; work: WorkRow; user: UserRow; comment: string | null; ip: string },
): Promise<void> {
  const { store, collab } = services
  const record = await store.getDocument(work.document_id)
  if (!record || record.deletedAt) throw new ApiError('conflict', '作业文档在回收站中，请先恢复 (the document is in the trash)')
  const from = (await store.reviews.get(record.id))?.state ?? 'draft'
  const decision = decideReview(from, 'submit', { isAuthor: true, isReviewer: false })
  if (!decision.ok) throw new ApiError('conflict', decision.message)
  const reviewers = (await Promise.all((await store.assignments.reviewers(assignment.row.id, user.id)).map((r) => store.users.byId(r.reviewer_id)))).filter(
    (r): r is UserRow => Boolean(r && !r.disabled_at),
  )
  if (reviewers.length === 0) throw new ApiError('conflict', '这份作业没有可用的审阅人，请联系布置作业的人 (no reviewer is available)')
  const setter = await store.users.byId(assignment.row.created_by)
  const peerLoop = assignment.allocation.type === 'peer' && setter && !setter.disabled_at && setter.id !== user.id
  const loopReviewer = peerLoop ? setter : reviewers[0]!
  const body = snapshotBody(await collab.readDocument(record.id))
  const at = new Date().toISOString()
  const result = await store.reviews.transition({
    documentId: record.id,
    action: 'submit',
    from,
    to: decision.to,
    actorId: user.id,
    reviewerId: loopReviewer.id,
    submittedBy: user.id,
    comment,
    version: { documentId: record.id, kind: 'submission', createdBy: user.id, content: body.json, characters: body.characters },
  })
  if (!result) throw new ApiError('conflict', '审阅状态刚刚被别人改变了，请刷新 (the review changed meanwhile)')
  await store.assignments.markSubmitted(assignment.row.id, user.id, at, at > new Date(assignment.row.deadline).toISOString())
  if (peerLoop) await grantReviewerAccess(services, { record, reviewer: loopReviewer, grantedBy: user.id, ip })
  for (const reviewer of reviewers) {
    await grantReviewerAccess(services, { record, reviewer, grantedBy: user.id, ip })
    await notify(services, {
      userId: reviewer.id,
      kind: 'review_requested',
      documentId: record.id,
      actorId: user.id,
      data: { comment, resubmission: from === 'returned', versionId: result.version?.id ?? null, assignmentId: assignment.row.id },
    })
  }
}
