import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'
import type { AssignmentRow } from '../store/AssignmentStore.ts'
import type { Audience } from '@dongbi/schema'
import { addressedMembers } from '../assignments/addressedMembers.ts'

/**
 * Setting assignments in a branch: `manage` for org admins and the branch's secretaries and
 * mentors; `member` for its other members (may look, not set); null for everyone else, who
 * is told the branch does not exist.
 */
export async function assignmentBranchAccess(store: Store, user: UserRow, branchId: string): Promise<'manage' | 'member' | null> {
  if (user.disabled_at) return null
  if (user.is_admin) return (await store.branches.byId(branchId)) ? 'manage' : null
  const role = await store.branches.role(branchId, user.id)
  if (role === 'secretary' || role === 'mentor') return 'manage'
  return role ? 'member' : null
}

/**
 * One assignment: `manage` (its setter, an admin, the branch's secretaries and mentors: edit,
 * close, dashboard), `addressed` (asked to write it), `reviewer` (allocated to review someone's
 * work), or null — a 404, as if it did not exist.
 */
export async function assignmentAccess(store: Store, user: UserRow, assignment: AssignmentRow): Promise<'manage' | 'addressed' | 'reviewer' | null> {
  if (user.disabled_at) return null
  if (assignment.created_by === user.id) return 'manage'
  const branch = await assignmentBranchAccess(store, user, assignment.branch_id)
  if (branch === 'manage') return 'manage'
  if (await store.assignments.work(assignment.id, user.id)) return 'addressed'
  if (branch === 'member') {
    const addressed = await addressedMembers(store, assignment.branch_id, JSON.parse(assignment.audience) as Audience)
    if (addressed.some((m) => m.userId === user.id)) return 'addressed'
  }
  const reviewing = await store.assignments.reviewing(user.id)
  return reviewing.includes(assignment.id) ? 'reviewer' : null
}
