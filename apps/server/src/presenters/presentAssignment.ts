import type { AssignmentDto, MyAssignmentDto } from '@dongbi/schema'
import { maxPoints, type Assignment } from '../assignments/parseAssignment.ts'
import type { WorkView } from '../assignments/loadWork.ts'
import type { Store } from '../store/Store.ts'

/** An assignment as the API shows it; `canManage` says whether the caller may edit it and see its dashboard. */
export async function presentAssignment(store: Store, { row, kind, audience, rubric, allocation }: Assignment, canManage: boolean): Promise<AssignmentDto> {
  const [branch, creator] = await Promise.all([store.branches.byId(row.branch_id), store.users.byId(row.created_by)])
  return {
    id: row.id,
    branchId: row.branch_id,
    branchName: branch?.name ?? '',
    createdBy: row.created_by,
    createdByName: creator?.display_name ?? '',
    title: row.title,
    prompt: row.prompt,
    kind,
    templateId: row.template_id,
    deadline: row.deadline,
    length: { min: row.min_chars, max: row.max_chars },
    audience,
    rubric,
    allocation,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    maxPoints: maxPoints(rubric),
    canManage,
  }
}

/** A member's own view of an assignment: their status, document and total. */
export async function presentMyAssignment(store: Store, assignment: Assignment, view: WorkView, canManage: boolean): Promise<MyAssignmentDto> {
  return {
    assignment: await presentAssignment(store, assignment, canManage),
    status: view.status,
    late: Boolean(view.work?.late),
    documentId: view.work?.document_id ?? null,
    submittedAt: view.work?.submitted_at ?? null,
    total: view.status === 'reviewed' ? view.total : null,
  }
}
