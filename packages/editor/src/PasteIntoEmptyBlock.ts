import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/**
 * Pasting into an empty paragraph keeps the first pasted block's type and alignment.
 *
 * ProseMirror merges the first pasted block into the block at the cursor, so the centred
 * title of a 公文 copied from Word would arrive as a plain left-aligned paragraph. When the
 * cursor's block is empty there is nothing of the user's to keep, so take the pasted one's.
 */
export const PasteIntoEmptyBlock = Extension.create({
  name: 'pasteIntoEmptyBlock',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteIntoEmptyBlock'),
        props: {
          handlePaste(view, _event, slice) {
            const { $from, empty } = view.state.selection
            const first = slice.content.firstChild
            if (!empty || !$from.parent.isTextblock || $from.parent.content.size > 0) return false
            if (slice.openStart === 0 || !first?.isTextblock) return false
            const start = $from.before()
            const tr = view.state.tr.replaceSelection(slice)
            const target = tr.doc.nodeAt(tr.mapping.map(start, -1))
            if (target?.isTextblock && first.type.validContent(target.content)) {
              tr.setNodeMarkup(tr.mapping.map(start, -1), first.type, first.attrs)
            }
            view.dispatch(tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'))
            return true
          },
        },
      }),
    ]
  },
})
