import { scoreBody, threadCriterionBody } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { parseAssignment, type Assignment } from '../../assignments/parseAssignment.ts'
import { workContext } from '../../assignments/workContext.ts'
import { ApiError } from '../../http/ApiError.ts'
import { actorFor } from '../../notifications/actorFor.ts'
import { notify } from '../../notifications/notify.ts'
import { anonymousPeers } from '../../policies/peerAnonymity.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { assignmentAccess } from '../../policies/assignmentAccess.ts'
import { broadcastThread, presentThreadsFor } from '../../comments/publishThread.ts'
import type { WorkRow } from '../../store/AssignmentStore.ts'
import { findDocument } from '../documents/findDocument.ts'

interface FoundWork {
  assignment: Assignment
  work: WorkRow
  manages: boolean
}

/** The assignment a readable document belongs to; 404 when it belongs to none. */
async function findWork(c: Context, needed: 'view' | 'comment'): Promise<FoundWork> {
  const { record } = await findDocument(c, needed)
  const { store } = c.var.services
  const work = await store.assignments.workByDocument(record.id)
  const row = work && (await store.assignments.byId(work.assignment_id))
  if (!work || !row) throw new ApiError('not_found', '这个文档不属于任何作业 (not an assignment document)')
  const manages = (await assignmentAccess(store, requireUser(c).user, row)) === 'manage'
  return { assignment: parseAssignment(row), work, manages }
}

/** Tells the author a reviewer finished their sheet; an anonymous peer only by alias. */
async function tellAuthor(c: Context, { work }: FoundWork, reviewerId: string, total: number): Promise<void> {
  const { store } = c.var.services
  const actor = await actorFor(store, await anonymousPeers(store, work.document_id), work.user_id, reviewerId)
  await notify(c.var.services, {
    userId: work.user_id,
    kind: 'assignment_scored',
    documentId: work.document_id,
    actorId: actor.actorId,
    data: { assignmentId: work.assignment_id, total, ...actor.data },
  })
}

/**
 * Assignment views of a document: `GET /:id/assignment` (prompt, deadline, status, length,
 * scores and criterion-tied comments as the caller may see them), `PUT /:id/assignment/scores`
 * (an allocated reviewer's rubric sheet) and `PATCH /:id/threads/:threadId` (tie a comment
 * thread to a rubric criterion).
 */
export const documentAssignment = new Hono()
  .get('/:id/assignment', async (c) => {
    const found = await findWork(c, 'view')
    return c.json(await workContext(c.var.services, { ...found, user: requireUser(c).user }))
  })
  .put('/:id/assignment/scores', async (c) => {
    const found = await findWork(c, 'view')
    const { user } = requireUser(c)
    const { store } = c.var.services
    const reviewers = await store.assignments.reviewers(found.assignment.row.id, found.work.user_id)
    if (!reviewers.some((r) => r.reviewer_id === user.id)) throw new ApiError('forbidden', '只有分配的审阅人可以评分 (only allocated reviewers score)')
    if (!found.work.submitted_at) throw new ApiError('conflict', '作业还没有提交 (not submitted yet)')
    const { scores } = await parseJson(c, scoreBody)
    const now = new Date().toISOString()
    const rows = scores.map((s) => {
      const criterion = found.assignment.rubric.find((x) => x.id === s.criterionId)
      if (!criterion) throw new ApiError('invalid_request', `没有这个评分项 (unknown criterion ${JSON.stringify(s.criterionId)})`)
      const level = criterion.levels.find((l) => l.id === s.levelId)
      if (!level) throw new ApiError('invalid_request', `评分项「${criterion.name}」没有这个等级 (unknown level ${JSON.stringify(s.levelId)})`)
      return {
        assignment_id: found.assignment.row.id,
        document_id: found.work.document_id,
        reviewer_id: user.id,
        criterion_id: criterion.id,
        level_id: level.id,
        points: level.points,
        note: s.note,
        updated_at: now,
      }
    })
    const before = await workContext(c.var.services, { ...found, user })
    await store.assignments.setScores(found.work.document_id, user.id, rows)
    const after = await workContext(c.var.services, { ...found, user })
    const sheet = after.sheets[0]
    if (sheet?.complete && !before.sheets[0]?.complete) await tellAuthor(c, found, user.id, sheet.total)
    return c.json(after)
  })
  .patch('/:id/threads/:threadId', async (c) => {
    const found = await findWork(c, 'comment')
    const { user } = requireUser(c)
    const { store, collab } = c.var.services
    const thread = await store.comments.thread(c.req.param('threadId'))
    if (!thread || thread.document_id !== found.work.document_id) throw new ApiError('not_found', '没有这个评论 (no such thread)')
    if (thread.author_id !== user.id) throw new ApiError('forbidden', '只能为自己的评论选择评分项 (not your thread)')
    const { criterionId } = await parseJson(c, threadCriterionBody)
    if (criterionId && !found.assignment.rubric.some((x) => x.id === criterionId)) {
      throw new ApiError('invalid_request', `没有这个评分项 (unknown criterion ${JSON.stringify(criterionId)})`)
    }
    await store.comments.setCriterion(thread.id, criterionId)
    const row = (await store.comments.thread(thread.id))!
    await broadcastThread({ store, collab }, row)
    const [dto] = await presentThreadsFor(store, user, row.document_id, [row])
    return c.json(dto!)
  })
