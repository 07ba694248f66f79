import type { BranchRole, MemberDto } from '@dongbi/schema'
import type { Kysely, Selectable } from 'kysely'
import type { BranchesTable, Database, InvitationsTable } from './Database.ts'

export type BranchRow = Selectable<BranchesTable>
export type InvitationRow = Selectable<InvitationsTable>

/** Branches (支部), their members' roles and invitation links. */
export class BranchStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: BranchRow): Promise<void> {
    await this.db.insertInto('branches').values(row).execute()
  }

  byId(id: string): Promise<BranchRow | undefined> {
    return this.db.selectFrom('branches').selectAll().where('id', '=', id).executeTakeFirst()
  }

  byName(name: string): Promise<BranchRow | undefined> {
    return this.db.selectFrom('branches').selectAll().where('name', '=', name).executeTakeFirst()
  }

  /** All branches with member counts; `onlyFor` limits to a user's own branches. */
  async list(onlyFor?: string): Promise<(BranchRow & { memberCount: number })[]> {
    let query = this.db
      .selectFrom('branches')
      .leftJoin('memberships', 'memberships.branch_id', 'branches.id')
      .select(['branches.id', 'branches.name', 'branches.created_at', (eb) => eb.fn.count<number>('memberships.user_id').as('memberCount')])
      .groupBy(['branches.id', 'branches.name', 'branches.created_at'])
      .orderBy('branches.name')
    if (onlyFor) {
      query = query.where('branches.id', 'in', (eb) => eb.selectFrom('memberships').select('branch_id').where('user_id', '=', onlyFor))
    }
    const rows = await query.execute()
    return rows.map((row) => ({ ...row, memberCount: Number(row.memberCount) }))
  }

  async members(branchId: string): Promise<MemberDto[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id as userId', 'users.username', 'users.display_name as displayName', 'memberships.role', 'users.birth_year as birthYear', 'users.disabled_at'])
      .where('memberships.branch_id', '=', branchId)
      .orderBy('users.username')
      .execute()
    return rows.map(({ disabled_at, ...row }) => ({ ...row, disabled: disabled_at !== null }))
  }

  role(branchId: string, userId: string): Promise<BranchRole | undefined> {
    return this.db
      .selectFrom('memberships')
      .select('role')
      .where('branch_id', '=', branchId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
      .then((row) => row?.role)
  }

  /** Adds a member or changes their role. */
  async setRole(branchId: string, userId: string, role: BranchRole): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({ branch_id: branchId, user_id: userId, role, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['branch_id', 'user_id']).doUpdateSet({ role }))
      .execute()
  }

  async removeMember(branchId: string, userId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('memberships').where('branch_id', '=', branchId).where('user_id', '=', userId).executeTakeFirst()
    return result.numDeletedRows > 0n
  }

  async insertInvitation(row: InvitationRow): Promise<void> {
    await this.db.insertInto('invitations').values(row).execute()
  }

  invitationByHash(hash: string): Promise<InvitationRow | undefined> {
    return this.db.selectFrom('invitations').selectAll().where('token_hash', '=', hash).executeTakeFirst()
  }

  invitations(branchId: string): Promise<InvitationRow[]> {
    return this.db.selectFrom('invitations').selectAll().where('branch_id', '=', branchId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute()
  }

  /**
   * Takes one use of an invitation if it is still usable, in one statement, so concurrent
   * accepts cannot both take the last use. False when it is used up, expired or revoked.
   */
  async claimInvitation(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .whereRef('uses', '<', 'max_uses')
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }

  /** Gives back a use taken by {@link claimInvitation} when joining failed after all. */
  async releaseInvitation(id: string): Promise<void> {
    await this.db.updateTable('invitations').set((eb) => ({ uses: eb('uses', '-', 1) })).where('id', '=', id).where('uses', '>', 0).execute()
  }

  async revokeInvitation(branchId: string, id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('branch_id', '=', branchId)
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }
}
