import { builtinTemplate, type BodyJson, type Template } from '@dongbi/gongwen'
import { branchTemplatePrefix, documentKind } from '@dongbi/schema'
import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'

/**
 * The template `id` names, if `user` may use it; undefined otherwise. Built-in templates are
 * everyone's; `branch:<id>` templates belong to the members of their branch (and admins).
 */
export async function resolveTemplate(store: Store, user: UserRow, id: string): Promise<Template | undefined> {
  if (!id.startsWith(branchTemplatePrefix)) return builtinTemplate(id)
  const row = await store.templates.byId(id.slice(branchTemplatePrefix.length))
  if (!row) return undefined
  if (!user.is_admin && !(await store.branches.role(row.branch_id, user.id))) return undefined
  return {
    id,
    kind: documentKind.catch('free').parse(row.kind),
    name: row.name,
    description: row.description,
    title: row.title,
    body: JSON.parse(row.body) as BodyJson,
  }
}
