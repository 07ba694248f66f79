import { editorSchema } from '@dongbi/schema'
import type { VersionRow } from '../store/VersionStore.ts'

/** A stored version's body as a ProseMirror node (the type is inferred: the server does not depend on @tiptap/pm). */
export function versionNode(row: Pick<VersionRow, 'content'>) {
  return editorSchema().nodeFromJSON(JSON.parse(row.content))
}
