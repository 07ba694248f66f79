import type { ShareLevel } from '@dongbi/schema'
import type { Kysely, Selectable } from 'kysely'
import type { Database, DocumentSharesTable } from './Database.ts'

export type ShareRow = Selectable<DocumentSharesTable>

/** Who a document is shared with, and at which level. */
export class ShareStore {
  constructor(private readonly db: Kysely<Database>) {}

  forDocument(documentId: string): Promise<ShareRow[]> {
    return this.db.selectFrom('document_shares').selectAll().where('document_id', '=', documentId).orderBy('created_at').execute()
  }

  /** The shares of a document that reach `userId`: directly, or through a branch they belong to. */
  reaching(documentId: string, userId: string): Promise<ShareLevel[]> {
    return this.db
      .selectFrom('document_shares')
      .select('level')
      .where('document_id', '=', documentId)
      .where((eb) =>
        eb.or([
          eb.and([eb('grantee_type', '=', 'user'), eb('grantee_id', '=', userId)]),
          eb.and([
            eb('grantee_type', '=', 'branch'),
            eb('grantee_id', 'in', eb.selectFrom('memberships').select('branch_id').where('user_id', '=', userId)),
          ]),
        ]),
      )
      .execute()
      .then((rows) => rows.map((row) => row.level))
  }

  async set(row: ShareRow): Promise<void> {
    await this.db
      .insertInto('document_shares')
      .values(row)
      .onConflict((oc) => oc.columns(['document_id', 'grantee_type', 'grantee_id']).doUpdateSet({ level: row.level }))
      .execute()
  }

  async remove(documentId: string, granteeType: 'user' | 'branch', granteeId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('document_shares')
      .where('document_id', '=', documentId)
      .where('grantee_type', '=', granteeType)
      .where('grantee_id', '=', granteeId)
      .executeTakeFirst()
    return result.numDeletedRows > 0n
  }
}
