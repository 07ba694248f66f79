import type { Allocation, Audience } from '@dongbi/schema'
import { ApiError } from '../http/ApiError.ts'
import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'
import { resolveTemplate } from '../templates/resolveTemplate.ts'

/**
 * Refuses (400) an assignment that could not work: a template that does not exist, chosen
 * people outside the branch, a fixed reviewer who is not a mentor or secretary of the branch,
 * or round-robin in a branch without mentors.
 */
export async function checkAssignmentSetup(
  store: Store,
  user: UserRow,
  { branchId, templateId, audience, allocation }: { branchId: string; templateId?: string | null; audience?: Audience; allocation?: Allocation },
): Promise<void> {
  if (templateId && !(await resolveTemplate(store, user, templateId))) throw new ApiError('invalid_request', '没有这个模板 (no such template)')
  const members = await store.branches.members(branchId)
  const inBranch = new Map(members.filter((m) => !m.disabled).map((m) => [m.userId, m]))
  if (audience?.type === 'members' && audience.userIds.some((id) => !inBranch.has(id))) {
    throw new ApiError('invalid_request', '只能选择本支部的人 (chosen people must be in the branch)')
  }
  if (allocation?.type === 'mentor') {
    const role = inBranch.get(allocation.mentorId)?.role
    if (role !== 'mentor' && role !== 'secretary') throw new ApiError('invalid_request', '审阅人须是本支部的导师或书记 (the reviewer must be a mentor of the branch)')
  }
  if (allocation?.type === 'round-robin' && ![...inBranch.values()].some((m) => m.role === 'mentor')) {
    throw new ApiError('invalid_request', '本支部还没有导师，无法轮流分配 (the branch has no mentors)')
  }
}
