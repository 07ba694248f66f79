import type { Store } from '../store/Store.ts'
import { createUser } from './createUser.ts'

/**
 * On first start with no users, creates the first org admin from ADMIN_USERNAME and
 * ADMIN_PASSWORD. Does nothing once anyone exists (use the CLI then).
 */
export async function bootstrapAdmin(store: Store, username: string, password: string): Promise<boolean> {
  if (!username || !password || (await store.users.count()) > 0) return false
  let user
  try {
    user = await createUser(store, { username, displayName: username, password, isAdmin: true })
  } catch (error) {
    // Several instances starting on one empty database: another created the admin first.
    if (await store.users.byUsername(username)) return false
    throw error
  }
  await store.audit.record({ actorId: null, action: 'admin_bootstrapped', targetType: 'user', targetId: user.id })
  return true
}
