import { builtinTemplates } from '@dongbi/gongwen'
import { Hono } from 'hono'
import { requireUser } from '../../http/requireUser.ts'
import { presentBranchTemplate, presentBuiltinTemplate } from '../../presenters/presentTemplate.ts'

/** `/api/templates`: the built-in templates, then those of the caller's branches. */
export const templates = new Hono().get('/', async (c) => {
  const { user } = requireUser(c)
  const { store } = c.var.services
  const branchIds = (await store.users.memberships(user.id)).map((m) => m.branchId)
  const own = await store.templates.forBranches(branchIds)
  return c.json({ templates: [...builtinTemplates.map(presentBuiltinTemplate), ...own.map((row) => presentBranchTemplate(row, row.branch_name))] })
})
