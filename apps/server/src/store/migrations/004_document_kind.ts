import type { Kysely, Migration } from 'kysely'

/** What each document is (a 公文 type, an everyday form, a journal entry, free) and the template it began from. */
export const documentKind: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('documents').addColumn('kind', 'text', (c) => c.notNull().defaultTo('free')).execute()
    await db.schema.alterTable('documents').addColumn('template_id', 'text').execute()
  },
}
