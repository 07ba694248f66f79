import {
  CloseCode,
  contentQuery,
  countCharacters,
  createDocumentBody,
  documentId,
  listDocumentsQuery,
  nodeToHtml,
  nodeToText,
  updateDocumentBody,
  ydocToNode,
  type DocumentContentDto,
} from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson, parseQuery } from '../../http/parseJson.ts'
import type { DocumentRecord } from '../../store/Store.ts'
import { newDocumentId } from './newDocumentId.ts'
import { presentDocument } from './presentDocument.ts'

async function findDocument(c: Context): Promise<DocumentRecord> {
  const id = c.req.param('id') ?? ''
  const record = documentId.safeParse(id).success ? await c.var.services.store.getDocument(id) : undefined
  if (!record) throw new ApiError('not_found', `没有这个文档 (no document ${JSON.stringify(id)})`)
  return record
}

function assertLive(record: DocumentRecord): void {
  if (record.deletedAt) throw new ApiError('conflict', '文档在回收站中，请先恢复 (document is in the trash)')
}

/** `/api/documents`: list, create, rename, move to and restore from the trash, purge, read content. */
export const documents = new Hono()
  .get('/', async (c) => {
    const { deleted } = parseQuery(c, listDocumentsQuery)
    const records = await c.var.services.store.listDocuments({ deleted: deleted === 'true' })
    return c.json({ documents: records.map(presentDocument) })
  })
  .post('/', async (c) => {
    const { title } = await parseJson(c, createDocumentBody)
    const record = await c.var.services.store.createDocument({ id: newDocumentId(), title })
    return c.json(presentDocument(record), 201)
  })
  .get('/:id', async (c) => c.json(presentDocument(await findDocument(c))))
  .patch('/:id', async (c) => {
    const record = await findDocument(c)
    assertLive(record)
    const { title } = await parseJson(c, updateDocumentBody)
    const updated = await c.var.services.store.updateDocument(record.id, { title })
    return c.json(presentDocument(updated!))
  })
  .delete('/:id', async (c) => {
    const record = await findDocument(c)
    if (record.deletedAt) return c.json(presentDocument(record))
    const updated = await c.var.services.store.updateDocument(record.id, { deletedAt: new Date().toISOString(), touch: false })
    c.var.services.collab.closeDocument(record.id, CloseCode.DocumentNotFound, 'document deleted')
    return c.json(presentDocument(updated!))
  })
  .post('/:id/restore', async (c) => {
    const record = await findDocument(c)
    const updated = await c.var.services.store.updateDocument(record.id, { deletedAt: null, touch: false })
    return c.json(presentDocument(updated!))
  })
  .delete('/:id/permanent', async (c) => {
    const record = await findDocument(c)
    if (!record.deletedAt) throw new ApiError('conflict', '只能彻底删除回收站中的文档 (move it to the trash first)')
    await c.var.services.collab.discardDocument(record.id)
    await c.var.services.store.purgeDocument(record.id)
    return c.body(null, 204)
  })
  .get('/:id/content', async (c) => {
    const record = await findDocument(c)
    const { format } = parseQuery(c, contentQuery)
    const node = ydocToNode(await c.var.services.collab.readDocument(record.id))
    const text = nodeToText(node)
    const content = format === 'json' ? node.toJSON() : format === 'text' ? text : nodeToHtml(node)
    const body: DocumentContentDto = { id: record.id, format, content, characters: countCharacters(text).total }
    return c.json(body)
  })
