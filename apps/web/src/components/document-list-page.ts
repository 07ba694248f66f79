import { LocaleController, t } from '@dongbi/editor'
import type { DocumentDto, DocumentScopeName } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'
import { navigate, scopePath } from '../router.ts'
import { session } from '../session.ts'
import './review-queue.ts'
import { kindLabel } from '../templates/kindLabel.ts'
import type { DongbiTemplatePicker } from '../templates/template-picker.ts'
import '../templates/template-picker.ts'
import { ToastController } from './ToastController.ts'

const scopes: { scope: DocumentScopeName; label: Parameters<typeof tr>[0] }[] = [
  { scope: 'mine', label: 'nav.mine' },
  { scope: 'shared', label: 'nav.shared' },
  { scope: 'branch', label: 'nav.branch' },
  { scope: 'trash', label: 'nav.trash' },
]

/** 我的文档 / 与我共享 / 支部文档 / 回收站: create, open, rename, trash, restore, delete for good. */
@customElement('dongbi-document-list-page')
export class DongbiDocumentListPage extends LitElement {
  /** Which list to show. */
  @property() scope: DocumentScopeName = 'mine'
  @state() private documents: DocumentDto[] | undefined
  @state() private error = ''
  @state() private renaming = ''
  private readonly toast = new ToastController(this)
  @query('dongbi-template-picker') private picker!: DongbiTemplatePicker
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scope')) {
      this.documents = undefined
      void this.load()
    }
  }

  private async load(): Promise<void> {
    this.error = ''
    try {
      this.documents = (await api.listDocuments(this.scope)).documents
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private get trash(): boolean {
    return this.scope === 'trash'
  }

  /** 新建 opens the template picker; in 支部文档 the new document belongs to the chosen branch. */
  private handleCreate(branchId?: string): void {
    const branch = branchId ? session.user?.memberships.find((m) => m.branchId === branchId) : undefined
    void this.picker.open(branch ? { branchId: branch.branchId, branchName: branch.branchName } : undefined)
  }

  private async handleRename(document: DocumentDto, input: HTMLInputElement): Promise<void> {
    const title = input.value.trim()
    this.renaming = ''
    if (!title || title === document.title) return
    try {
      await api.renameDocument(document.id, { title })
      await this.load()
    } catch (error) {
      this.toast.show(error instanceof Error ? error.message : String(error))
    }
  }

  private async handleDelete(document: DocumentDto): Promise<void> {
    await api.deleteDocument(document.id)
    await this.load()
    this.toast.show(t('docs.movedToTrash'), async () => {
      await api.restoreDocument(document.id)
      await this.load()
    })
  }

  private async handleRestore(document: DocumentDto): Promise<void> {
    await api.restoreDocument(document.id)
    await this.load()
  }

  private async handlePurge(document: DocumentDto): Promise<void> {
    if (!confirm(t('docs.purgeConfirm'))) return
    await api.purgeDocument(document.id)
    await this.load()
  }

  private renderRow(document: DocumentDto) {
    const when = this.trash ? document.deletedAt! : document.updatedAt
    const title =
      this.renaming === document.id
        ? html`<input
            class="rename"
            aria-label=${t('docs.titleLabel')}
            .value=${document.title}
            maxlength="200"
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur()
              if (e.key === 'Escape') this.renaming = ''
            }}
            @blur=${(e: FocusEvent) => this.handleRename(document, e.target as HTMLInputElement)}
          />`
        : this.trash
          ? html`<span class="doc-title">${document.title}</span>`
          : html`<a class="doc-title" href="/d/${document.id}">${document.title}</a>`
    return html`<li class="doc-row" data-id=${document.id}>
      <svg class="doc-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 12h6M9 16h6"/></svg>
      ${title}
      ${document.kind !== 'free' ? html`<span class="chip kind-chip kind-${document.kind}">${kindLabel(document.kind)}</span>` : nothing}
      ${document.access !== 'owner' ? html`<span class="chip access-${document.access}">${tr(`access.${document.access}`)}</span>` : nothing}
      <span class="doc-time">${this.trash ? t('docs.deleted') : t('docs.updated')} ${formatTime(when)}</span>
      <span class="doc-actions">
        ${document.access === 'edit' && !this.trash
          ? html`<button type="button" @click=${() => (this.renaming = document.id)}>${t('docs.rename')}</button>`
          : document.access !== 'owner'
            ? nothing
            : this.trash
          ? html`<button type="button" @click=${() => this.handleRestore(document)}>${t('docs.restore')}</button>
              <button type="button" class="danger" @click=${() => this.handlePurge(document)}>${t('docs.purge')}</button>`
          : html`<button type="button" @click=${() => (this.renaming = document.id)}>${t('docs.rename')}</button>
              <button type="button" @click=${() => this.handleDelete(document)}>${t('docs.delete')}</button>`}
      </span>
    </li>`
  }

  protected override updated(): void {
    this.querySelector<HTMLInputElement>('input.rename')?.focus()
  }

  private renderCreate() {
    if (this.scope === 'mine') {
      return html`<button class="primary" type="button" @click=${() => this.handleCreate()}>＋ ${t('docs.new')}</button>`
    }
    const branches = session.user?.memberships ?? []
    if (this.scope !== 'branch' || branches.length === 0) return nothing
    if (branches.length === 1) {
      return html`<button class="primary" type="button" @click=${() => this.handleCreate(branches[0]!.branchId)}>＋ ${tr('docs.newBranch')}</button>`
    }
    return html`<select class="primary-select" aria-label=${tr('docs.chooseBranch')} @change=${(e: Event) => {
      const select = e.target as HTMLSelectElement
      if (select.value) void this.handleCreate(select.value)
      select.value = ''
    }}>
      <option value="">＋ ${tr('docs.newBranch')}…</option>
      ${branches.map((m) => html`<option value=${m.branchId}>${m.branchName}</option>`)}
    </select>`
  }

  private emptyText(): string {
    switch (this.scope) {
      case 'trash':
        return t('docs.trashEmpty')
      case 'shared':
        return tr('docs.emptyShared')
      case 'branch':
        return tr('docs.emptyBranch')
      default:
        return t('docs.empty')
    }
  }

  protected override render() {
    const documents = this.documents
    return html`<main class="list-page">
      <div class="list-head">
        <nav class="tabs" aria-label=${tr('nav.mine')}>
          ${scopes.map((s) => html`<a href=${scopePath(s.scope)} aria-current=${this.scope === s.scope ? 'page' : 'false'}>${tr(s.label)}</a>`)}
        </nav>
        ${this.renderCreate()}
      </div>
      ${this.scope === 'mine' ? html`<dongbi-review-queue></dongbi-review-queue>` : nothing}
      ${this.error
        ? html`<div class="error-box" role="alert">${t('docs.loadFailed')}：${this.error} <button type="button" @click=${this.load}>${t('docs.retry')}</button></div>`
        : documents === undefined
          ? html`<p class="empty" aria-busy="true">…</p>`
          : documents.length === 0
            ? html`<p class="empty">${this.emptyText()}</p>`
            : html`<ul class="doc-list">${documents.map((d) => this.renderRow(d))}</ul>`}
      ${this.toast.render(t('docs.undo'))}
      <dongbi-template-picker></dongbi-template-picker>
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-document-list-page': DongbiDocumentListPage
  }
}
