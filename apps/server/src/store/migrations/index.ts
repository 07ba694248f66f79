import type { Migration, MigrationProvider } from 'kysely'
import { documents } from './001_documents.ts'
import { accounts } from './002_accounts.ts'
import { comments } from './003_comments.ts'
import { review } from './003_review.ts'
import { documentKind } from './004_document_kind.ts'
import { branchTemplates } from './006_branch_templates.ts'
import { assignments } from './007_assignments.ts'
import { search } from './009_search.ts'
import { searchPostgres } from './010_search_postgres.ts'
import { journal } from './008_journal.ts'
import { checkerSettings } from './005_checker_settings.ts'
import { docUpdatesRowid } from './011_doc_updates_rowid.ts'

/** Every migration, in order. Names sort lexically; never rename or reorder one that shipped. */
const migrations: Record<string, Migration> = {
  '001_documents': documents,
  '002_accounts': accounts,
  '003_comments': comments,
  '003_review': review,
  '004_document_kind': documentKind,
  '006_branch_templates': branchTemplates,
  '007_assignments': assignments,
  '009_search': search,
  '010_search_postgres': searchPostgres,
  '008_journal': journal,
  '005_checker_settings': checkerSettings,
  '011_doc_updates_rowid': docUpdatesRowid,
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations
  },
}
