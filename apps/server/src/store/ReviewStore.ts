import type { CheckSummaryDto, ReviewAction, ReviewState } from '@dongbi/schema'
import type { Kysely, Selectable } from 'kysely'
import type { Database, DocumentReviewsTable, ReviewEventsTable } from './Database.ts'
import { insertVersion, type NewVersion, type VersionRow } from './VersionStore.ts'

export type ReviewRow = Selectable<DocumentReviewsTable>
export type ReviewEventRow = Selectable<ReviewEventsTable>

export interface ReviewChange {
  documentId: string
  action: ReviewAction
  from: ReviewState
  to: ReviewState
  actorId: string
  /** The reviewer after the change (kept through return and approval, so the history names them). */
  reviewerId: string | null
  submittedBy: string | null
  comment: string | null
  /** Frozen in the same transaction (a submission's version). */
  version?: NewVersion
  /** The 公文 format check of what was submitted, stored with the event for the mentor. */
  checkSummary?: CheckSummaryDto | null
}

/** Thrown inside the transaction to roll it back when the state moved meanwhile. */
class StaleState extends Error {}

/** Each document's review state and its append-only history. */
export class ReviewStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The current row; none means the document is a draft that was never submitted. */
  get(documentId: string): Promise<ReviewRow | undefined> {
    return this.db.selectFrom('document_reviews').selectAll().where('document_id', '=', documentId).executeTakeFirst()
  }

  /** Reviews of live documents where `userId` is the reviewer or the submitter, most recently changed first. */
  listFor(userId: string, { role, state }: { role: 'reviewer' | 'author'; state?: ReviewState }) {
    let query = this.db
      .selectFrom('document_reviews')
      .innerJoin('documents', 'documents.id', 'document_reviews.document_id')
      .leftJoin('users as reviewer', 'reviewer.id', 'document_reviews.reviewer_id')
      .leftJoin('users as submitter', 'submitter.id', 'document_reviews.submitted_by')
      .selectAll('document_reviews')
      .select(['documents.title', 'reviewer.display_name as reviewer_name', 'submitter.display_name as submitted_by_name'])
      .where('documents.deleted_at', 'is', null)
      .where(role === 'reviewer' ? 'document_reviews.reviewer_id' : 'document_reviews.submitted_by', '=', userId)
    if (state) query = query.where('document_reviews.state', '=', state)
    return query.orderBy('document_reviews.updated_at', 'desc').limit(200).execute()
  }

  /** Oldest first. */
  history(documentId: string): Promise<ReviewEventRow[]> {
    return this.db.selectFrom('review_events').selectAll().where('document_id', '=', documentId).orderBy('id').execute()
  }

  /**
   * Applies a transition only if the review is still in `from` (compare-and-set), recording
   * the event and any version in the same transaction. Null when another request moved it
   * first: the caller answers 409 and nothing was written.
   */
  async transition(change: ReviewChange): Promise<{ event: ReviewEventRow; version: VersionRow | null } | null> {
    const at = new Date().toISOString()
    try {
      return await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('document_reviews')
          .values({ document_id: change.documentId, state: 'draft', reviewer_id: null, submitted_by: null, updated_at: at })
          .onConflict((oc) => oc.column('document_id').doNothing())
          .execute()
        const updated = await trx
          .updateTable('document_reviews')
          .set({ state: change.to, reviewer_id: change.reviewerId, submitted_by: change.submittedBy, updated_at: at })
          .where('document_id', '=', change.documentId)
          .where('state', '=', change.from)
          .executeTakeFirst()
        if (updated.numUpdatedRows === 0n) throw new StaleState()
        const version = change.version ? await insertVersion(trx, change.version) : null
        const event = await trx
          .insertInto('review_events')
          .values({
            document_id: change.documentId,
            action: change.action,
            from_state: change.from,
            to_state: change.to,
            actor_id: change.actorId,
            reviewer_id: change.reviewerId,
            comment: change.comment,
            version_id: version?.id ?? null,
            check_summary: change.checkSummary ? JSON.stringify(change.checkSummary) : null,
            at,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return { event, version }
      })
    } catch (error) {
      if (error instanceof StaleState) return null
      throw error
    }
  }
}
