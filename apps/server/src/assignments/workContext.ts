import type { WorkContextDto } from '@dongbi/schema'
import type { Services } from '../http/ContextVariables.ts'
import { presentAssignment } from '../presenters/presentAssignment.ts'
import type { WorkRow } from '../store/AssignmentStore.ts'
import type { UserRow } from '../store/UserStore.ts'
import { anonymousPeers, peerAliases } from '../policies/peerAnonymity.ts'
import { loadWork } from './loadWork.ts'
import type { Assignment } from './parseAssignment.ts'
import { lengthCheck, workCharacters } from './workCharacters.ts'

/**
 * The assignment as seen from one of its documents, for the editor's side panel. What the
 * caller sees depends on who they are: the author sees the finished sheets once the work is
 * reviewed; a reviewer sees their own sheet; the setter and the branch's secretaries and
 * mentors see all. Anonymous peers are named 同伴评审 k/N (also on comments tied to criteria)
 * to whoever `peerAliases` says may not know them.
 */
export async function workContext(
  services: Pick<Services, 'store' | 'collab'>,
  { assignment, work, user, manages }: { assignment: Assignment; work: WorkRow; user: UserRow; manages: boolean },
): Promise<WorkContextDto> {
  const { store } = services
  const view = await loadWork(store, assignment, work.user_id)
  const isAuthor = work.user_id === user.id
  const isReviewer = view.reviewerIds.includes(user.id)
  const role = isAuthor ? 'author' : isReviewer ? 'reviewer' : manages ? 'manager' : 'reader'
  const aliases = await peerAliases(store, user, await anonymousPeers(store, work.document_id))
  const names = new Map<string, string>()
  for (const id of [work.user_id, ...view.reviewerIds]) names.set(id, (await store.users.byId(id))?.display_name ?? '')
  const alias = (id: string): string => aliases.get(id)?.name ?? names.get(id) ?? ''
  /** The alias's parts, for clients to word it, when `id` is a peer the caller may not know. */
  const parts = (id: string) => {
    const found = aliases.get(id)
    return found ? { index: found.index, of: found.of } : undefined
  }
  const visible = view.sheets.filter((s) =>
    role === 'manager' || (role === 'reviewer' && s.reviewerId === user.id) || (role === 'author' && view.status === 'reviewed' && s.complete),
  )
  const tied: WorkContextDto['tied'] = {}
  const threads = (await store.comments.threads(work.document_id)).filter((t) => t.criterion_id)
  const comments = await store.comments.comments(threads.map((t) => t.id))
  for (const thread of threads) {
    const list = comments.filter((c) => c.thread_id === thread.id)
    const entries = []
    for (const c of list) {
      if (!names.has(c.author_id)) names.set(c.author_id, (await store.users.byId(c.author_id))?.display_name ?? '')
      entries.push({ authorName: alias(c.author_id), authorAlias: parts(c.author_id), body: c.body, createdAt: c.created_at })
    }
    ;(tied[thread.criterion_id!] ??= []).push({ threadId: thread.id, quote: thread.quote, status: thread.status, comments: entries })
  }
  const characters = await workCharacters(services, work.document_id)
  const seesTotal = role !== 'author' || view.status === 'reviewed'
  return {
    assignment: await presentAssignment(store, assignment, manages),
    documentId: work.document_id,
    authorName: names.get(work.user_id) ?? '',
    role,
    status: view.status,
    reviewState: view.reviewState ?? 'draft',
    late: Boolean(work.late),
    submittedAt: work.submitted_at,
    characters,
    lengthCheck: lengthCheck(characters, { min: assignment.row.min_chars, max: assignment.row.max_chars }),
    reviewers: view.reviewerIds.map((id) => ({ id: aliases.has(id) ? null : id, name: alias(id), alias: parts(id) })),
    sheets: visible.map((s) => ({ reviewerId: aliases.has(s.reviewerId) ? null : s.reviewerId, reviewerName: alias(s.reviewerId), reviewerAlias: parts(s.reviewerId), complete: s.complete, total: s.total, scores: s.scores })),
    total: seesTotal ? view.total : null,
    tied,
    canScore: isReviewer && work.submitted_at !== null,
  }
}
