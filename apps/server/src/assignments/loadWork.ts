import type { ReviewState, WorkStatus } from '@dongbi/schema'
import type { ScoreRow, WorkRow } from '../store/AssignmentStore.ts'
import type { Store } from '../store/Store.ts'
import type { Assignment } from './parseAssignment.ts'
import { averageTotal, scoreSheets, workStatus, type Sheet } from './scoreSheets.ts'

/** Everything known about one member's work on one assignment. */
export interface WorkView {
  work: WorkRow | undefined
  /** Allocated reviewers, by position. */
  reviewerIds: string[]
  reviewState: ReviewState | undefined
  sheets: Sheet[]
  status: WorkStatus
  total: number | null
}

/** Reads one member's work, its reviewers, review state and score sheets. */
export async function loadWork(store: Store, assignment: Assignment, userId: string, scores?: ScoreRow[]): Promise<WorkView> {
  const work = await store.assignments.work(assignment.row.id, userId)
  const reviewerIds = work ? (await store.assignments.reviewers(assignment.row.id, userId)).map((r) => r.reviewer_id) : []
  const reviewState = work ? (await store.reviews.get(work.document_id))?.state : undefined
  const rows = work ? (scores?.filter((s) => s.document_id === work.document_id) ?? (await store.assignments.scores({ documentId: work.document_id }))) : []
  const sheets = scoreSheets(assignment.rubric, reviewerIds, rows)
  return { work, reviewerIds, reviewState, sheets, status: workStatus(work, reviewState, sheets), total: averageTotal(sheets) }
}
