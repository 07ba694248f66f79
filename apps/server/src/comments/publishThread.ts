import type { CollabEvent, ThreadDto } from '@dongbi/schema'
import type { Services } from '../http/ContextVariables.ts'
import { anonymousPeers, peerAliases } from '../policies/peerAnonymity.ts'
import { presentThreads } from '../presenters/presentThreads.ts'
import type { ThreadRow } from '../store/CommentStore.ts'
import type { UserRow } from '../store/UserStore.ts'

/** A document's threads as one viewer may see them: anonymous peers by alias (see `peerAliases`). */
export async function presentThreadsFor(store: Services['store'], viewer: UserRow, documentId: string, rows: ThreadRow[]): Promise<ThreadDto[]> {
  return presentThreads(store, rows, { aliases: await peerAliases(store, viewer, await anonymousPeers(store, documentId)) })
}

/**
 * Tells every 动笔 socket on the document that a thread changed. On a work under anonymous
 * peer review each listener gets the thread worded for them, so a peer's name reaches only
 * those who may know it; elsewhere one message goes to all.
 */
export async function broadcastThread({ store, collab }: Pick<Services, 'store' | 'collab'>, row: ThreadRow): Promise<void> {
  const peers = await anonymousPeers(store, row.document_id)
  if (!peers) {
    const [thread] = await presentThreads(store, [row])
    collab.broadcastEvent(row.document_id, { type: 'thread.changed', thread: thread! } satisfies CollabEvent)
    return
  }
  for (const userId of collab.listeners(row.document_id)) {
    const [thread] = await presentThreads(store, [row], { aliases: await peerAliases(store, await store.users.byId(userId), peers) })
    collab.sendEvent(row.document_id, userId, { type: 'thread.changed', thread: thread! } satisfies CollabEvent)
  }
}
