import type { DocumentAccess, DocumentDto } from '@dongbi/schema'
import type { DocumentRecord } from '../store/Store.ts'

/** What the API shows of a document. */
export function presentDocument(record: DocumentRecord, access: DocumentAccess): DocumentDto {
  return {
    id: record.id,
    title: record.title,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
    ownerId: record.ownerId,
    branchId: record.branchId,
    kind: record.kind,
    access,
  }
}
