import type { UserDto } from '@dongbi/schema'
import type { MembershipRow, UserRow } from '../store/UserStore.ts'

/** What the API shows of a user; never the password hash. */
export function presentUser(row: UserRow, memberships: MembershipRow[]): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    color: row.color,
    isAdmin: row.is_admin === 1,
    mustChangePassword: row.must_change_password === 1,
    birthYear: row.birth_year,
    disabled: row.disabled_at !== null,
    memberships,
  }
}
