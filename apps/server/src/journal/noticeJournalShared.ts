import type { ShareDto } from '@dongbi/schema'
import type { Services } from '../http/ContextVariables.ts'
import { notify } from '../notifications/notify.ts'
import type { DocumentRecord } from '../store/Store.ts'

/**
 * A journal entry is private until its writer shares it, usually with a mentor for comments
 * (分享给导师): tell that person, so the request does not wait unseen in 与我共享.
 */
export async function noticeJournalShared(
  services: Pick<Services, 'store' | 'collab'>,
  { record, share, actorId }: { record: DocumentRecord; share: Omit<ShareDto, 'granteeName'>; actorId: string },
): Promise<void> {
  if (record.kind !== 'journal' || share.granteeType !== 'user') return
  await notify(services, { userId: share.granteeId, kind: 'journal_shared', documentId: record.id, actorId, data: { level: share.level } })
}
