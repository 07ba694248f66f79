import { baseExtensions, bodyFragmentName, type DocumentKind, countCharacters, finalCloseCodes, helloVersion, listSuggestions, MessageType, nodeToText, type AnchorDto, type CharacterCount, type CollabEvent, type SuggestionSummary, type ThreadDto } from '@dongbi/schema'
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { renderCaret } from '../carets/renderCaret.ts'
import { Placeholder } from '@tiptap/extensions'
import { LitElement, html, type PropertyValues } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { anchorFromRange, resolveAnchor } from '../comments/commentAnchor.ts'
import { CommentHighlights } from '../comments/CommentHighlights.ts'
import { CompositionGuard } from '../CompositionGuard.ts'
import type { EditorFinding, FormatCheckDetail } from '../formatCheck/EditorFinding.ts'
import { FormatCheck, formatCheckKey } from '../formatCheck/FormatCheck.ts'
import { PasteIntoEmptyBlock } from '../PasteIntoEmptyBlock.ts'
import { SuggestionMode } from '../suggestions/SuggestionMode.ts'
import { onLocaleChange, t } from '../i18n/locale.ts'
import { cleanPastedHtml } from '../paste/cleanPastedHtml.ts'
import type { SyncState } from '../sync/SyncState.ts'
import { SyncTracker } from '../sync/SyncTracker.ts'
import { adoptEditorStyles } from './editorStyles.ts'

export interface EditorErrorDetail {
  /** The socket close code (see `CloseCode` in @dongbi/schema). */
  code: number
  reason: string
}

/**
 * The collaborative editor: Tiptap bound to a Y.Doc synced over y-websocket, with offline
 * edits kept in IndexedDB.
 *
 * It renders into the light DOM: ProseMirror's contenteditable inside a shadow root breaks
 * selection and IME input in Safari and Firefox. It renders once; editor transactions never
 * re-render it — state leaves through events.
 *
 * @fires dongbi-ready - `{ editor }` once the Tiptap editor exists.
 * @fires dongbi-sync-state - `SyncState`: 已保存 / 同步中 / 离线 with the unsynced count.
 * @fires dongbi-count - `CharacterCount` of the text, after edits settle.
 * @fires dongbi-error - `{ code, reason }` when the server refuses the document for good.
 * @fires dongbi-read-only - `{ readOnly, suggestOnly }` when the server accepts or refuses this
 *   user's edits; `suggestOnly` (comment access) means the editor stays editable in forced
 *   suggestion mode.
 * @fires dongbi-suggestions - `SuggestionSummary[]`, the document's suggestions, after edits settle.
 * @fires dongbi-document-event - a live `CollabEvent` (comment threads changed) from the server.
 * @fires dongbi-thread-click - `{ threadId }` when highlighted comment text is clicked.
 * @fires dongbi-format-check - `FormatCheckDetail`: the 公文 format checker's findings, after
 *   edits settle (the underlines themselves follow every keystroke).
 */
@customElement('dongbi-editor')
export class DongbiEditor extends LitElement {
  /** Id of the document to open. */
  @property({ attribute: 'document-id' }) documentId = ''
  /** Collaboration endpoint, e.g. `ws://localhost:8420/collab`. */
  @property({ attribute: 'server-url' }) serverUrl = ''
  /** Name shown on this user's caret. */
  @property({ attribute: 'user-name' }) userName = ''
  /** Colour of this user's caret and selection (CSS hex). */
  @property({ attribute: 'user-color' }) userColor = '#2563eb'
  /** Id of the signed-in user, recorded on their suggestions. */
  @property({ attribute: 'user-id' }) userId = ''
  /** Suggestion mode (建议模式): edits become suggestions. Forced on for comment access. */
  @property({ type: Boolean, reflect: true }) suggesting = false
  /** When set, the text cannot be changed here. */
  @property({ type: Boolean, attribute: 'read-only', reflect: true }) readOnly = false
  /** Check the text as this kind of writing with the 公文 format checker; empty: no checking. */
  @property() kind: DocumentKind | '' = ''
  /** Practice rules of the format checker switched off (the branch's settings). */
  @property({ attribute: false }) disabledRules: string[] = []

