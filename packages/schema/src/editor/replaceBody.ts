import { updateYFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { editorSchema } from './editorSchema.ts'
import { bodyFragmentName } from './fragmentName.ts'

/**
 * Makes a Y.Doc's body equal to `json` (ProseMirror JSON) as one ordinary Yjs change. It goes
 * through y-prosemirror's own editor → Yjs sync step, which keeps the blocks and text that
 * did not change: only what differs is deleted and inserted, so anchors (comments, cursors)
 * on untouched text survive a restore.
 */
export function replaceBody(ydoc: Y.Doc, json: Record<string, unknown>): void {
  const node = editorSchema().nodeFromJSON(json)
  updateYFragment(ydoc, ydoc.getXmlFragment(bodyFragmentName), node, { mapping: new Map(), isOMark: new Map() })
}
