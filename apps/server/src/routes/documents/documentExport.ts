import { exportQuery, ydocToNode } from '@dongbi/schema'
import { Hono } from 'hono'
import { contentDisposition } from '../../export/contentDisposition.ts'
import { exportDocument } from '../../export/exportDocument.ts'
import { parseQuery } from '../../http/parseJson.ts'
import { findDocument } from './findDocument.ts'

/** `/api/documents/:id/export`: Word, Markdown or the print view, for anyone who may read the document. */
export const documentExport = new Hono().get('/:id/export', async (c) => {
  const { record } = await findDocument(c, 'view')
  const { format, download } = parseQuery(c, exportQuery)
  const { store, collab } = c.var.services
  const node = ydocToNode(await collab.readDocument(record.id))
  const owner = record.ownerId ? await store.users.byId(record.ownerId) : undefined
  const author = owner?.display_name ?? (record.branchId ? (await store.branches.byId(record.branchId))?.name : undefined)
  const file = exportDocument({ node, title: record.title, kind: record.kind, format, updatedAt: record.updatedAt, ...(author ? { author } : {}) })
  // The print view opens in the browser; files download.
  const disposition = format === 'html' && download !== '1' ? 'inline' : 'attachment'
  c.header('Content-Type', file.contentType)
  c.header('Content-Disposition', contentDisposition(disposition, file.fileName))
  c.header('Cache-Control', 'private, no-store')
  return c.body(typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>))
})
