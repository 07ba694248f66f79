import type { DocumentAccess, DocumentDto } from '@dongbi/schema'
import type { DocumentRecord } from '../store/Store.ts'

/** What the API shows of a document; `assignment` adds the fields of `documentAssignmentFields` (one document only). */
export function presentDocument(record: DocumentRecord, access: DocumentAccess, assignment: Pick<DocumentDto, 'assignmentId' | 'shownAs'> = {}): DocumentDto {
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
    ...assignment,
  }
}
