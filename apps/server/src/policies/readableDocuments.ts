import { sql, type Kysely } from 'kysely'
import type { Database } from '../store/Database.ts'
import type { UserRow } from '../store/UserStore.ts'

/**
 * The ids of every document {@link documentAccess} lets `user` read, as one SQL subquery:
 * for queries that must filter many documents at once (search) instead of asking the policy
 * row by row. It says the same as `documentAccess(...) !== null` — a disabled user reads
 * nothing; an org admin everything but other people's journal entries; otherwise the owner, members of an owning branch, and
 * whoever a share reaches directly or through one of their branches (reviewers get a share).
 * Deleted documents are included: callers decide about the trash. `readableDocuments.test.ts`
 * compares the two over a seeded matrix, so change both together.
 *
 * @example
 * db.selectFrom('documents').selectAll().where('id', 'in', readableDocumentIds(db, user))
 */
export function readableDocumentIds(db: Kysely<Database>, user: UserRow) {
  const query = db.selectFrom('documents').select('documents.id')
  if (user.disabled_at) return query.where(sql<boolean>`1 = 0`)
  const myBranches = db.selectFrom('memberships').select('memberships.branch_id').where('memberships.user_id', '=', user.id)
  const sharedWithMe = db
    .selectFrom('document_shares')
    .select('document_shares.document_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('document_shares.grantee_type', '=', 'user'), eb('document_shares.grantee_id', '=', user.id)]),
        eb.and([eb('document_shares.grantee_type', '=', 'branch'), eb('document_shares.grantee_id', 'in', myBranches)]),
      ]),
    )
  return query.where((eb) =>
    eb.or([
      ...(user.is_admin ? [eb('documents.kind', '!=', 'journal')] : []),
      eb('documents.owner_id', '=', user.id),
      eb('documents.branch_id', 'in', myBranches),
      eb('documents.id', 'in', sharedWithMe),
    ]),
  )
}
