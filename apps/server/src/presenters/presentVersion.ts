import type { VersionDto } from '@dongbi/schema'
import type { VersionSummary } from '../store/VersionStore.ts'

/** What the API shows of a version (never its content; see the content route). */
export function presentVersion(row: VersionSummary): VersionDto {
  return {
    id: row.id,
    documentId: row.document_id,
    number: row.number,
    kind: row.kind,
    name: row.name,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    characters: row.characters,
  }
}
