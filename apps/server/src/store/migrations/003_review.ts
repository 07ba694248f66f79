import type { Kysely, Migration } from 'kysely'
import { dialectOf } from '../dialectOf.ts'

/** The review loop: frozen versions, each document's review state and history, the notification inbox. */
export const review: Migration = {
  async up(db: Kysely<any>) {
    const pg = dialectOf(db) === 'postgres'
    await db.schema
      .createTable('document_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('characters', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('document_versions_number').unique().on('document_versions').columns(['document_id', 'number']).execute()

    await db.schema
      .createTable('document_reviews')
      .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reviewer_id', 'text')
      .addColumn('submitted_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('review_events')
      .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('reviewer_id', 'text')
      .addColumn('comment', 'text')
      .addColumn('version_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('review_events_document').on('review_events').columns(['document_id', 'id']).execute()

    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('cascade'))
      .addColumn('actor_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute()
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'created_at']).execute()
  },
}
