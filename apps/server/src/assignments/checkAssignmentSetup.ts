import { branchTemplatePrefix, type Allocation, type Audience, type DocumentKind } from '@dongbi/schema'
import { ApiError } from '../http/ApiError.ts'
import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'
import { resolveTemplate } from '../templates/resolveTemplate.ts'

/**
 * Refuses (400) an assignment that could not work: a template that does not exist, belongs to
 * another branch or is of another type than the assignment (when both are given), chosen
 * people outside the branch, a fixed reviewer who is not a mentor or secretary of the branch,
 * or round-robin in a branch without mentors.
 */
export async function checkAssignmentSetup(
  store: Store,
  user: UserRow,
  { branchId, kind, templateId, audience, allocation }: { branchId: string; kind?: DocumentKind; templateId?: string | null; audience?: Audience; allocation?: Allocation },
): Promise<void> {
  if (templateId) {
    const template = await resolveTemplate(store, user, templateId)
    if (!template) throw new ApiError('invalid_request', '没有这个模板 (no such template)')
    // Members start from it with their own access: another branch's template would be refused them.
    const row = templateId.startsWith(branchTemplatePrefix) ? await store.templates.byId(templateId.slice(branchTemplatePrefix.length)) : undefined
    if (row && row.branch_id !== branchId) throw new ApiError('invalid_request', '只能使用内置模板或本支部的模板 (use a built-in template or one of this branch)')
    if (kind && template.kind !== kind) throw new ApiError('invalid_request', '模板的文种与作业的文种不一致 (the template is of another type)')
  }
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
