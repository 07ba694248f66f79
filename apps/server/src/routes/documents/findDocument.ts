import { accessAtLeast, documentId, type DocumentAccess } from '@dongbi/schema'
import type { Context } from 'hono'
import { ApiError } from '../../http/ApiError.ts'
import { requireUser } from '../../http/requireUser.ts'
import { documentAccess } from '../../policies/documentAccess.ts'
import type { DocumentRecord } from '../../store/Store.ts'

export interface FoundDocument {
  record: DocumentRecord
  access: DocumentAccess
}

/**
 * The document named by `:id` if the caller has at least `needed`. A document they cannot
 * read at all answers 404 exactly like a missing one, so ids cannot be probed.
 */
export async function findDocument(c: Context, needed: DocumentAccess): Promise<FoundDocument> {
  const { user } = requireUser(c)
  const { store } = c.var.services
  const id = c.req.param('id') ?? ''
  const record = documentId.safeParse(id).success ? await store.getDocument(id) : undefined
  const access = record ? await documentAccess(store, user, record) : null
  if (!record || !access) throw new ApiError('not_found', `没有这个文档 (no document ${JSON.stringify(id)})`)
  if (!accessAtLeast(access, needed)) {
    throw new ApiError('forbidden', needed === 'owner' ? '只有所有者可以这样做 (owner only)' : '没有编辑权限 (no permission)')
  }
  return { record, access }
}

/** Refuses changes to a document in the trash (409). */
export function assertLive(record: DocumentRecord): void {
  if (record.deletedAt) throw new ApiError('conflict', '文档在回收站中，请先恢复 (document is in the trash)')
}
