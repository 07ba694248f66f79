import type { BranchRole } from '@dongbi/schema'
import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'
import { hashPassword } from './hashPassword.ts'
import { newId } from './secretToken.ts'

const palette = ['#d1242f', '#0969da', '#1a7f37', '#8250df', '#bc4c00', '#bf3989', '#0a7c86', '#6e7781', '#9a6700', '#cf222e']

export interface NewUser {
  username: string
  displayName: string
  password: string
  isAdmin?: boolean
  birthYear?: number | null
  /** Make them change this password at first login (admin-set and imported passwords). */
  mustChangePassword?: boolean
  membership?: { branchId: string; role: BranchRole }
}

/** Creates a user (hashing the password) and, optionally, their first membership. */
export async function createUser(store: Store, input: NewUser): Promise<UserRow> {
  const now = new Date().toISOString()
  const id = newId()
  const row: UserRow = {
    id,
    username: input.username.toLowerCase(),
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    is_admin: input.isAdmin ? 1 : 0,
    must_change_password: input.mustChangePassword ? 1 : 0,
    birth_year: input.birthYear ?? null,
    color: palette[id.charCodeAt(0) % palette.length]!,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  }
  await store.users.insert(row)
  if (input.membership) await store.branches.setRole(input.membership.branchId, id, input.membership.role)
  return row
}
