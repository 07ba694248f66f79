import {
  CloseCode,
  contentQuery,
  countCharacters,
  createDocumentBody,
  listDocumentsQuery,
  nodeToHtml,
  nodeToText,
  shareBody,
  updateDocumentBody,
  ydocToNode,
  type DocumentContentDto,
  type ShareDto,
} from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { startDocument } from '../../documents/startDocument.ts'
import { noticeJournalShared } from '../../journal/noticeJournalShared.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson, parseQuery } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { documentAccess } from '../../policies/documentAccess.ts'
import { documentAssignmentFields } from '../../assignments/documentAssignmentFields.ts'
import { anonymousPeers, peerAliases } from '../../policies/peerAnonymity.ts'
import { presentDocument } from '../../presenters/presentDocument.ts'
import { assertLive, findDocument } from './findDocument.ts'

async function granteeName(c: Context, type: 'user' | 'branch', id: string): Promise<string | undefined> {
  const { store } = c.var.services
  if (type === 'user') return (await store.users.byId(id))?.display_name
  return (await store.branches.byId(id))?.name
}

/** `/api/documents`: lists, create, rename, trash and restore, purge, content, shares. */
export const documents = new Hono()
  .get('/', async (c) => {
    const { user } = requireUser(c)
    const { scope, deleted } = parseQuery(c, listDocumentsQuery)
    const { store } = c.var.services
    const managed = (await store.users.memberships(user.id)).filter((m) => m.role === 'secretary').map((m) => m.branchId)
    const records = await store.listDocumentsFor(user.id, deleted === 'true' ? 'trash' : scope, { managedBranchIds: managed })
    const list = await Promise.all(records.map(async (r) => presentDocument(r, (await documentAccess(store, user, r)) ?? 'view')))
    return c.json({ documents: list })
  })
  .post('/', async (c) => {
    const { user } = requireUser(c)
    const { title, branchId, kind, templateId } = await parseJson(c, createDocumentBody)
    const { store } = c.var.services
    // An entry needs its date and tags: it is created by POST /api/journal/entries.
    if (kind === 'journal') throw new ApiError('invalid_request', '学习日志请在学习日志页面创建 (create journal entries with POST /api/journal/entries)')
    if (branchId && !(await store.branches.byId(branchId))) throw new ApiError('invalid_request', '没有这个支部 (no such branch)')
    if (branchId && !user.is_admin && !(await store.branches.role(branchId, user.id))) {
      throw new ApiError('forbidden', '只能在自己的支部创建支部文档 (not a member of that branch)')
    }
    const record = await startDocument(c.var.services, { user, title, branchId: branchId ?? null, kind, templateId })
    return c.json(presentDocument(record, (await documentAccess(store, user, record))!), 201)
  })
  .get('/:id', async (c) => {
    const { record, access } = await findDocument(c, 'view')
    return c.json(presentDocument(record, access, await documentAssignmentFields(c.var.services.store, c.var.principal!.user, record.id)))
  })
  .patch('/:id', async (c) => {
    const { record, access } = await findDocument(c, 'edit')
    assertLive(record)
    const { title } = await parseJson(c, updateDocumentBody)
    const updated = await c.var.services.store.updateDocument(record.id, { title })
    return c.json(presentDocument(updated!, access, await documentAssignmentFields(c.var.services.store, c.var.principal!.user, record.id)))
  })
  .delete('/:id', async (c) => {
    const { record, access } = await findDocument(c, 'owner')
    if (record.deletedAt) return c.json(presentDocument(record, access))
    const updated = await c.var.services.store.updateDocument(record.id, { deletedAt: new Date().toISOString(), touch: false })
    c.var.services.collab.closeDocument(record.id, CloseCode.DocumentNotFound, 'document deleted')
    return c.json(presentDocument(updated!, access))
  })
  .post('/:id/restore', async (c) => {
    const { record, access } = await findDocument(c, 'owner')
    const updated = await c.var.services.store.updateDocument(record.id, { deletedAt: null, touch: false })
    return c.json(presentDocument(updated!, access))
  })
  .delete('/:id/permanent', async (c) => {
    const { record } = await findDocument(c, 'owner')
    if (!record.deletedAt) throw new ApiError('conflict', '只能彻底删除回收站中的文档 (move it to the trash first)')
    await c.var.services.collab.discardDocument(record.id)
    await c.var.services.store.purgeDocument(record.id)
    return c.body(null, 204)
  })
  .get('/:id/content', async (c) => {
    const { record } = await findDocument(c, 'view')
    const { format } = parseQuery(c, contentQuery)
    const node = ydocToNode(await c.var.services.collab.readDocument(record.id))
    const text = nodeToText(node)
    const content = format === 'json' ? node.toJSON() : format === 'text' ? text : nodeToHtml(node)
    const body: DocumentContentDto = { id: record.id, format, content, characters: countCharacters(text).total }
    return c.json(body)
  })
  .get('/:id/shares', async (c) => {
    const { record } = await findDocument(c, 'view')
    const { store } = c.var.services
    const rows = await store.shares.forDocument(record.id)
    // Reviewers get a share on submission: an anonymous peer's is shown by alias (see peerAliases).
    const aliases = await peerAliases(store, c.var.principal!.user, await anonymousPeers(store, record.id))
    const shares: ShareDto[] = await Promise.all(
      rows.map(async (r) => {
        const alias = r.grantee_type === 'user' ? aliases.get(r.grantee_id) : undefined
        if (alias) return { granteeType: r.grantee_type, granteeId: alias.id, granteeName: alias.name, level: r.level, alias: { index: alias.index, of: alias.of } }
        return { granteeType: r.grantee_type, granteeId: r.grantee_id, granteeName: (await granteeName(c, r.grantee_type, r.grantee_id)) ?? '', level: r.level }
      }),
    )
    return c.json({ shares })
  })
  .put('/:id/shares', async (c) => {
    const { record } = await findDocument(c, 'owner')
    const body = await parseJson(c, shareBody)
    const name = await granteeName(c, body.granteeType, body.granteeId)
    if (name === undefined) throw new ApiError('invalid_request', body.granteeType === 'user' ? '没有这个用户 (no such user)' : '没有这个支部 (no such branch)')
    const { store } = c.var.services
    const actor = c.var.principal!.user
    const isNew = !(await store.shares.forDocument(record.id)).some((s) => s.grantee_type === body.granteeType && s.grantee_id === body.granteeId)
    await store.shares.set({ document_id: record.id, grantee_type: body.granteeType, grantee_id: body.granteeId, level: body.level, created_by: actor.id, created_at: new Date().toISOString() })
    await store.audit.record({ actorId: actor.id, action: 'share_set', targetType: 'document', targetId: record.id, ip: c.var.clientIp, details: body })
    await c.var.services.collab.recheck({ documentId: record.id })
    if (isNew) await noticeJournalShared(c.var.services, { record, share: body, actorId: actor.id })
    return c.json({ ...body, granteeName: name } satisfies ShareDto)
  })
  .delete('/:id/shares/:granteeType/:granteeId', async (c) => {
    const { record } = await findDocument(c, 'owner')
    const type = c.req.param('granteeType')
    if (type !== 'user' && type !== 'branch') throw new ApiError('not_found', 'no such share')
    const { store } = c.var.services
    if (!(await store.shares.remove(record.id, type, c.req.param('granteeId')))) throw new ApiError('not_found', '没有这个共享 (no such share)')
    await store.audit.record({ actorId: c.var.principal!.user.id, action: 'share_removed', targetType: 'document', targetId: record.id, ip: c.var.clientIp, details: { granteeType: type, granteeId: c.req.param('granteeId') } })
    await c.var.services.collab.recheck({ documentId: record.id })
    return c.body(null, 204)
  })
