import { LocaleController } from '@dongbi/editor'
import { shareLevel, type DocumentDto, type ShareDto, type ShareLevel } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { personName } from '../assignments/personName.ts'
import { tr } from '../messages.ts'

interface Candidate {
  type: 'user' | 'branch'
  id: string
  label: string
}

/** 共享: who has access to a document, at which level; the owner adds, changes and removes. */
@customElement('dongbi-share-dialog')
export class DongbiShareDialog extends LitElement {
  @property({ attribute: false }) document: DocumentDto | undefined
  @state() private shares: ShareDto[] = []
  @state() private candidates: Candidate[] = []
  @state() private picked: Candidate | undefined
  @state() private level: ShareLevel = 'comment'
  @state() private error = ''
  @query('dialog') private dialog!: HTMLDialogElement
  private searchTimer: ReturnType<typeof setTimeout> | undefined
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  /** Opens the dialog and loads the current shares. */
  async open(): Promise<void> {
    this.error = ''
    this.picked = undefined
    this.candidates = []
    this.dialog.showModal()
    await this.load()
  }

  private get isOwner(): boolean {
    return this.document?.access === 'owner'
  }

  private async load(): Promise<void> {
    if (this.document) this.shares = (await api.shares(this.document.id)).shares
  }

  private handleSearch(event: Event): void {
    const q = (event.target as HTMLInputElement).value.trim()
    this.picked = undefined
    clearTimeout(this.searchTimer)
    this.searchTimer = setTimeout(async () => {
      const found = await api.directory(q)
      this.candidates = [
        ...found.users.map((u) => ({ type: 'user' as const, id: u.id, label: `${u.displayName}（${u.username}）` })),
        ...found.branches.map((b) => ({ type: 'branch' as const, id: b.id, label: b.name })),
      ]
    }, 150)
  }

  private async handleAdd(): Promise<void> {
    if (!this.document || !this.picked) return
    try {
      await api.setShare(this.document.id, this.picked.type, this.picked.id, this.level)
      this.picked = undefined
      this.candidates = []
      this.renderRoot.querySelector<HTMLInputElement>('input.share-search')!.value = ''
      await this.load()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async handleLevel(share: ShareDto, level: ShareLevel): Promise<void> {
    await api.setShare(this.document!.id, share.granteeType, share.granteeId, level)
    await this.load()
  }

  private async handleRemove(share: ShareDto): Promise<void> {
    await api.removeShare(this.document!.id, share.granteeType, share.granteeId)
    await this.load()
  }

  private levelSelect(value: ShareLevel, onChange: (level: ShareLevel) => void) {
    return html`<select class="level" aria-label=${tr('branches.role')} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as ShareLevel)}>
      ${shareLevel.options.map((l) => html`<option value=${l} ?selected=${l === value}>${tr(`access.${l}`)}</option>`)}
    </select>`
  }

  protected override render() {
    const document = this.document
    return html`<dialog class="share-dialog" aria-labelledby="share-title">
      <h2 id="share-title">${tr('share.title', { title: document?.title ?? '' })}</h2>
      ${this.isOwner
        ? html`<div class="share-add">
              <div class="combo">
                <input class="share-search" placeholder=${tr('share.search')} aria-label=${tr('share.search')} @input=${this.handleSearch} @focus=${this.handleSearch} />
                ${this.candidates.length && !this.picked
                  ? html`<ul class="combo-list" role="listbox">
                      ${this.candidates.map(
                        (c) => html`<li role="option" aria-selected="false" @click=${() => {
                          this.picked = c
                          this.renderRoot.querySelector<HTMLInputElement>('input.share-search')!.value = c.label
                        }}><span class="chip">${tr(c.type === 'user' ? 'share.user' : 'share.branch')}</span>${c.label}</li>`,
                      )}
                    </ul>`
                  : nothing}
              </div>
              ${this.levelSelect(this.level, (l) => (this.level = l))}
              <button class="primary" type="button" ?disabled=${!this.picked} @click=${this.handleAdd}>${tr('share.add')}</button>
            </div>`
        : html`<p class="muted small">${tr('share.readOnlyNote')}</p>`}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      <h3>${tr('share.people')}</h3>
      ${this.shares.length === 0
        ? html`<p class="muted">${tr('share.none')}</p>`
        : html`<ul class="plain-list shares">
            ${this.shares.map(
              (s) => html`<li data-grantee=${s.granteeId}>
                <span class="chip">${tr(s.granteeType === 'user' ? 'share.user' : 'share.branch')}</span>
                <span class="grow">${personName({ name: s.granteeName, alias: s.alias })}</span>
                ${this.isOwner && !s.alias
                  ? html`${this.levelSelect(s.level, (l) => this.handleLevel(s, l))}
                      <button type="button" class="small-button" @click=${() => this.handleRemove(s)}>${tr('share.remove')}</button>`
                  : html`<span class="muted">${tr(`access.${s.level}`)}</span>`}
              </li>`,
            )}
          </ul>`}
      <div class="dialog-actions"><button class="primary" type="button" @click=${() => this.dialog.close()}>${tr('share.close')}</button></div>
    </dialog>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-share-dialog': DongbiShareDialog
  }
}
