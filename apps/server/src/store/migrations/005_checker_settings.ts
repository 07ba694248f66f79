import type { Kysely, Migration } from 'kysely'

/**
 * The 公文 format checker: which practice-only rules each branch has switched off (a JSON
 * array of rule ids), and the check summary stored with each submission event.
 */
export const checkerSettings: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('branch_checker_settings')
      .addColumn('branch_id', 'text', (c) => c.primaryKey().references('branches.id').onDelete('cascade'))
      .addColumn('disabled_rules', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.alterTable('review_events').addColumn('check_summary', 'text').execute()
  },
}
