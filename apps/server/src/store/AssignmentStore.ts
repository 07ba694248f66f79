import type { Kysely, Selectable } from 'kysely'
import type { AssignmentReviewersTable, AssignmentScoresTable, AssignmentsTable, AssignmentWorksTable, Database } from './Database.ts'

export type AssignmentRow = Selectable<AssignmentsTable>
export type WorkRow = Selectable<AssignmentWorksTable>
export type ReviewerRow = Selectable<AssignmentReviewersTable>
export type ScoreRow = Selectable<AssignmentScoresTable>

/** Assignments (作业), members' works, allocated reviewers and rubric scores. */
export class AssignmentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: AssignmentRow): Promise<void> {
    await this.db.insertInto('assignments').values(row).execute()
  }

  async update(id: string, changes: Partial<Omit<AssignmentRow, 'id' | 'branch_id' | 'created_by' | 'created_at'>>): Promise<AssignmentRow | undefined> {
    return this.db
      .updateTable('assignments')
      .set({ ...changes, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
  }

  byId(id: string): Promise<AssignmentRow | undefined> {
    return this.db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst()
  }

  /** Assignments of these branches, newest first. */
  inBranches(branchIds: string[]): Promise<AssignmentRow[]> {
    if (branchIds.length === 0) return Promise.resolve([])
    return this.db.selectFrom('assignments').selectAll().where('branch_id', 'in', branchIds).orderBy('created_at', 'desc').execute()
  }

  work(assignmentId: string, userId: string): Promise<WorkRow | undefined> {
    return this.db.selectFrom('assignment_works').selectAll().where('assignment_id', '=', assignmentId).where('user_id', '=', userId).executeTakeFirst()
  }

  workByDocument(documentId: string): Promise<WorkRow | undefined> {
    return this.db.selectFrom('assignment_works').selectAll().where('document_id', '=', documentId).executeTakeFirst()
  }

  works(assignmentId: string): Promise<WorkRow[]> {
    return this.db.selectFrom('assignment_works').selectAll().where('assignment_id', '=', assignmentId).orderBy('started_at').execute()
  }

  /** How many members have started: the next round-robin turn. */
  async startedCount(assignmentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('assignment_works')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('assignment_id', '=', assignmentId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /**
   * Records a member's work and its reviewers in one transaction. When the member already has
   * one (a concurrent start), nothing is written and the existing work is returned.
   */
  async insertWork(work: WorkRow, reviewerIds: string[]): Promise<{ work: WorkRow; created: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('assignment_works')
        .values(work)
        .onConflict((oc) => oc.columns(['assignment_id', 'user_id']).doNothing())
        .returning('assignment_id')
        .executeTakeFirst()
      if (!inserted) {
        const existing = await trx.selectFrom('assignment_works').selectAll().where('assignment_id', '=', work.assignment_id).where('user_id', '=', work.user_id).executeTakeFirstOrThrow()
        return { work: existing, created: false }
      }
      if (reviewerIds.length) {
        await trx
          .insertInto('assignment_reviewers')
          .values(reviewerIds.map((reviewer_id, i) => ({ assignment_id: work.assignment_id, user_id: work.user_id, reviewer_id, position: i + 1 })))
          .execute()
      }
      return { work, created: true }
    })
  }

  /** Marks the first submission (later resubmissions keep it and its lateness). */
  async markSubmitted(assignmentId: string, userId: string, at: string, late: boolean): Promise<void> {
    await this.db
      .updateTable('assignment_works')
      .set({ submitted_at: at, late: late ? 1 : 0 })
      .where('assignment_id', '=', assignmentId)
      .where('user_id', '=', userId)
      .where('submitted_at', 'is', null)
      .execute()
  }

  /** Allocated reviewers of the assignment (of one member when `userId` is given), by position. */
  reviewers(assignmentId: string, userId?: string): Promise<ReviewerRow[]> {
    let query = this.db.selectFrom('assignment_reviewers').selectAll().where('assignment_id', '=', assignmentId)
    if (userId) query = query.where('user_id', '=', userId)
    return query.orderBy('user_id').orderBy('position').execute()
  }

  /** Assignments where `reviewerId` reviews someone. */
  async reviewing(reviewerId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('assignment_reviewers').select('assignment_id').distinct().where('reviewer_id', '=', reviewerId).execute()
    return rows.map((r) => r.assignment_id)
  }

  /** Every score of one work, or of every work of an assignment. */
  scores(where: { documentId: string } | { assignmentId: string }): Promise<ScoreRow[]> {
    const query = this.db.selectFrom('assignment_scores').selectAll()
    const filtered = 'documentId' in where ? query.where('document_id', '=', where.documentId) : query.where('assignment_id', '=', where.assignmentId)
    return filtered.orderBy('reviewer_id').orderBy('criterion_id').execute()
  }

  /** Replaces one reviewer's sheet for a work. */
  async setScores(documentId: string, reviewerId: string, rows: ScoreRow[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('assignment_scores').where('document_id', '=', documentId).where('reviewer_id', '=', reviewerId).execute()
      if (rows.length) await trx.insertInto('assignment_scores').values(rows).execute()
    })
  }
}
