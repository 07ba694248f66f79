import type { Kysely, Migration } from 'kysely'

/**
 * The reflection journal: an entry is a document of kind `journal` plus a row here (its date,
 * the prompt it answers, a cached 字数 and opening lines), its tags, and the study topics a branch sets per month
 * from which the daily prompts are drawn.
 */
export const journal: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('journal_entries')
      .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('entry_date', 'text', (c) => c.notNull())
      .addColumn('prompt', 'text')
      .addColumn('characters', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
      // The last update-log seq the count was taken at: the count is current while it matches.
      .addColumn('characters_seq', 'bigint', (c) => c.notNull().defaultTo(-1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('journal_entries_user_date').on('journal_entries').columns(['user_id', 'entry_date']).execute()

    await db.schema
      .createTable('journal_tags')
      .addColumn('document_id', 'text', (c) => c.notNull().references('journal_entries.document_id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('journal_tags_pk', ['document_id', 'tag'])
      .execute()
    await db.schema.createIndex('journal_tags_tag').on('journal_tags').columns(['tag']).execute()

    await db.schema
      .createTable('study_topics')
      .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id').onDelete('cascade'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      /** JSON array of guiding questions. */
      .addColumn('questions', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('study_topics_pk', ['branch_id', 'month', 'position'])
      .execute()
  },
}