  /** The Tiptap editor, once ready. */
  editor: Editor | undefined
  /** The shared document, once ready. */
  ydoc: Y.Doc | undefined
  provider: WebsocketProvider | undefined
  private local: IndexeddbPersistence | undefined
  private tracker: SyncTracker | undefined
  private countTimer: ReturnType<typeof setTimeout> | undefined
  private checkTimer: ReturnType<typeof setTimeout> | undefined
  /** Findings carry messages in the UI language: check again when it changes. */
  private stopLocale: (() => void) | undefined
  private syncState: SyncState = { status: 'offline', pending: 0 }
  /** The server said this connection may not edit (view or comment access). */
  private deniedByServer = false
  /** The server accepts only suggestions from this connection (comment access). */
  private suggestOnly = false

  /** Latest sync state (also sent as `dongbi-sync-state`). */
  get sync(): SyncState {
    return this.syncState
  }

  override createRenderRoot(): HTMLElement {
    adoptEditorStyles(this.ownerDocument)
    return this
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.teardown()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    if (this.hasUpdated && !this.editor) this.setup()
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('documentId') || changed.has('serverUrl')) {
      this.teardown()
      this.setup()
      return
    }
    if (changed.has('readOnly') || changed.has('suggesting')) this.applyEditable()
    if (changed.has('kind') || changed.has('disabledRules')) this.applyFormatCheck()
    if (changed.has('userName') || changed.has('userColor') || changed.has('userId')) {
      this.editor?.commands.updateUser({ name: this.displayName, color: this.userColor })
      this.editor?.commands.setSuggestionAuthor({ authorId: this.userId, authorName: this.displayName })
    }
  }

  private get displayName(): string {
    return this.userName || '匿名'
  }

  private handleBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.syncState.pending === 0) return
    event.preventDefault()
    event.returnValue = t('editor.unsyncedWarning')
  }

  /**
   * Editable unless the page asked for read-only or the server refuses our edits; a
   * comment-level connection stays editable in forced suggestion mode.
   */
  private applyEditable(): void {
    const editable = this.suggestOnly || (!this.readOnly && !this.deniedByServer)
    this.editor?.commands.setSuggesting(this.suggestOnly || this.suggesting)
    if (this.editor && this.editor.isEditable !== editable) this.editor.setEditable(editable)
  }

  private applyFormatCheck(): void {
    this.editor?.commands.setFormatCheck({ kind: this.kind || null, disabledRules: this.disabledRules })
  }

  /** The format checker's findings now, in document order. */
  get findings(): EditorFinding[] {
    return this.editor ? (formatCheckKey.getState(this.editor.state)?.findings ?? []) : []
  }

  /** Selects the text a finding points at and scrolls it into view. */
  revealFinding(finding: EditorFinding): void {
    const current = this.findings.find((f) => f.key === finding.key) ?? finding
    this.editor?.chain().focus().setTextSelection({ from: current.from, to: current.to }).scrollIntoView().run()
  }

  /** Applies a finding's one-click fix; false when it has none or the text changed meanwhile. */
  applyFix(finding: EditorFinding): boolean {
    const current = this.findings.find((f) => f.key === finding.key && f.text === finding.text)
    return !!current && !!this.editor?.chain().focus().applyFormatFix(current).run()
  }

  /**
   * Applies every fix there is, one after another (each fix moves the text after it, so the
   * findings are re-read after each); returns how many were applied. A fix that does not make
   * its finding go away (in suggestion mode it becomes a suggestion) is not tried twice.
   */
  applyAllFixes(): number {
    const tried = new Set<string>()
    let applied = 0
    for (;;) {
      const next = this.findings.find((f) => f.fix && !tried.has(`${f.ruleId}:${f.text}:${f.from}`))
      if (!next || !this.editor) break
      tried.add(`${next.ruleId}:${next.text}:${next.from}`)
      if (this.editor.commands.applyFormatFix(next)) applied++
    }
    if (applied > 0) this.editor?.commands.focus()
    return applied
  }

  /** The suggestions in the document now, in document order. */
  get suggestions(): SuggestionSummary[] {
    return this.editor ? listSuggestions(this.editor.state.doc) : []
  }

  /** Scrolls a suggestion into view and puts the cursor at it. */
  revealSuggestion(id: string): void {
    const found = this.suggestions.find((s) => s.id === id)
    if (!found || !this.editor) return
    this.editor.chain().focus().setTextSelection(found.from).scrollIntoView().run()
  }

  private handleStatus = ({ status }: { status: string }): void => {
    // Each connection says afresh whether it is read-only (before its first sync message).
    if (status === 'connecting') this.deniedByServer = this.suggestOnly = false
    // Announce a 动笔 client, so the server sends live events on this socket.
    if (status === 'connected') {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.Hello)
      encoding.writeVarUint(encoder, helloVersion)
      this.provider?.ws?.send(encoding.toUint8Array(encoder))
    }
  }

  /** An anchor and quote for the current selection, or undefined when nothing is selected. */
  anchorForSelection(): { anchor: AnchorDto; quote: string } | undefined {
    const state = this.editor?.state
    if (!state || state.selection.empty) return undefined
    return anchorFromRange(state, state.selection.from, state.selection.to)
  }

  /** Where an anchor's text starts now, or undefined when all of it was deleted. */
  anchorPosition(anchor: AnchorDto, quote?: string): number | undefined {
    return this.editor ? resolveAnchor(this.editor.state, anchor, quote)?.from : undefined
  }

  /** Highlights these threads; `activeId` is the one shown in the panel. */
  showThreads(threads: ThreadDto[], activeId: string | null = null): void {
    this.editor?.commands.setCommentThreads(threads, activeId)
  }

  /** Scrolls a thread's text into view. */
  revealAnchor(anchor: AnchorDto, quote?: string): void {
    const range = this.editor && resolveAnchor(this.editor.state, anchor, quote)
    if (!range || !this.editor) return
    this.editor.view.domAtPos(range.from).node.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }

  private handleSynced = (synced: boolean): void => {
    if (!synced) return
    this.applyEditable()
    this.emit('dongbi-read-only', { readOnly: !this.editor?.isEditable, suggestOnly: this.suggestOnly })
  }

  private handleClose = (event: CloseEvent | null): void => {
    if (!event || !finalCloseCodes.has(event.code)) return
    this.provider?.disconnect()
    this.emit<EditorErrorDetail>('dongbi-error', { code: event.code, reason: event.reason })
  }

  private setup(): void {
    if (!this.documentId || !this.serverUrl) return
    const surface = this.querySelector<HTMLElement>('.dongbi-editor__surface')!
    const ydoc = new Y.Doc()
    this.ydoc = ydoc
    this.local = typeof indexedDB === 'undefined' ? undefined : new IndexeddbPersistence(`dongbi:${this.documentId}`, ydoc)
    const provider = new WebsocketProvider(this.serverUrl, this.documentId, ydoc, { disableBc: true, maxBackoffTime: 5000 })
    this.provider = provider
    provider.on('connection-close', this.handleClose)
    provider.on('status', this.handleStatus)
    provider.on('sync', this.handleSynced)
    provider.messageHandlers[MessageType.Event] = (_encoder, decoder) => {
      try {
        this.emit<CollabEvent>('dongbi-document-event', JSON.parse(decoding.readVarString(decoder)) as CollabEvent)
      } catch {
        // a malformed event is ignored; the next full load will be right
      }
    }
    provider.messageHandlers[MessageType.Auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, ydoc, (_doc, reason) => {
        if (reason.startsWith('refused')) {
          // An update the server would not take (not only suggestions): it stays local.
          console.warn(`dongbi: ${reason}`)
          return
        }
        this.deniedByServer = true
        this.suggestOnly = reason === 'read-only: comment'
        this.applyEditable()
        this.emit('dongbi-read-only', { readOnly: !this.suggestOnly, suggestOnly: this.suggestOnly })
      })
    }
    this.tracker = new SyncTracker(ydoc, provider, this.local ?? null, (state) => {
      this.syncState = state
      this.emit<SyncState>('dongbi-sync-state', state)
    })

    this.editor = new Editor({
      element: surface,
      editable: !this.readOnly,
      extensions: [
        ...baseExtensions(),
        Collaboration.configure({ document: ydoc, field: bodyFragmentName }),
        CollaborationCaret.configure({ provider, user: { name: this.displayName, color: this.userColor }, render: renderCaret }),
        CompositionGuard,
        PasteIntoEmptyBlock,
        SuggestionMode,
        CommentHighlights.configure({ onThreadClick: (threadId) => this.emit('dongbi-thread-click', { threadId }) }),
        FormatCheck.configure({ onFindings: () => this.scheduleCheckEvent() }),
        Placeholder.configure({ placeholder: () => t('editor.placeholder') }),
      ],
      editorProps: {
        attributes: { class: 'dongbi-editor__content', spellcheck: 'false', lang: 'zh-CN' },
        transformPastedHTML: cleanPastedHtml,
      },
      onUpdate: () => this.scheduleCount(),
      onCreate: ({ editor }) => {
        editor.commands.setSuggestionAuthor({ authorId: this.userId, authorName: this.displayName })
        editor.commands.setSuggesting(this.suggesting)
        this.applyFormatCheck()
        this.scheduleCount()
      },
    })
    window.addEventListener('beforeunload', this.handleBeforeUnload)
    this.stopLocale = onLocaleChange(() => this.applyFormatCheck())
    this.emit('dongbi-ready', { editor: this.editor })
  }

  private teardown(): void {
    window.removeEventListener('beforeunload', this.handleBeforeUnload)
    this.stopLocale?.()
    this.stopLocale = undefined
    clearTimeout(this.countTimer)
    clearTimeout(this.checkTimer)
    this.countTimer = this.checkTimer = undefined
    this.tracker?.destroy()
    this.editor?.destroy()
    this.provider?.off('connection-close', this.handleClose)
    this.provider?.off('status', this.handleStatus)
    this.provider?.off('sync', this.handleSynced)
    this.provider?.destroy()
    void this.local?.destroy()
    this.ydoc?.destroy()
    this.editor = this.provider = this.local = this.tracker = this.ydoc = undefined
    this.deniedByServer = this.suggestOnly = false
  }

  /** Counts at most every 150 ms, also while the user keeps typing. */
  private scheduleCount(): void {
    if (this.countTimer !== undefined) return
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined
      if (!this.editor) return
      // Pending suggestions do not count until accepted (see nodeToText).
      this.emit<CharacterCount>('dongbi-count', countCharacters(nodeToText(this.editor.state.doc)))
      this.emit<SuggestionSummary[]>('dongbi-suggestions', this.suggestions)
    }, 150)
  }

  /** Tells the page about the findings at most every 120 ms (a panel re-renders on each). */
  private scheduleCheckEvent(): void {
    if (this.checkTimer !== undefined) return
    this.checkTimer = setTimeout(() => {
      this.checkTimer = undefined
      const findings = this.findings
      const errors = findings.filter((f) => f.severity === 'error').length
      this.emit<FormatCheckDetail>('dongbi-format-check', { findings, errors, warnings: findings.length - errors })
    }, 120)
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }))
  }

  protected override render() {
    return html`<div class="dongbi-editor__surface"></div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-editor': DongbiEditor
  }
  interface HTMLElementEventMap {
    'dongbi-ready': CustomEvent<{ editor: Editor }>
    'dongbi-sync-state': CustomEvent<SyncState>
    'dongbi-count': CustomEvent<CharacterCount>
    'dongbi-error': CustomEvent<EditorErrorDetail>
    'dongbi-read-only': CustomEvent<{ readOnly: boolean; suggestOnly: boolean }>
    'dongbi-suggestions': CustomEvent<SuggestionSummary[]>
    'dongbi-document-event': CustomEvent<CollabEvent>
    'dongbi-thread-click': CustomEvent<{ threadId: string }>
    'dongbi-format-check': CustomEvent<FormatCheckDetail>
  }
}
