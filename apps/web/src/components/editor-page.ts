import '@dongbi/editor'
import { LocaleController, getLocale, setLocale, t, type DongbiEditor, type Editor, type FormatCheckDetail, type SyncState } from '@dongbi/editor'
import { accessAtLeast, CloseCode, documentKindInfo, collabPath, type CharacterCount, type DocumentDto, type DocumentKind, type WorkContextDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { ApiRequestError, api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { session } from '../session.ts'
import type { DongbiCommentsPanel } from './comments-panel.ts'
import './comments-panel.ts'
import './assignment-panel.ts'
import type { DongbiReviewBar } from './review-bar.ts'
import './suggestions-panel.ts'
import './format-check-panel.ts'
import type { DongbiShareDialog } from './share-dialog.ts'
import './share-dialog.ts'
import './notification-bell.ts'
import './review-bar.ts'
import '../journal/journal-bar.ts'
import type { DongbiVersionsDialog } from './versions-dialog.ts'
import './versions-dialog.ts'
import '../export/export-menu.ts'
import { maySaveTemplates, type DongbiSaveTemplateDialog } from '../templates/save-template-dialog.ts'
import '../templates/save-template-dialog.ts'

/** Writing the format checker looks at: everything but free text and journal entries. */
function checkedKind(kind: DocumentKind): boolean {
  return kind !== 'free' && kind !== 'journal'
}

function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${collabPath}`
}

type Failure = 'notFound' | 'tooLarge' | 'revoked' | 'loadFailed'

/** One document: title, toolbar, the collaborative editor, sync status, 字数 and sharing. */
@customElement('dongbi-editor-page')
export class DongbiEditorPage extends LitElement {
  @property() documentId = ''
  @state() private document: DocumentDto | undefined
  @state() private failure: Failure | undefined
  @state() private editor: Editor | undefined
  @state() private sync: SyncState = { status: 'offline', pending: 0 }
  @state() private count: CharacterCount | undefined
  @state() private serverReadOnly = false
  /** The editor's own choice of suggestion mode (建议), for those who may edit. */
  @state() private suggesting = false
  /** The server takes only suggestions from this user (comment access). */
  @state() private suggestOnly = false
  @state() private editorElement: DongbiEditor | null = null
  /** The assignment this document belongs to, if any (from the assignment panel). */
  @state() private assignment: WorkContextDto | null = null
  /** The format-check panel is shown (open by default for 公文). */
  @state() private checkOpen = false
  @state() private checkCounts = { errors: 0, warnings: 0 }
  /** Practice rules of the format checker switched off by the document's branch. */
  @state() private disabledRules: string[] = []
  @query('dongbi-share-dialog') private shareDialog!: DongbiShareDialog
  @query('dongbi-comments-panel') private commentsPanel!: DongbiCommentsPanel
  @query('dongbi-versions-dialog') private versionsDialog!: DongbiVersionsDialog
  @query('dongbi-save-template-dialog') private saveTemplateDialog!: DongbiSaveTemplateDialog
  @query('dongbi-review-bar') private reviewBar: DongbiReviewBar | undefined
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('documentId')) void this.load()
  }

  private async load(): Promise<void> {
    this.failure = undefined
    this.document = undefined
    this.assignment = null
    try {
      const document = await api.getDocument(this.documentId)
      if (document.deletedAt) this.failure = 'notFound'
      else {
        this.document = document
        this.checkOpen = documentKindInfo[document.kind].gongwen
        this.disabledRules = []
        if (checkedKind(document.kind)) void this.loadCheckerSettings(document.id)
      }
    } catch (error) {
      this.failure = error instanceof ApiRequestError && error.status === 404 ? 'notFound' : 'loadFailed'
    }
  }

  /** The branch settings that apply to the document, as the server's own check uses them. */
  private async loadCheckerSettings(documentId: string): Promise<void> {
    try {
      const { disabledRules } = await api.checkDocument(documentId)
      if (this.document?.id === documentId) this.disabledRules = disabledRules
    } catch {
      // the editor checks with every rule on
    }
  }

  private get canEdit(): boolean {
    return accessAtLeast(this.document?.access, 'edit')
  }

  private get canComment(): boolean {
    return accessAtLeast(this.document?.access, 'comment')
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('keydown', this.handleKeydown)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('keydown', this.handleKeydown)
  }

  /** Ctrl+Alt+M (⌘⌥M) comments on the selection, as in Google Docs. */
  private handleKeydown = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM' && this.canComment) {
      event.preventDefault()
      this.commentsPanel?.startThread()
    }
  }

  private handleEditorReady(event: CustomEvent<{ editor: Editor }>): void {
    this.editor = event.detail.editor
    this.editorElement = event.target as DongbiEditor
  }

  private async handleTitleChange(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement
    const title = input.value.trim()
    if (!this.document || !title || title === this.document.title) {
      input.value = this.document?.title ?? ''
      return
    }
    try {
      this.document = await api.renameDocument(this.document.id, { title })
    } catch {
      input.value = this.document.title
    }
  }

  private handleError(event: CustomEvent<{ code: number }>): void {
    const code = event.detail.code
    this.failure = code === CloseCode.DocumentTooLarge ? 'tooLarge' : code === CloseCode.AccessRevoked ? 'revoked' : 'notFound'
  }

  private async handleReadOnly(event: CustomEvent<{ readOnly: boolean; suggestOnly: boolean }>): Promise<void> {
    this.suggestOnly = event.detail.suggestOnly
    if (event.detail.readOnly === this.serverReadOnly) return
    this.serverReadOnly = event.detail.readOnly
    // Access may have changed while the page was open: show the level the server now grants.
    if (this.document) this.document = await api.getDocument(this.document.id).catch(() => this.document)
  }

  private renderFailure() {
    const messages: Record<Failure, string> = {
      tooLarge: t('docs.tooLarge'),
      notFound: t('docs.notFound'),
      revoked: tr('access.revoked'),
      loadFailed: t('docs.loadFailed'),
    }
    return html`<div class="editor-failure" role="alert">
      <p>${messages[this.failure!]}</p>
      <a class="button" href="/">${t('docs.back')}</a>
    </div>`
  }

  protected override render() {
    const document = this.document
    const user = session.user
    const readOnly = !this.canEdit || this.serverReadOnly
    // The writer's own journal entry leads back to the journal; anything else to the documents.
    const myJournal = document?.kind === 'journal' && document.access === 'owner'
    return html`<div class="editor-page">
      <header class="editor-topbar">
        <a class="back" href=${myJournal ? '/journal' : '/'} title=${myJournal ? tr('journal.back') : t('docs.back')} aria-label=${myJournal ? tr('journal.back') : t('docs.back')}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="m15 18-6-6 6-6"/></svg>
        </a>
        <span class="brand-mark small" aria-hidden="true">笔</span>
        ${document
          ? html`<input
              class="doc-title-input"
              aria-label=${t('docs.titleLabel')}
              .value=${document.title}
              maxlength="200"
              ?readonly=${!this.canEdit}
              @change=${this.handleTitleChange}
              @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
            />
            ${readOnly ? html`<span class="chip access-${document.access}" title=${t('status.readOnly')}>${tr(`access.${document.access}`)}</span>` : nothing}
            ${user && !this.failure ? html`<dongbi-review-bar .document=${document} .me=${user} .source=${this.editorElement} ?assignmentWork=${this.assignment !== null}></dongbi-review-bar>` : nothing}`
          : html`<span class="doc-title-input placeholder"></span>`}
        <span class="spacer"></span>
        ${document && !this.failure
          ? html`<dongbi-sync-status .status=${this.sync.status} .pending=${this.sync.pending}></dongbi-sync-status>
              ${this.count ? html`<dongbi-char-count .count=${this.count}></dongbi-char-count>` : nothing}
              <button class="versions-button" type="button" @click=${() => this.versionsDialog.open()}>${tr('versions.button')}</button>
              <dongbi-export-menu .document=${document} ?canSaveTemplate=${maySaveTemplates()} @dongbi-save-template=${() => this.saveTemplateDialog.open()}></dongbi-export-menu>
              <button class="share-button" type="button" @click=${() => this.shareDialog.open()}>${tr('share.button')}</button>`
          : nothing}
        ${user ? html`<dongbi-notification-bell .source=${this.editorElement}></dongbi-notification-bell>` : nothing}
        ${user ? html`<span class="me"><span class="avatar" style="background:${user.color}">${user.displayName.slice(0, 1)}</span>${user.displayName}</span>` : nothing}
        <button class="lang" type="button" @click=${() => setLocale(getLocale() === 'en' ? 'zh-CN' : 'en')}>${t('lang.switch')}</button>
      </header>
      ${this.failure
        ? this.renderFailure()
        : document && user
          ? html`<div class="toolbar-row">
                <dongbi-toolbar .editor=${this.editor}></dongbi-toolbar>
                ${this.canComment
                  ? html`<button class="comment-button" type="button" title=${tr('comments.addHint')} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.commentsPanel.startThread()}>
                      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 5h16v11H9l-5 4z"/><path d="M12 8v5M9.5 10.5h5"/></svg>${tr('comments.add')}
                    </button>`
                  : nothing}
                ${this.canEdit && !this.serverReadOnly
                  ? html`<button
                      class="suggest-button"
                      type="button"
                      aria-pressed=${this.suggesting ? 'true' : 'false'}
                      title=${tr('suggest.modeHint')}
                      @mousedown=${(e: Event) => e.preventDefault()}
                      @click=${() => (this.suggesting = !this.suggesting)}
                    >
                      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 20h4l10-10-4-4L4 16z"/><path d="m13 7 4 4"/></svg>${tr('suggest.mode')}
                    </button>`
                  : this.suggestOnly
                    ? html`<span class="chip suggest-chip" title=${tr('suggest.forcedHint')}>${tr('suggest.forced')}</span>`
                    : nothing}
                ${checkedKind(document.kind)
                  ? html`<button
                      class="check-button ${this.checkCounts.errors > 0 ? 'has-errors' : this.checkCounts.warnings > 0 ? 'has-warnings' : ''}"
                      type="button"
                      aria-pressed=${this.checkOpen ? 'true' : 'false'}
                      title=${tr('check.buttonHint')}
                      @mousedown=${(e: Event) => e.preventDefault()}
                      @click=${() => (this.checkOpen = !this.checkOpen)}
                    >
                      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9 5h10M9 12h10M9 19h10"/><path d="m3.5 5 1.2 1.2L7 4M3.5 12l1.2 1.2L7 11M3.5 19l1.2 1.2L7 18"/></svg>${tr('check.button')}
                      <span class="check-count">${this.checkCounts.errors + this.checkCounts.warnings}</span>
                    </button>`
                  : nothing}
              </div>
              ${document.kind === 'journal' ? html`<dongbi-journal-bar .document=${document}></dongbi-journal-bar>` : nothing}
              <div class="editor-body">
              <main class="paper-scroll">
                <article class="paper">
                  <dongbi-editor
                    document-id=${document.id}
                    server-url=${collabUrl()}
                    .userName=${document.shownAs?.name ?? user.displayName}
                    .userId=${document.shownAs?.id ?? user.id}
                    .suggesting=${this.suggesting}
                    .userColor=${user.color}
                    .readOnly=${!this.canEdit}
                    .kind=${checkedKind(document.kind) ? document.kind : ''}
                    .disabledRules=${this.disabledRules}
                    @dongbi-format-check=${(e: CustomEvent<FormatCheckDetail>) => (this.checkCounts = { errors: e.detail.errors, warnings: e.detail.warnings })}
                    @dongbi-ready=${this.handleEditorReady}
                    @dongbi-sync-state=${(e: CustomEvent<SyncState>) => (this.sync = e.detail)}
                    @dongbi-count=${(e: CustomEvent<CharacterCount>) => (this.count = e.detail)}
                    @dongbi-error=${this.handleError}
                    @dongbi-read-only=${this.handleReadOnly}
                  ></dongbi-editor>
                </article>
              </main>
              <div class="side-column">
                ${document.assignmentId
                  ? html`<dongbi-assignment-panel
                      .documentId=${document.id}
                      .characters=${this.count?.total}
                      .source=${this.editorElement}
                      @dongbi-assignment-context=${(e: CustomEvent<WorkContextDto | null>) => (this.assignment = e.detail)}
                      @dongbi-assignment-submitted=${() => void this.reviewBar?.load()}
                    ></dongbi-assignment-panel>`
                  : nothing}
                ${this.checkOpen && checkedKind(document.kind)
                  ? html`<dongbi-format-check-panel
                      .editorElement=${this.editorElement}
                      .kind=${document.kind}
                      ?canFix=${this.canEdit && !this.serverReadOnly}
                      @dongbi-close=${() => (this.checkOpen = false)}
                    ></dongbi-format-check-panel>`
                  : nothing}
                <dongbi-suggestions-panel .me=${user} .authorId=${document.shownAs?.id ?? user.id} .editorElement=${this.editorElement} ?canResolve=${this.canEdit && !this.serverReadOnly}></dongbi-suggestions-panel>
                <dongbi-comments-panel .document=${document} .me=${user} .editorElement=${this.editorElement} .criteria=${this.assignment?.assignment.rubric ?? []}></dongbi-comments-panel>
              </div>
              </div>
              <dongbi-share-dialog .document=${document}></dongbi-share-dialog>
              <dongbi-versions-dialog .document=${document}></dongbi-versions-dialog>
              <dongbi-save-template-dialog .document=${document}></dongbi-save-template-dialog>`
          : html`<p class="empty" aria-busy="true">…</p>`}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-editor-page': DongbiEditorPage
  }
}
