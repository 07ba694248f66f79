import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

/** The parts of y-tiptap's ProsemirrorBinding this guard wraps. */
interface Binding {
  type: { observeDeep(f: unknown): void; unobserveDeep(f: unknown): void }
  doc: { transact(f: () => void, origin: unknown): void }
  mux: (f: () => void) => void
  _observeFunction: (...args: unknown[]) => void
  _prosemirrorChanged: (doc: unknown) => void
  _forceRerender: () => void
}

/** Meta of the (empty) transaction dispatched when a composition ends, before its text is sent. */
export const compositionEndMeta = 'dongbiCompositionEnd'

/**
 * Holds collaboration sync still while an IME composition is open.
 *
 * ProseMirror puts the composing text (拼音 like "nihao") into its document as you type; the
 * Yjs binding would send every intermediate state to everyone, and a remote change arriving
 * mid-composition would re-render the paragraph and break the IME. While `view.composing`,
 * local changes stay local and remote ones wait; at `compositionend` the committed text is
 * sent and waiting remote changes are rendered. Just before sending, an empty transaction
 * with {@link compositionEndMeta} lets plugins (suggestion mode) rewrite the committed text.
 */
export const CompositionGuard = Extension.create({
  name: 'compositionGuard',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('compositionGuard'),
        view: (view: EditorView) => {
          const binding = ySyncPluginKey.getState(view.state)?.binding as Binding | undefined
          if (!binding) return {}
          let localPending = false
          let remotePending = false

          const sendLocal = binding._prosemirrorChanged.bind(binding)
          binding._prosemirrorChanged = (doc) => {
            if (view.composing) localPending = true
            else sendLocal(doc)
          }
          const renderRemote = binding._observeFunction
          const guardedRemote = (...args: unknown[]) => {
            if (view.composing) remotePending = true
            else renderRemote(...args)
          }
          binding.type.unobserveDeep(renderRemote)
          binding._observeFunction = guardedRemote
          binding.type.observeDeep(guardedRemote)

          const handleCompositionEnd = () => {
            // ProseMirror reads the committed text just after the event; follow it.
            setTimeout(() => {
              if (view.isDestroyed || view.composing) return
              if (localPending) {
                localPending = false
                view.dispatch(view.state.tr.setMeta(compositionEndMeta, true))
                binding.mux(() => sendLocal(view.state.doc))
              }
              if (remotePending) {
                remotePending = false
                binding._forceRerender()
              }
            }, 30)
          }
          view.dom.addEventListener('compositionend', handleCompositionEnd)
          return {
            destroy: () => view.dom.removeEventListener('compositionend', handleCompositionEnd),
          }
        },
      }),
    ]
  },
})
