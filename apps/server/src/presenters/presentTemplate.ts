import type { Template } from '@dongbi/gongwen'
import { branchTemplatePrefix, documentKind, documentKindInfo, type TemplateDto } from '@dongbi/schema'
import type { BranchTemplateRow } from '../store/TemplateStore.ts'

/** A built-in template for the picker, grouped as 公文 or 常用文书. */
export function presentBuiltinTemplate(t: Template): TemplateDto {
  const group = documentKindInfo[t.kind].gongwen ? 'gongwen' : 'everyday'
  return { id: t.id, kind: t.kind, name: t.name, description: t.description, title: t.title, group, branchId: null, branchName: null, createdAt: null }
}

/** A branch's template for the picker (本支部模板), without its body. */
export function presentBranchTemplate(row: Omit<BranchTemplateRow, 'body'>, branchName: string): TemplateDto {
  return {
    id: `${branchTemplatePrefix}${row.id}`,
    kind: documentKind.catch('free').parse(row.kind),
    name: row.name,
    description: row.description,
    title: row.title,
    group: 'branch',
    branchId: row.branch_id,
    branchName,
    createdAt: row.created_at,
  }
}
