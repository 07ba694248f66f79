import { reviewQueueQuery, type ReviewQueueDto } from '@dongbi/schema'
import { Hono } from 'hono'
import { parseQuery } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { documentAccess } from '../../policies/documentAccess.ts'

/** `/api/reviews`: a mentor's queue (documents submitted to me) or an author's (documents I submitted). */
export const reviews = new Hono().get('/', async (c) => {
  const { user } = requireUser(c)
  const { role, state } = parseQuery(c, reviewQueueQuery)
  const { store } = c.var.services
  const rows = await store.reviews.listFor(user.id, { role, state })
  const list: ReviewQueueDto['reviews'] = []
  for (const row of rows) {
    // A reviewer whose access was taken away since no longer sees the document's title.
    const record = await store.getDocument(row.document_id)
    if (!record || !(await documentAccess(store, user, record))) continue
    list.push({
      documentId: row.document_id,
      title: row.title,
      state: row.state,
      reviewerId: row.reviewer_id,
      reviewerName: row.reviewer_name,
      submittedBy: row.submitted_by,
      submittedByName: row.submitted_by_name,
      updatedAt: row.updated_at,
    })
  }
  return c.json({ reviews: list } satisfies ReviewQueueDto)
})
