import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'

/** `manage`: org admin or the branch's secretary; `view`: also any member; null: nothing. */
export async function branchAccess(store: Store, user: UserRow, branchId: string): Promise<'manage' | 'view' | null> {
  if (user.disabled_at) return null
  if (user.is_admin) return 'manage'
  const role = await store.branches.role(branchId, user.id)
  if (role === 'secretary') return 'manage'
  return role ? 'view' : null
}
