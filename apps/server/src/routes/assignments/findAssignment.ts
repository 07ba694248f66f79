import type { Context } from 'hono'
import { ApiError } from '../../http/ApiError.ts'
import { requireUser } from '../../http/requireUser.ts'
import { parseAssignment, type Assignment } from '../../assignments/parseAssignment.ts'
import { assignmentAccess } from '../../policies/assignmentAccess.ts'
import type { UserRow } from '../../store/UserStore.ts'

export interface FoundAssignment {
  assignment: Assignment
  access: 'manage' | 'addressed' | 'reviewer'
  user: UserRow
}

/** The assignment named by `:id`, if the caller has anything to do with it; otherwise 404 like a missing one. */
export async function findAssignment(c: Context): Promise<FoundAssignment> {
  const { user } = requireUser(c)
  const { store } = c.var.services
  const id = c.req.param('id') ?? ''
  const row = /^[A-Za-z0-9_-]{8,64}$/.test(id) ? await store.assignments.byId(id) : undefined
  const access = row ? await assignmentAccess(store, user, row) : null
  if (!row || !access) throw new ApiError('not_found', '没有这个作业 (no such assignment)')
  return { assignment: parseAssignment(row), access, user }
}

/** Only the setter, admins and the branch's secretaries and mentors. */
export function requireManage(found: FoundAssignment): void {
  if (found.access !== 'manage') throw new ApiError('forbidden', '只有布置作业的人、支部书记和导师可以这样做 (setters only)')
}
