import type { DocumentDto } from '@dongbi/schema'
import { anonymousPeers, peerAlias } from '../policies/peerAnonymity.ts'
import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'

/**
 * What a single-document answer says about the assignment behind it: its id when the document
 * is a member's work, and, for an anonymous peer reviewer of that work, the alias they act under.
 */
export async function documentAssignmentFields(store: Store, user: UserRow, documentId: string): Promise<Pick<DocumentDto, 'assignmentId' | 'shownAs'>> {
  const work = await store.assignments.workByDocument(documentId)
  if (!work) return {}
  const peers = await anonymousPeers(store, documentId)
  const at = peers?.peerIds.indexOf(user.id) ?? -1
  if (at < 0) return { assignmentId: work.assignment_id }
  const { id, name } = peerAlias(at + 1, peers!.peerIds.length)
  return { assignmentId: work.assignment_id, shownAs: { id, name } }
}
