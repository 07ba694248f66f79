import type { AssignmentDashboardDto, DashboardRowDto, MemberDto, WorkStatus } from '@dongbi/schema'
import type { Services } from '../http/ContextVariables.ts'
import { documentAccess } from '../policies/documentAccess.ts'
import { presentAssignment } from '../presenters/presentAssignment.ts'
import type { UserRow } from '../store/UserStore.ts'
import { addressedMembers } from './addressedMembers.ts'
import { loadWork } from './loadWork.ts'
import type { Assignment } from './parseAssignment.ts'
import { workCharacters } from './workCharacters.ts'

/**
 * The progress of every addressed member (and anyone who started before the audience
 * changed): status, 字数, reviewers, totals and per-criterion points; and how the finished
 * sheets spread over each criterion's levels. A document link only for those `viewer` may open.
 */
export async function buildDashboard(services: Pick<Services, 'store' | 'collab'>, assignment: Assignment, viewer: UserRow): Promise<AssignmentDashboardDto> {
  const { store } = services
  const id = assignment.row.id
  const people = new Map<string, Pick<MemberDto, 'userId' | 'username' | 'displayName'>>()
  for (const m of await addressedMembers(store, assignment.row.branch_id, assignment.audience)) people.set(m.userId, m)
  for (const work of await store.assignments.works(id)) {
    if (people.has(work.user_id)) continue
    const user = await store.users.byId(work.user_id)
    if (user) people.set(user.id, { userId: user.id, username: user.username, displayName: user.display_name })
  }
  const scores = await store.assignments.scores({ assignmentId: id })
  const names = new Map<string, string>()
  const nameOf = async (userId: string) => {
    if (!names.has(userId)) names.set(userId, (await store.users.byId(userId))?.display_name ?? '')
    return names.get(userId)!
  }
  const counts: Record<WorkStatus, number> = { not_started: 0, drafting: 0, submitted: 0, late: 0, reviewed: 0 }
  const tally = new Map<string, number>()
  const rows: DashboardRowDto[] = []
  for (const person of [...people.values()].sort((a, b) => a.username.localeCompare(b.username))) {
    const view = await loadWork(store, assignment, person.userId, scores)
    counts[view.status] += 1
    const record = view.work ? await store.getDocument(view.work.document_id) : undefined
    const readable = record && !record.deletedAt && (await documentAccess(store, viewer, record))
    const done = view.sheets.filter((s) => s.complete)
    const points: Record<string, number> = {}
    for (const criterion of assignment.rubric) {
      const chosen = done.flatMap((s) => s.scores.filter((x) => x.criterionId === criterion.id))
      for (const x of chosen) tally.set(`${criterion.id}\u0000${x.levelId}`, (tally.get(`${criterion.id}\u0000${x.levelId}`) ?? 0) + 1)
      if (chosen.length) points[criterion.id] = Math.round((chosen.reduce((sum, x) => sum + x.points, 0) / chosen.length) * 10) / 10
    }
    rows.push({
      userId: person.userId,
      username: person.username,
      displayName: person.displayName,
      status: view.status,
      late: Boolean(view.work?.late),
      documentId: readable ? record.id : null,
      characters: record && !record.deletedAt ? await workCharacters(services, record.id) : null,
      submittedAt: view.work?.submitted_at ?? null,
      reviewers: await Promise.all(view.reviewerIds.map(nameOf)),
      total: view.total,
      points,
    })
  }
  return {
    assignment: await presentAssignment(store, assignment, true),
    rows,
    counts,
    distribution: assignment.rubric.map((criterion) => ({
      criterionId: criterion.id,
      name: criterion.name,
      levels: criterion.levels.map((level) => ({ levelId: level.id, label: level.label, points: level.points, count: tally.get(`${criterion.id}\u0000${level.id}`) ?? 0 })),
    })),
  }
}
