import type { Allocation, Audience, DocumentKind, Rubric } from '@dongbi/schema'
import type { AssignmentRow } from '../store/AssignmentStore.ts'

/** An assignment row with its JSON columns read. */
export interface Assignment {
  row: AssignmentRow
  kind: DocumentKind
  audience: Audience
  rubric: Rubric
  allocation: Allocation
}

export function parseAssignment(row: AssignmentRow): Assignment {
  return {
    row,
    kind: row.kind as DocumentKind,
    audience: JSON.parse(row.audience) as Audience,
    rubric: JSON.parse(row.rubric) as Rubric,
    allocation: JSON.parse(row.allocation) as Allocation,
  }
}

/** The best level of every criterion, summed. */
export function maxPoints(rubric: Rubric): number {
  return rubric.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0)
}
