import type { Kysely, Migration } from 'kysely'

/** Comment threads anchored to text by Yjs relative positions, and their comments. */
export const comments: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('comment_threads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('anchor_start', 'text', (c) => c.notNull())
      .addColumn('anchor_end', 'text', (c) => c.notNull())
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('comment_threads_document').on('comment_threads').column('document_id').execute()
    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('thread_id', 'text', (c) => c.notNull().references('comment_threads.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('mentions', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('edited_at', 'text')
      .execute()
    await db.schema.createIndex('comments_thread').on('comments').columns(['thread_id', 'created_at']).execute()
  },
}
