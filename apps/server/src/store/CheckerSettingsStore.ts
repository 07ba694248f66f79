import type { Kysely } from 'kysely'
import type { Database } from './Database.ts'
import type { DocumentRecord } from './Store.ts'

export interface CheckerSettings {
  disabledRules: string[]
  updatedAt: string | null
}

/** Per-branch settings of the 公文 format checker: the practice rules a branch switched off. */
export class CheckerSettingsStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(branchId: string): Promise<CheckerSettings> {
    const row = await this.db.selectFrom('branch_checker_settings').selectAll().where('branch_id', '=', branchId).executeTakeFirst()
    return { disabledRules: row ? (JSON.parse(row.disabled_rules) as string[]) : [], updatedAt: row?.updated_at ?? null }
  }

  async set(branchId: string, disabledRules: string[], updatedBy: string): Promise<CheckerSettings> {
    const updatedAt = new Date().toISOString()
    const values = { disabled_rules: JSON.stringify(disabledRules), updated_by: updatedBy, updated_at: updatedAt }
    await this.db
      .insertInto('branch_checker_settings')
      .values({ branch_id: branchId, ...values })
      .onConflict((oc) => oc.column('branch_id').doUpdateSet(values))
      .execute()
    return { disabledRules, updatedAt }
  }

  /**
   * The branch whose settings apply to a document: its owning branch, else the author's
   * first branch membership (oldest, then by id so the answer is stable).
   */
  async branchFor(record: DocumentRecord): Promise<string | null> {
    if (record.branchId) return record.branchId
    if (!record.ownerId) return null
    const row = await this.db
      .selectFrom('memberships')
      .select('branch_id')
      .where('user_id', '=', record.ownerId)
      .orderBy('created_at')
      .orderBy('branch_id')
      .executeTakeFirst()
    return row?.branch_id ?? null
  }
}
