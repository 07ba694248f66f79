import type { ReviewState, Rubric, WorkStatus } from '@dongbi/schema'
import type { ScoreRow, WorkRow } from '../store/AssignmentStore.ts'

export interface SheetScore {
  criterionId: string
  levelId: string
  label: string
  points: number
  note: string
}

export interface Sheet {
  reviewerId: string
  complete: boolean
  total: number
  scores: SheetScore[]
}

/**
 * Each reviewer's sheet for one work, in the reviewers' order. A score whose criterion or
 * level the rubric no longer has (the setter edited it) is dropped, so the sheet is then
 * incomplete again rather than wrong.
 */
export function scoreSheets(rubric: Rubric, reviewerIds: string[], rows: ScoreRow[]): Sheet[] {
  return reviewerIds.map((reviewerId) => {
    const mine = rows.filter((r) => r.reviewer_id === reviewerId)
    const scores: SheetScore[] = []
    for (const criterion of rubric) {
      const row = mine.find((r) => r.criterion_id === criterion.id)
      const level = row && criterion.levels.find((l) => l.id === row.level_id)
      if (row && level) scores.push({ criterionId: criterion.id, levelId: level.id, label: level.label, points: level.points, note: row.note })
    }
    const total = scores.reduce((sum, s) => sum + s.points, 0)
    return { reviewerId, complete: rubric.length > 0 && scores.length === rubric.length, total, scores }
  })
}

/** The mean total of the finished sheets, to one decimal; null when none is finished. */
export function averageTotal(sheets: Sheet[]): number | null {
  const done = sheets.filter((s) => s.complete)
  if (done.length === 0) return null
  return Math.round((done.reduce((sum, s) => sum + s.total, 0) / done.length) * 10) / 10
}

/**
 * Where a member is: not started (no document), drafting (started, not submitted or
 * withdrawn), submitted or late (waiting for review; late when the first submission came
 * after the deadline), reviewed (the mentor returned or approved it, or every allocated
 * reviewer finished their sheet).
 */
export function workStatus(work: WorkRow | undefined, reviewState: ReviewState | undefined, sheets: Sheet[]): WorkStatus {
  if (!work) return 'not_started'
  if (reviewState === 'returned' || reviewState === 'approved') return 'reviewed'
  if (work.submitted_at && sheets.length > 0 && sheets.every((s) => s.complete)) return 'reviewed'
  if (reviewState === 'submitted') return work.late ? 'late' : 'submitted'
  return 'drafting'
}
