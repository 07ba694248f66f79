import { peerAliasId, type PeerAliasDto } from '@dongbi/schema'
import { parseAssignment } from '../assignments/parseAssignment.ts'
import type { AssignmentRow } from '../store/AssignmentStore.ts'
import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'
import { assignmentAccess } from './assignmentAccess.ts'

/** A work document under anonymous peer review: its assignment, author and peers by position. */
export interface AnonymousPeers {
  assignment: AssignmentRow
  authorId: string
  peerIds: string[]
}

/** How an anonymous peer is shown: 同伴评审 k/N, with an id that is not theirs. */
export interface PeerAlias extends PeerAliasDto {
  id: string
  name: string
  color: string
}

/** Neutral grey: a peer's own colour would be a hint. */
const aliasColor = '#6e7781'

export function peerAlias(index: number, of: number): PeerAlias {
  return { id: peerAliasId({ index, of }), name: `同伴评审 ${index}/${of}`, color: aliasColor, index, of }
}

/** The anonymous peers of a document, or null when it is not a work under anonymous peer review. */
export async function anonymousPeers(store: Store, documentId: string): Promise<AnonymousPeers | null> {
  const work = await store.assignments.workByDocument(documentId)
  const row = work && (await store.assignments.byId(work.assignment_id))
  if (!work || !row) return null
  const { allocation } = parseAssignment(row)
  if (allocation.type !== 'peer' || !allocation.anonymous) return null
  const peerIds = (await store.assignments.reviewers(row.id, work.user_id)).map((r) => r.reviewer_id)
  return peerIds.length ? { assignment: row, authorId: work.user_id, peerIds } : null
}

/**
 * Who sees an anonymous peer's name on a work document — in comment threads, live events,
 * notifications, carets and the assignment panel. The rule: a peer's name is shown only to
 * the peer themself and to those who manage the assignment (its setter, org admins, the
 * branch's secretaries and mentors — they allocate reviewers and read the dashboard anyway).
 * Everyone else — the author, the other peers, anyone the document is shared with — sees
 * 同伴评审 k/N, k being the peer's position among the work's N reviewers.
 *
 * Answers the aliases `viewer` must see, keyed by the real user id; empty when they see names.
 */
export async function peerAliases(store: Store, viewer: UserRow | undefined, peers: AnonymousPeers | null): Promise<Map<string, PeerAlias>> {
  const aliases = new Map<string, PeerAlias>()
  if (!peers) return aliases
  if (viewer && (await assignmentAccess(store, viewer, peers.assignment)) === 'manage') return aliases
  peers.peerIds.forEach((id, i) => {
    if (id !== viewer?.id) aliases.set(id, peerAlias(i + 1, peers.peerIds.length))
  })
  return aliases
}
