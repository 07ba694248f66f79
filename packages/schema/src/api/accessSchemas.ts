import { z } from 'zod'

/** What a share grants. 可编辑 edit ⊃ 可评论 comment ⊃ 只读 view. */
export const shareLevel = z.enum(['edit', 'comment', 'view'])
export type ShareLevel = z.infer<typeof shareLevel>

/**
 * Someone's access to one document: a share level, or `owner` (the owner, the secretary of an
 * owning branch, an org admin) who may also share, trash and restore it.
 */
export type DocumentAccess = 'owner' | ShareLevel

const rank: Record<DocumentAccess, number> = { view: 1, comment: 2, edit: 3, owner: 4 }

/** True when `access` includes everything `needed` does. */
export function accessAtLeast(access: DocumentAccess | null | undefined, needed: DocumentAccess): boolean {
  return access != null && rank[access] >= rank[needed]
}

/** The greater of two accesses. */
export function maxAccess(a: DocumentAccess | null, b: DocumentAccess | null): DocumentAccess | null {
  if (!a) return b
  if (!b) return a
  return rank[a] >= rank[b] ? a : b
}

/** A person's role in a branch: 党员 member, mentor (reviews writing), 支部书记 secretary. */
export const branchRole = z.enum(['member', 'mentor', 'secretary'])
export type BranchRole = z.infer<typeof branchRole>

export const userId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a user id')
export const branchId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a branch id')

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '用户名为 2–32 位小写字母、数字、点、下划线或连字符')

/** Any printable text from 8 to 1,024 characters; long passphrases are welcome. */
export const password = z.string().min(8, '密码至少 8 位').max(1024, '密码最长 1024 位')

export const displayName = z
  .string()
  .trim()
  .min(1, '姓名不能为空')
  .max(40, '姓名最长 40 字')
  .refine((name) => !/[\u0000-\u001f\u007f<>]/.test(name), '姓名不能包含控制字符或尖括号')

export const birthYear = z.number().int().min(1900).max(2100)
