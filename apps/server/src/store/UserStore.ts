import type { BranchRole } from '@dongbi/schema'
import type { Kysely, Selectable } from 'kysely'
import type { Database, UsersTable } from './Database.ts'

export type UserRow = Selectable<UsersTable>

export interface MembershipRow {
  branchId: string
  branchName: string
  role: BranchRole
}

/** Users and their branch memberships. */
export class UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: UserRow): Promise<void> {
    await this.db.insertInto('users').values(row).execute()
  }

  byId(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  }

  byUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst()
  }

  list(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('username').execute()
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async update(id: string, changes: Partial<Omit<UserRow, 'id' | 'created_at'>>): Promise<UserRow | undefined> {
    return this.db
      .updateTable('users')
      .set({ ...changes, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
  }

  memberships(userId: string): Promise<MembershipRow[]> {
    return this.db
      .selectFrom('memberships')
      .innerJoin('branches', 'branches.id', 'memberships.branch_id')
      .select(['memberships.branch_id as branchId', 'branches.name as branchName', 'memberships.role as role'])
      .where('memberships.user_id', '=', userId)
      .orderBy('branches.name')
      .execute()
  }
}
