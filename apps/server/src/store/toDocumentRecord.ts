import type { DocumentKind } from '@dongbi/schema'
import type { Database } from './Database.ts'
import type { DocumentRecord } from './Store.ts'

/** The `documents` columns a {@link DocumentRecord} is made of. */
export type DocumentRecordRow = Pick<
  Database['documents'],
  'id' | 'title' | 'created_at' | 'updated_at' | 'deleted_at' | 'owner_id' | 'branch_id' | 'kind' | 'template_id'
>

/** A `documents` row (or a query result carrying its columns) as the record the app uses. */
export function toDocumentRecord(row: DocumentRecordRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    ownerId: row.owner_id,
    branchId: row.branch_id,
    kind: row.kind as DocumentKind,
    templateId: row.template_id,
  }
}
