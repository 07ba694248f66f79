import type { Insertable, Kysely, Selectable } from 'kysely'
import type { CommentsTable, CommentThreadsTable, Database } from './Database.ts'

export type ThreadRow = Selectable<CommentThreadsTable>
export type CommentRow = Selectable<CommentsTable>

/** Comment threads and their comments. Bodies live here; the document holds no comment marks. */
export class CommentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insertThread(thread: Insertable<CommentThreadsTable>, first: CommentRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('comment_threads').values(thread).execute()
      await trx.insertInto('comments').values(first).execute()
    })
  }

  thread(id: string): Promise<ThreadRow | undefined> {
    return this.db.selectFrom('comment_threads').selectAll().where('id', '=', id).executeTakeFirst()
  }

  threads(documentId: string): Promise<ThreadRow[]> {
    return this.db.selectFrom('comment_threads').selectAll().where('document_id', '=', documentId).orderBy('created_at').execute()
  }

  comments(threadIds: string[]): Promise<CommentRow[]> {
    if (threadIds.length === 0) return Promise.resolve([])
    return this.db.selectFrom('comments').selectAll().where('thread_id', 'in', threadIds).orderBy('created_at').orderBy('id').execute()
  }

  comment(id: string): Promise<CommentRow | undefined> {
    return this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst()
  }

  async insertComment(row: CommentRow): Promise<void> {
    await this.db.insertInto('comments').values(row).execute()
  }

  async editComment(id: string, body: string): Promise<void> {
    await this.db.updateTable('comments').set({ body, edited_at: new Date().toISOString() }).where('id', '=', id).execute()
  }

  /** Deletes a comment; deleting a thread's first comment deletes the thread. */
  async deleteComment(comment: CommentRow): Promise<'comment' | 'thread'> {
    const first = await this.db.selectFrom('comments').select('id').where('thread_id', '=', comment.thread_id).orderBy('created_at').orderBy('id').executeTakeFirst()
    if (first?.id === comment.id) {
      await this.db.deleteFrom('comment_threads').where('id', '=', comment.thread_id).execute()
      return 'thread'
    }
    await this.db.deleteFrom('comments').where('id', '=', comment.id).execute()
    return 'comment'
  }

  /** Ties a thread to an assignment rubric criterion, or unties it (null). */
  async setCriterion(threadId: string, criterionId: string | null): Promise<void> {
    await this.db.updateTable('comment_threads').set({ criterion_id: criterionId }).where('id', '=', threadId).execute()
  }

  async setStatus(threadId: string, status: 'open' | 'resolved', by: string | null): Promise<void> {
    await this.db
      .updateTable('comment_threads')
      .set({ status, resolved_by: status === 'resolved' ? by : null, resolved_at: status === 'resolved' ? new Date().toISOString() : null })
      .where('id', '=', threadId)
      .execute()
  }
}
