import { branchTemplatePrefix, createBranchTemplateBody, withoutSuggestions, ydocToNode } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { newId } from '../../auth/secretToken.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { documentAccess } from '../../policies/documentAccess.ts'
import { presentBranchTemplate } from '../../presenters/presentTemplate.ts'
import type { BranchRow } from '../../store/BranchStore.ts'

/** Largest template body kept, as JSON text: a template is a starting structure, not a book. */
const maxBodyChars = 256 * 1024

/**
 * The branch named by `:id` if the caller may manage its templates: its secretaries and
 * mentors, and admins. Other members get 403; outsiders the same 404 as a missing branch.
 */
async function branchForTemplates(c: Context): Promise<BranchRow> {
  const { user } = requireUser(c)
  const { store } = c.var.services
  const branch = await store.branches.byId(c.req.param('id') ?? '')
  const role = branch ? await store.branches.role(branch.id, user.id) : undefined
  if (!branch || (!role && !user.is_admin)) throw new ApiError('not_found', '没有这个支部 (no such branch)')
  if (!user.is_admin && role !== 'secretary' && role !== 'mentor') {
    throw new ApiError('forbidden', '只有支部书记、导师或管理员可以管理支部模板 (secretaries, mentors and admins only)')
  }
  return branch
}

/** `/api/branches/:id/templates`: a branch's own templates, saved from a document. */
export const branchTemplates = new Hono()
  .post('/:id/templates', async (c) => {
    const branch = await branchForTemplates(c)
    const { name, kind, description, documentId } = await parseJson(c, createBranchTemplateBody)
    const { store, collab } = c.var.services
    const user = c.var.principal!.user
    const record = await store.getDocument(documentId)
    // A document the caller cannot read is answered like a missing one.
    if (!record || record.deletedAt || !(await documentAccess(store, user, record))) throw new ApiError('invalid_request', '没有这个文档 (no such document)')
    const body = JSON.stringify(withoutSuggestions(ydocToNode(await collab.readDocument(record.id))).toJSON())
    if (body.length > maxBodyChars) throw new ApiError('payload_too_large', '文档太长，不能存为模板 (document too long for a template)')
    const row = { id: newId(), branch_id: branch.id, name, kind, description, title: record.title, body, created_by: user.id, created_at: new Date().toISOString() }
    await store.templates.insert(row)
    await store.audit.record({ actorId: user.id, action: 'template_created', targetType: 'branch', targetId: branch.id, ip: c.var.clientIp, details: { templateId: row.id, name, documentId } })
    return c.json(presentBranchTemplate(row, branch.name), 201)
  })
  .delete('/:id/templates/:templateId', async (c) => {
    const branch = await branchForTemplates(c)
    const raw = c.req.param('templateId')
    const id = raw.startsWith(branchTemplatePrefix) ? raw.slice(branchTemplatePrefix.length) : raw
    const { store } = c.var.services
    if (!(await store.templates.remove(branch.id, id))) throw new ApiError('not_found', '没有这个模板 (no such template)')
    await store.audit.record({ actorId: c.var.principal!.user.id, action: 'template_deleted', targetType: 'branch', targetId: branch.id, ip: c.var.clientIp, details: { templateId: id } })
    return c.body(null, 204)
  })
