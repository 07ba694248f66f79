import { maxAccess, type DocumentAccess } from '@dongbi/schema'
import type { DocumentRecord, Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'

/**
 * The one answer to "what may this user do with this document?", used by every REST route
 * and by the collaboration socket.
 *
 * - a disabled user: nothing;
 * - the owner, an org admin (except on journal entries: a journal is private even from
 *   admins), or the secretary of an owning branch: `owner`;
 * - a member or mentor of an owning branch: `edit` (branch documents are co-edited);
 * - otherwise the highest share reaching them, directly or through one of their branches.
 */
export async function documentAccess(store: Store, user: UserRow | null | undefined, document: DocumentRecord): Promise<DocumentAccess | null> {
  if (!user || user.disabled_at) return null
  if (document.ownerId === user.id) return 'owner'
  if (user.is_admin && document.kind !== 'journal') return 'owner'
  let access: DocumentAccess | null = null
  if (document.branchId) {
    const role = await store.branches.role(document.branchId, user.id)
    if (role === 'secretary') return 'owner'
    if (role) access = 'edit'
  }
  for (const level of await store.shares.reaching(document.id, user.id)) access = maxAccess(access, level)
  return access
}
