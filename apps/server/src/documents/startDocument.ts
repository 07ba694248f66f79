import { fillTemplateBody } from '@dongbi/gongwen'
import { replaceBody, type DocumentKind } from '@dongbi/schema'
import { newId } from '../auth/secretToken.ts'
import { ApiError } from '../http/ApiError.ts'
import type { Services } from '../http/ContextVariables.ts'
import type { UserRow } from '../store/UserStore.ts'
import type { DocumentRecord } from '../store/Store.ts'
import { resolveTemplate } from '../templates/resolveTemplate.ts'

export interface StartDocumentOptions {
  user: UserRow
  title?: string
  /** Owned by the branch instead of the user (支部文档). */
  branchId?: string | null
  kind?: DocumentKind
  /** Seed the body from this template; its kind and title are the defaults. */
  templateId?: string | null
}

/**
 * Creates a document, seeded from a template when one is named. Every way of starting a
 * piece of writing (the 新建 button, an assignment, a journal entry) comes through here.
 */
export async function startDocument({ store, collab }: Pick<Services, 'store' | 'collab'>, options: StartDocumentOptions): Promise<DocumentRecord> {
  const { user, branchId = null, templateId = null } = options
  const template = templateId ? await resolveTemplate(store, user, templateId) : undefined
  if (templateId && !template) throw new ApiError('invalid_request', '没有这个模板 (no such template)')
  const title = options.title ?? template?.title ?? '未命名文档'
  const record = await store.createDocument({
    id: newId(),
    title,
    ownerId: branchId ? null : user.id,
    branchId,
    kind: options.kind ?? template?.kind ?? 'free',
    templateId: template?.id ?? null,
  })
  if (template) {
    const body = fillTemplateBody(template.body, new Date())
    await collab.changeDocument(record.id, (doc) => replaceBody(doc, body as unknown as Record<string, unknown>))
  }
  return record
}
