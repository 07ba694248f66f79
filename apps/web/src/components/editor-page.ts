import '@dongbi/editor'
import { LocaleController, getLocale, setLocale, t, type Editor, type SyncState } from '@dongbi/editor'
import { CloseCode, collabPath, type CharacterCount, type DocumentDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { ApiRequestError, api } from '../api/apiClient.ts'
import { loadIdentity, saveIdentity, type Identity } from '../identity.ts'

function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${collabPath}`
}

/** One document: title, toolbar, the collaborative editor, sync status and 字数. */
@customElement('dongbi-editor-page')
export class DongbiEditorPage extends LitElement {
  @property() documentId = ''
  @state() private document: DocumentDto | undefined
  @state() private failure: 'notFound' | 'tooLarge' | 'loadFailed' | undefined
  @state() private editor: Editor | undefined
  @state() private sync: SyncState = { status: 'offline', pending: 0 }
  @state() private count: CharacterCount | undefined
  @state() private identity: Identity = loadIdentity()
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
    try {
      const document = await api.getDocument(this.documentId)
      if (document.deletedAt) this.failure = 'notFound'
      else this.document = document
    } catch (error) {
      this.failure = error instanceof ApiRequestError && error.status === 404 ? 'notFound' : 'loadFailed'
    }
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

  private handleRenameMe(): void {
    const name = prompt(t('user.namePrompt'), this.identity.name)?.trim()
    if (!name) return
    this.identity = { ...this.identity, name: name.slice(0, 32) }
    saveIdentity(this.identity)
  }

  private handleError(event: CustomEvent<{ code: number }>): void {
    this.failure = event.detail.code === CloseCode.DocumentTooLarge ? 'tooLarge' : 'notFound'
  }

  private renderFailure() {
    const message = this.failure === 'tooLarge' ? t('docs.tooLarge') : this.failure === 'notFound' ? t('docs.notFound') : t('docs.loadFailed')
    return html`<div class="editor-failure" role="alert">
      <p>${message}</p>
      <a class="button" href="/">${t('docs.back')}</a>
    </div>`
  }

  protected override render() {
    const document = this.document
    return html`<div class="editor-page">
      <header class="editor-topbar">
        <a class="back" href="/" title=${t('docs.back')} aria-label=${t('docs.back')}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="m15 18-6-6 6-6"/></svg>
        </a>
        <span class="brand-mark small" aria-hidden="true">笔</span>
        ${document
          ? html`<input
              class="doc-title-input"
              aria-label=${t('docs.titleLabel')}
              .value=${document.title}
              maxlength="200"
              @change=${this.handleTitleChange}
              @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
            />`
          : html`<span class="doc-title-input placeholder"></span>`}
        <span class="spacer"></span>
        ${document && !this.failure
          ? html`<dongbi-sync-status .status=${this.sync.status} .pending=${this.sync.pending}></dongbi-sync-status>
              ${this.count ? html`<dongbi-char-count .count=${this.count}></dongbi-char-count>` : nothing}`
          : nothing}
        <button class="me" type="button" title=${t('user.name')} @click=${this.handleRenameMe}>
          <span class="avatar" style="background:${this.identity.color}">${this.identity.name.slice(0, 1)}</span>${this.identity.name}
        </button>
        <button class="lang" type="button" @click=${() => setLocale(getLocale() === 'en' ? 'zh-CN' : 'en')}>${t('lang.switch')}</button>
      </header>
      ${this.failure
        ? this.renderFailure()
        : document
          ? html`<div class="toolbar-row"><dongbi-toolbar .editor=${this.editor}></dongbi-toolbar></div>
              <main class="paper-scroll">
                <article class="paper">
                  <dongbi-editor
                    document-id=${document.id}
                    server-url=${collabUrl()}
                    .userName=${this.identity.name}
                    .userColor=${this.identity.color}
                    @dongbi-ready=${(e: CustomEvent<{ editor: Editor }>) => (this.editor = e.detail.editor)}
                    @dongbi-sync-state=${(e: CustomEvent<SyncState>) => (this.sync = e.detail)}
                    @dongbi-count=${(e: CustomEvent<CharacterCount>) => (this.count = e.detail)}
                    @dongbi-error=${this.handleError}
                  ></dongbi-editor>
                </article>
              </main>`
          : html`<p class="empty" aria-busy="true">…</p>`}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-editor-page': DongbiEditorPage
  }
}
