import { sql, type Kysely, type Migration } from 'kysely'
import { dialectOf } from '../dialectOf.ts'

/** Documents and their Yjs update log. */
export const documents: Migration = {
  async up(db: Kysely<any>) {
    const pg = dialectOf(db) === 'postgres'
    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute()
    await db.schema.createIndex('documents_updated_at').on('documents').columns(['deleted_at', 'updated_at']).execute()

    await db.schema
      .createTable('doc_updates')
      .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('data', pg ? sql`bytea` : 'blob', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('doc_updates_doc_seq').on('doc_updates').columns(['doc_id', 'seq']).execute()
  },
}
