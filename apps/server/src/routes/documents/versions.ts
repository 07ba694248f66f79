import {
  cleanupSemantic,
  contentQuery,
  createVersionBody,
  diffQuery,
  diffStats,
  diffText,
  nodeToHtml,
  nodeToText,
  renameVersionBody,
  replaceBody,
  versionId,
  type DocumentDiffDto,
  type RestoreResultDto,
  type VersionContentDto,
} from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson, parseQuery } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { presentVersion } from '../../presenters/presentVersion.ts'
import type { VersionRow } from '../../store/VersionStore.ts'
import { snapshotBody } from '../../versions/snapshotBody.ts'
import { versionNode } from '../../versions/versionNode.ts'
import { assertLive, findDocument } from './findDocument.ts'

/** A version of this document by id (404 for a malformed id, another document's, or none). */
async function findVersion(c: Context, documentId: string, id: string): Promise<VersionRow> {
  const row = versionId.safeParse(id).success ? await c.var.services.store.versions.get(documentId, id) : undefined
  if (!row) throw new ApiError('not_found', `没有这个版本 (no version ${JSON.stringify(id)})`)
  return row
}

async function summary(c: Context, documentId: string, id: string) {
  return presentVersion((await c.var.services.store.versions.summary(documentId, id))!)
}

/**
 * `/api/documents/:id/versions` and `/diff`: named and automatic versions, their content,
 * restore (through the live document, as a new change everyone connected follows) and a
 * character diff between any two of them or the current text.
 */
export const versions = new Hono()
  .get('/:id/versions', async (c) => {
    const { record } = await findDocument(c, 'view')
    const rows = await c.var.services.store.versions.list(record.id)
    return c.json({ versions: rows.map(presentVersion) })
  })
  .post('/:id/versions', async (c) => {
    const { record } = await findDocument(c, 'edit')
    assertLive(record)
    const { name } = await parseJson(c, createVersionBody)
    const { store, collab } = c.var.services
    const body = snapshotBody(await collab.readDocument(record.id))
    const row = await store.versions.create({ documentId: record.id, kind: 'named', name, createdBy: requireUser(c).user.id, content: body.json, characters: body.characters })
    return c.json(await summary(c, record.id, row.id), 201)
  })
  .get('/:id/versions/:versionId', async (c) => {
    const { record } = await findDocument(c, 'view')
    const row = await findVersion(c, record.id, c.req.param('versionId'))
    const { format } = parseQuery(c, contentQuery)
    const node = versionNode(row)
    const content = format === 'json' ? (node.toJSON() as Record<string, unknown>) : format === 'text' ? nodeToText(node) : nodeToHtml(node)
    return c.json({ version: await summary(c, record.id, row.id), format, content } satisfies VersionContentDto)
  })
  .patch('/:id/versions/:versionId', async (c) => {
    const { record } = await findDocument(c, 'edit')
    const row = await findVersion(c, record.id, c.req.param('versionId'))
    const { name } = await parseJson(c, renameVersionBody)
    await c.var.services.store.versions.rename(record.id, row.id, name || null)
    return c.json(await summary(c, record.id, row.id))
  })
  .post('/:id/versions/:versionId/restore', async (c) => {
    const { record } = await findDocument(c, 'edit')
    assertLive(record)
    const row = await findVersion(c, record.id, c.req.param('versionId'))
    const { store, collab } = c.var.services
    const current = snapshotBody(await collab.readDocument(record.id))
    const target = versionNode(row).toJSON() as Record<string, unknown>
    if (JSON.stringify(current.json) === JSON.stringify(target)) {
      return c.json({ restored: await summary(c, record.id, row.id), backup: null } satisfies RestoreResultDto)
    }
    // What is replaced stays a version of its own: a restore never loses anything.
    const backup = await store.versions.create({ documentId: record.id, kind: 'before_restore', createdBy: requireUser(c).user.id, content: current.json, characters: current.characters })
    const result = await collab.changeDocument(record.id, (doc) => replaceBody(doc, target))
    if (result === 'too_large') throw new ApiError('payload_too_large', '恢复后文档过大 (the restored document would be too large)')
    return c.json({ restored: await summary(c, record.id, row.id), backup: await summary(c, record.id, backup.id) } satisfies RestoreResultDto)
  })
  .get('/:id/diff', async (c) => {
    const { record } = await findDocument(c, 'view')
    const { from, to } = parseQuery(c, diffQuery)
    const side = async (which: string) => {
      if (which === 'current') return { dto: 'current' as const, text: snapshotBody(await c.var.services.collab.readDocument(record.id)).text }
      const row = await findVersion(c, record.id, which)
      return { dto: await summary(c, record.id, row.id), text: nodeToText(versionNode(row)) }
    }
    const [a, b] = [await side(from), await side(to)]
    // Minimal, then folded for reading: one replaced phrase rather than a comb of single characters.
    const ops = cleanupSemantic(diffText(a.text, b.text))
    return c.json({ from: a.dto, to: b.dto, ops, ...diffStats(ops) } satisfies DocumentDiffDto)
  })
