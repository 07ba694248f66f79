import type { Node } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { bodyFragmentName } from './fragmentName.ts'

/**
 * Makes a Y.Doc's body equal `node` by the smallest change y-tiptap finds (elements kept
 * and updated in place, text diffed), as the editor's binding does — so concurrent edits
 * elsewhere in the document survive. For server-side changes and tests.
 */
export function updateYdoc(ydoc: Y.Doc, node: Node): void {
  updateYFragment(ydoc, ydoc.getXmlFragment(bodyFragmentName), node, { mapping: new Map(), isOMark: new Map() })
}
