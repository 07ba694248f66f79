import type { Kysely, Selectable } from 'kysely'
import type { BranchTemplatesTable, Database } from './Database.ts'

export type BranchTemplateRow = Selectable<BranchTemplatesTable>

/** Branches' own templates. */
export class TemplateStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: BranchTemplateRow): Promise<void> {
    await this.db.insertInto('branch_templates').values(row).execute()
  }

  byId(id: string): Promise<BranchTemplateRow | undefined> {
    return this.db.selectFrom('branch_templates').selectAll().where('id', '=', id).executeTakeFirst()
  }

  /** The templates of these branches, each branch's newest first, without their bodies. */
  async forBranches(branchIds: string[]): Promise<(Omit<BranchTemplateRow, 'body'> & { branch_name: string })[]> {
    if (branchIds.length === 0) return []
    return this.db
      .selectFrom('branch_templates')
      .innerJoin('branches', 'branches.id', 'branch_templates.branch_id')
      .select([
        'branch_templates.id',
        'branch_templates.branch_id',
        'branch_templates.name',
        'branch_templates.kind',
        'branch_templates.description',
        'branch_templates.title',
        'branch_templates.created_by',
        'branch_templates.created_at',
        'branches.name as branch_name',
      ])
      .where('branch_templates.branch_id', 'in', branchIds)
      .orderBy('branches.name')
      .orderBy('branch_templates.created_at', 'desc')
      .execute()
  }

  async remove(branchId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('branch_templates').where('branch_id', '=', branchId).where('id', '=', id).executeTakeFirst()
    return result.numDeletedRows > 0n
  }
}
