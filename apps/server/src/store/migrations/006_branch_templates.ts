import type { Kysely, Migration } from 'kysely'

/** A branch's own templates: a snapshot of a document body (ProseMirror JSON) with a name and kind. */
export const branchTemplates: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('branch_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('title', 'text', (c) => c.notNull())
      // JSON text, not jsonb: read and written whole, never queried into.
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('branch_templates_branch').on('branch_templates').columns(['branch_id', 'created_at']).execute()
  },
}
