import type { ThreadDto } from '@dongbi/schema'
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { resolveAnchor } from './commentAnchor.ts'

interface HighlightState {
  threads: ThreadDto[]
  activeId: string | null
  decorations: DecorationSet
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights')

function build(state: EditorState, threads: ThreadDto[], activeId: string | null): DecorationSet {
  const decorations: Decoration[] = []
  for (const thread of threads) {
    if (thread.status !== 'open') continue
    const range = resolveAnchor(state, thread.anchor, thread.quote)
    if (!range) continue
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: thread.id === activeId ? 'dongbi-comment dongbi-comment--active' : 'dongbi-comment',
        'data-thread-id': thread.id,
      }),
    )
  }
  return DecorationSet.create(state.doc, decorations)
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentHighlights: {
      /** Shows these threads' ranges highlighted; `activeId` is the one opened in the panel. */
      setCommentThreads: (threads: ThreadDto[], activeId?: string | null) => ReturnType
    }
  }
}

export interface CommentHighlightsOptions {
  /** Called when the user clicks highlighted text. */
  onThreadClick: (threadId: string) => void
}

/**
 * Highlights the text each open comment thread points at. Overlapping threads simply nest.
 * Ranges are re-resolved from their Yjs anchors after every change, so they follow the text.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onThreadClick: () => {} }
  },

  addCommands() {
    return {
      setCommentThreads:
        (threads, activeId = null) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightsKey, { threads, activeId })
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    const onThreadClick = this.options.onThreadClick
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], activeId: null, decorations: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentHighlightsKey) as { threads: ThreadDto[]; activeId: string | null } | undefined
            if (meta) return { ...meta, decorations: build(state, meta.threads, meta.activeId) }
            if (!tr.docChanged || value.threads.length === 0) return value
            // A change that came from Yjs (remote edits, undo/redo): the Y.Doc is already current,
            // so re-resolve the anchors. A local edit reaches Yjs only after this transaction,
            // so map the ranges through it instead (their ends do not grow when typing at them).
            const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin
            if (fromYjs) return { ...value, decorations: build(state, value.threads, value.activeId) }
            return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, _pos, event) {
            const target = (event.target as HTMLElement | null)?.closest?.('[data-thread-id]')
            const id = target?.getAttribute('data-thread-id')
            if (id) onThreadClick(id)
            return false
          },
        },
      }),
    ]
  },
})
