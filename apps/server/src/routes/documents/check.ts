import { Hono } from 'hono'
import { checkStoredDocument } from '../../checker/checkStoredDocument.ts'
import { findDocument } from './findDocument.ts'

/** `/api/documents/:id/check`: the 公文 format check of the document's current text (view access). */
export const check = new Hono().get('/:id/check', async (c) => {
  const { record } = await findDocument(c, 'view')
  return c.json(await checkStoredDocument(c.var.services, record))
})
