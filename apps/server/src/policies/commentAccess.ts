import { accessAtLeast, type DocumentAccess } from '@dongbi/schema'
import type { DocumentRecord, Store } from '../store/Store.ts'
import type { ThreadRow } from '../store/CommentStore.ts'
import type { UserRow } from '../store/UserStore.ts'

/**
 * May this user resolve or reopen a thread? The document's author (owner access), the
 * thread's author, or a mentor of the document: a mentor of a branch the document belongs to
 * or its owner belongs to, who can comment on it.
 */
export async function canResolveThread(
  store: Store,
  user: UserRow,
  document: DocumentRecord,
  access: DocumentAccess,
  thread: ThreadRow,
): Promise<boolean> {
  if (access === 'owner' || thread.author_id === user.id) return true
  if (!accessAtLeast(access, 'comment')) return false
  const mine = await store.users.memberships(user.id)
  const mentorOf = new Set(mine.filter((m) => m.role === 'mentor').map((m) => m.branchId))
  if (document.branchId && mentorOf.has(document.branchId)) return true
  if (!document.ownerId) return false
  const owners = await store.users.memberships(document.ownerId)
  return owners.some((m) => mentorOf.has(m.branchId))
}
