import { resolveSuggestions, type SuggestionAttrs } from '@dongbi/schema'
import { Extension } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Selection, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { suggestChanges, type Suggester } from './suggestChanges.ts'

export const suggestionModeKey = new PluginKey('suggestionMode')

export interface SuggestionModeStorage {
  /** While on, the user's edits become suggestions. */
  suggesting: boolean
  /** Whose suggestions they are. */
  author: Suggester
}

declare module '@tiptap/core' {
  interface Storage {
    suggestionMode: SuggestionModeStorage
  }
  interface Commands<ReturnType> {
    suggestionMode: {
      /** Turns suggestion mode (建议模式) on or off. */
      setSuggesting: (on: boolean) => ReturnType
      /** Sets whose suggestions new ones are. */
      setSuggestionAuthor: (author: Suggester) => ReturnType
      acceptSuggestion: (id: string) => ReturnType
      rejectSuggestion: (id: string) => ReturnType
      acceptAll: () => ReturnType
      rejectAll: () => ReturnType
    }
  }
}

const byId = (id: string) => (mark: { attrs: Record<string, unknown> }) => (mark.attrs as unknown as SuggestionAttrs).id === id

/**
 * Suggestion mode (修改建议): while `suggesting`, every local change is rewritten by
 * {@link suggestChanges} in the same update, so only suggestions reach Yjs. Remote changes
 * and undo/redo (which arrive through Yjs) pass untouched.
 *
 * IME: while a composition is open its intermediate text stays unmarked (re-rendering the
 * composing text would break the IME; CompositionGuard keeps it from Yjs meanwhile); the
 * whole composition becomes one suggestion on the first transaction after it ends —
 * CompositionGuard dispatches one (`compositionEndMeta`) before it sends.
 *
 * Accepting and rejecting are plain commands here; who may do it is decided by the page and
 * enforced by the server.
 */
export const SuggestionMode = Extension.create<Record<string, never>, SuggestionModeStorage>({
  name: 'suggestionMode',

  addStorage() {
    return { suggesting: false, author: { authorId: '', authorName: '' } }
  },

  addCommands() {
    const resolve =
      (accept: boolean, only?: (mark: { attrs: Record<string, unknown> }) => boolean) =>
      ({ tr, dispatch }: { tr: Transaction; dispatch?: unknown }) => {
        if (dispatch) resolveSuggestions(tr, { accept, only }).setMeta(suggestionModeKey, 'resolve')
        return true
      }
    return {
      // Settings, not document changes: nothing to dispatch.
      setSuggesting:
        (on) =>
        ({ tr }) => {
          this.storage.suggesting = on
          tr.setMeta('preventDispatch', true)
          return true
        },
      setSuggestionAuthor:
        (author) =>
        ({ tr }) => {
          this.storage.author = author
          tr.setMeta('preventDispatch', true)
          return true
        },
      acceptSuggestion: (id) => resolve(true, byId(id)),
      rejectSuggestion: (id) => resolve(false, byId(id)),
      acceptAll: () => resolve(true),
      rejectAll: () => resolve(false),
    }
  },

  addProseMirrorPlugins() {
    const storage = this.storage
    let view: EditorView | undefined
    /** The document and selection before an open IME composition's first change. */
    let pending: { doc: Node; selection: Selection } | null = null
    return [
      new Plugin({
        key: suggestionModeKey,
        view: (editorView) => {
          view = editorView
          return { destroy: () => (view = undefined) }
        },
        appendTransaction(transactions, oldState, newState) {
          if (!storage.suggesting) {
            pending = null
            return null
          }
          // Yjs re-renders from its own state, which never saw unsent local changes.
          if (transactions.some((tr) => (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin)) {
            pending = null
            return null
          }
          const local = transactions.some((tr) => tr.docChanged && !tr.getMeta(suggestionModeKey))
          if (view?.composing) {
            if (local && !pending) pending = { doc: oldState.doc, selection: oldState.selection }
            return null
          }
          // The first transaction after a composition (at the latest CompositionGuard's
          // `compositionEndMeta` one) rewrites all of it.
          const base = pending ?? (local ? { doc: oldState.doc, selection: oldState.selection } : null)
          if (!base) return null
          pending = null
          const tr = suggestChanges(newState, { base: base.doc, baseSelection: base.selection, author: storage.author })
          return tr?.setMeta(suggestionModeKey, 'suggest') ?? null
        },
      }),
    ]
  },
})
