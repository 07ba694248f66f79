import { accessAtLeast } from '@dongbi/schema'
import type { Services } from '../http/ContextVariables.ts'
import { documentAccess } from '../policies/documentAccess.ts'
import type { DocumentRecord } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'

/**
 * Makes sure a reviewer can read and comment: a direct share at `comment` when they have
 * less (never lowering what they have), then rechecks open sockets so it takes effect.
 */
export async function grantReviewerAccess(
  { store, collab }: Pick<Services, 'store' | 'collab'>,
  { record, reviewer, grantedBy, ip }: { record: DocumentRecord; reviewer: UserRow; grantedBy: string; ip: string },
): Promise<void> {
  if (accessAtLeast(await documentAccess(store, reviewer, record), 'comment')) return
  const share = { document_id: record.id, grantee_type: 'user' as const, grantee_id: reviewer.id, level: 'comment' as const }
  await store.shares.set({ ...share, created_by: grantedBy, created_at: new Date().toISOString() })
  await store.audit.record({
    actorId: grantedBy,
    action: 'share_set',
    targetType: 'document',
    targetId: record.id,
    ip,
    details: { granteeType: 'user', granteeId: reviewer.id, level: 'comment', reason: 'review' },
  })
  await collab.recheck({ documentId: record.id })
}
