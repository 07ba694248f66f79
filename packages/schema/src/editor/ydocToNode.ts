import type { Node } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { editorSchema } from './editorSchema.ts'
import { bodyFragmentName } from './fragmentName.ts'

/** Reads the document body of a Y.Doc as a ProseMirror node, without a DOM. */
export function ydocToNode(ydoc: Y.Doc): Node {
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(bodyFragmentName), editorSchema())
}
