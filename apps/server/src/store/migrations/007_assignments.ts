import type { Kysely, Migration } from 'kysely'

/**
 * Assignments (作业) with rubrics: the assignment, each member's work (their document), the
 * allocated reviewers, the reviewers' scores, and comment threads tied to a criterion.
 * JSON columns are `text` on both dialects: they are read whole and never queried inside.
 */
export const assignments: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('assignments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id').onDelete('cascade'))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('prompt', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('template_id', 'text')
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('min_chars', 'integer')
      .addColumn('max_chars', 'integer')
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('rubric', 'text', (c) => c.notNull())
      .addColumn('allocation', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('assignments_branch').on('assignments').columns(['branch_id', 'deadline']).execute()

    await db.schema
      .createTable('assignment_works')
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('assignment_works_pk', ['assignment_id', 'user_id'])
      .execute()
    await db.schema.createIndex('assignment_works_document').unique().on('assignment_works').column('document_id').execute()

    await db.schema
      .createTable('assignment_reviewers')
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('reviewer_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('assignment_reviewers_pk', ['assignment_id', 'user_id', 'reviewer_id'])
      .execute()
    await db.schema.createIndex('assignment_reviewers_reviewer').on('assignment_reviewers').columns(['reviewer_id', 'assignment_id']).execute()

    await db.schema
      .createTable('assignment_scores')
      .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('reviewer_id', 'text', (c) => c.notNull())
      .addColumn('criterion_id', 'text', (c) => c.notNull())
      .addColumn('level_id', 'text', (c) => c.notNull())
      .addColumn('points', 'real', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('assignment_scores_pk', ['document_id', 'reviewer_id', 'criterion_id'])
      .execute()

    await db.schema.alterTable('comment_threads').addColumn('criterion_id', 'text').execute()
  },
}
