import { IncrementalChecker } from '@dongbi/gongwen'
import type { DocumentKind } from '@dongbi/schema'
import { Extension } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { DecorationSet, type EditorView } from '@tiptap/pm/view'
import { getLocale } from '../i18n/locale.ts'
import type { EditorFinding } from './EditorFinding.ts'
import { decorateFindings, placeFindings } from './placeFindings.ts'

export interface FormatCheckSettings {
  /** The document kind to check as; null switches checking off. */
  kind: DocumentKind | null
  /** Practice rules the branch switched off. */
  disabledRules: string[]
}

interface FormatCheckState extends FormatCheckSettings {
  findings: EditorFinding[]
  decorations: DecorationSet
  /** Changes arrived while an IME composition was open: check again when it ends. */
  stale: boolean
}

export const formatCheckKey = new PluginKey<FormatCheckState>('formatCheck')

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    formatCheck: {
      /** Checks the document as `kind` (null: off), without the given practice rules. */
      setFormatCheck: (settings: FormatCheckSettings) => ReturnType
      /** Applies a finding's one-click fix (一键修正), if the text it was computed on is still there. */
      applyFormatFix: (finding: EditorFinding) => ReturnType
    }
  }
}

export interface FormatCheckOptions {
  /** Called with the findings after every check that changed them. */
  onFindings: (findings: EditorFinding[]) => void
}

/**
 * The 公文 format checker in the editor: after every change the document's blocks go through
 * an IncrementalChecker (only edited paragraphs are checked again) and findings are underlined —
 * wavy red for errors, amber for warnings, the message as a tooltip. While an IME composition
 * is open (拼音 not yet committed) the underlines only move with the text; the check runs when
 * the composition ends.
 */
export const FormatCheck = Extension.create<FormatCheckOptions>({
  name: 'formatCheck',

  addOptions() {
    return { onFindings: () => {} }
  },

  addCommands() {
    return {
      setFormatCheck:
        (settings) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(formatCheckKey, { settings })
          return true
        },
      applyFormatFix:
        (finding) =>
        ({ state, tr, dispatch }) => {
          const fix = finding.fix
          if (!fix || fix.to > state.doc.content.size) return false
          // Only if the finding is current: the text it points at has not changed since.
          if (state.doc.textBetween(finding.from, finding.to, '\n', '\n') !== finding.text) return false
          if (dispatch) {
            if (fix.insert) tr.insertText(fix.insert, fix.from, fix.to)
            else tr.delete(fix.from, fix.to)
          }
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    const checker = new IncrementalChecker()
    const onFindings = this.options.onFindings
    let composing = false
    const recheck = (doc: Node, settings: FormatCheckSettings): FormatCheckState => {
      const findings = placeFindings(doc, checker, { ...settings, english: getLocale() === 'en' })
      return { ...settings, findings, decorations: decorateFindings(doc, findings), stale: false }
    }
    return [
      new Plugin<FormatCheckState>({
        key: formatCheckKey,
        state: {
          init: () => ({ kind: null, disabledRules: [], findings: [], decorations: DecorationSet.empty, stale: false }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(formatCheckKey) as { settings?: FormatCheckSettings; recheck?: boolean } | undefined
            if (meta?.settings) return recheck(state.doc, meta.settings)
            if (meta?.recheck && value.kind) return recheck(state.doc, value)
            if (!tr.docChanged || !value.kind) return value
            if (composing) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), stale: true }
            return recheck(state.doc, value)
          },
        },
        props: {
          decorations: (state) => formatCheckKey.getState(state)?.decorations,
        },
        view: (view: EditorView) => {
          const start = () => (composing = true)
          const end = () => {
            composing = false
            // ProseMirror reads the committed text just after the event.
            setTimeout(() => {
              if (!view.isDestroyed && !view.composing && formatCheckKey.getState(view.state)?.stale) view.dispatch(view.state.tr.setMeta(formatCheckKey, { recheck: true }))
            }, 40)
          }
          view.dom.addEventListener('compositionstart', start)
          view.dom.addEventListener('compositionend', end)
          return {
            update: (view, previous) => {
              const now = formatCheckKey.getState(view.state)
              if (now && now.findings !== formatCheckKey.getState(previous)?.findings) onFindings(now.findings)
            },
            destroy: () => {
              view.dom.removeEventListener('compositionstart', start)
              view.dom.removeEventListener('compositionend', end)
            },
          }
        },
      }),
    ]
  },
})
