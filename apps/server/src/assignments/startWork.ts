import { newId } from '../auth/secretToken.ts'
import { startDocument } from '../documents/startDocument.ts'
import type { Services } from '../http/ContextVariables.ts'
import type { WorkRow } from '../store/AssignmentStore.ts'
import type { UserRow } from '../store/UserStore.ts'
import { addressedMembers } from './addressedMembers.ts'
import { allocateReviewers } from './allocateReviewers.ts'
import type { Assignment } from './parseAssignment.ts'

/**
 * A member's document for an assignment, created on first start from the assignment's
 * template (its kind set, owned by the member) with reviewers allocated; later starts return
 * the same work. Two concurrent starts: one wins, the other's document is removed again.
 */
export async function startWork(services: Pick<Services, 'store' | 'collab'>, assignment: Assignment, user: UserRow): Promise<{ work: WorkRow; created: boolean }> {
  const { store } = services
  const existing = await store.assignments.work(assignment.row.id, user.id)
  if (existing) {
    // Starting again brings a work the member moved to the trash back.
    const record = await store.getDocument(existing.document_id)
    if (record?.deletedAt) await store.updateDocument(record.id, { deletedAt: null })
    return { work: existing, created: false }
  }
  const members = await store.branches.members(assignment.row.branch_id)
  const addressed = await addressedMembers(store, assignment.row.branch_id, assignment.audience)
  const reviewerIds = allocateReviewers({
    allocation: assignment.allocation,
    authorId: user.id,
    turn: await store.assignments.startedCount(assignment.row.id),
    mentors: members.filter((m) => m.role === 'mentor' && !m.disabled).map((m) => m.userId),
    addressed: addressed.map((m) => m.userId),
  })
  const record = await startDocument(services, { user, title: assignment.row.title, kind: assignment.kind, templateId: assignment.row.template_id })
  const result = await store.assignments.insertWork(
    { assignment_id: assignment.row.id, user_id: user.id, document_id: record.id, started_at: new Date().toISOString(), submitted_at: null, late: 0 },
    reviewerIds,
  )
  if (!result.created) await store.purgeDocument(record.id)
  return result
}
