import { LocaleController } from '@dongbi/editor'
import { accessAtLeast, type DocumentDiffDto, type DocumentDto, type ThreadDto, type VersionDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'
import { versionLabel } from '../review/reviewLabels.ts'
import { threadsAddressed } from '../review/threadsAddressed.ts'
import './addressed-threads.ts'
import './version-diff.ts'

/** What the right-hand pane shows. */
type Pane = { kind: 'none' } | { kind: 'text'; version: VersionDto; text: string } | { kind: 'diff'; diff: DocumentDiffDto }

const current = 'current'

/**
 * 版本: the list of versions (named, 提交版本, 检查点, 恢复前备份) with time and author; save
 * the current text under a name, rename, read one, restore one (through the live document,
 * so everyone editing follows), and compare any two — or one with the current text — with
 * the older side's comment threads marked addressed or not.
 */
@customElement('dongbi-versions-dialog')
export class DongbiVersionsDialog extends LitElement {
  @property({ attribute: false }) document!: DocumentDto
  @state() private versions: VersionDto[] | undefined
  @state() private pane: Pane = { kind: 'none' }
  @state() private from = ''
  @state() private to = current
  @state() private renaming = ''
  @state() private message = ''
  @state() private error = ''
  @query('dialog') private dialog!: HTMLDialogElement
  private threads: ThreadDto[] = []
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  /** Opens the dialog and loads the versions. */
  async open(): Promise<void> {
    this.pane = { kind: 'none' }
    this.message = ''
    this.error = ''
    this.dialog.showModal()
    await this.load()
  }

  private get canEdit(): boolean {
    return accessAtLeast(this.document.access, 'edit')
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      const [{ versions }, { threads }] = await Promise.all([api.versions(this.document.id), api.threads(this.document.id)])
      this.versions = [...versions].sort((a, b) => b.number - a.number)
      this.threads = threads
      if (!versions.some((v) => v.id === this.from)) this.from = this.versions[0]?.id ?? ''
    })
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.error = ''
    try {
      await action()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  /** Versions are numbered in order of creation; the current text comes after all. */
  private order(id: string): number {
    return id === current ? Infinity : (this.versions?.find((v) => v.id === id)?.number ?? 0)
  }

  /** Compares two sides, older first whichever way they were picked. */
  private async compare(from: string, to: string): Promise<void> {
    if (this.order(from) > this.order(to)) [from, to] = [to, from]
    this.from = from
    this.to = to
    await this.run(async () => {
      const diff = await api.diff(this.document.id, from, to)
      this.pane = { kind: 'diff', diff }
    })
  }

  private async handleView(version: VersionDto): Promise<void> {
    await this.run(async () => {
      const { content } = await api.versionText(this.document.id, version.id)
      this.pane = { kind: 'text', version, text: typeof content === 'string' ? content : '' }
    })
  }

  private async handleSave(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const input = (event.target as HTMLFormElement).querySelector('input')!
    const name = input.value.trim()
    if (!name) return
    await this.run(async () => {
      await api.saveVersion(this.document.id, { name })
      input.value = ''
      await this.load()
    })
  }

  private async handleRename(version: VersionDto, input: HTMLInputElement): Promise<void> {
    this.renaming = ''
    const name = input.value.trim()
    if (name === (version.name ?? '')) return
    await this.run(async () => {
      await api.renameVersion(this.document.id, version.id, { name })
      await this.load()
    })
  }

  private async handleRestore(version: VersionDto): Promise<void> {
    const name = versionLabel(version)
    if (!confirm(tr('versions.restoreConfirm', { name }))) return
    await this.run(async () => {
      await api.restoreVersion(this.document.id, version.id)
      this.message = tr('versions.restored', { name })
      await this.load()
    })
  }

  private renderVersion(version: VersionDto) {
    const selected = (this.pane.kind === 'text' && this.pane.version.id === version.id) || (this.pane.kind === 'diff' && (this.from === version.id || this.to === version.id))
    return html`<li class="version-row ${selected ? 'selected' : ''}" data-version=${version.id}>
      <div class="version-head">
        ${this.renaming === version.id
          ? html`<input
              class="version-rename"
              aria-label=${tr('versions.rename')}
              .value=${version.name ?? ''}
              maxlength="100"
              @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
              @blur=${(e: FocusEvent) => this.handleRename(version, e.target as HTMLInputElement)}
            />`
          : html`<strong class="version-name">${versionLabel(version)}</strong>`}
        ${version.name ? html`<span class="chip kind-${version.kind}">${tr(`versions.kind.${version.kind}`)}</span>` : nothing}
      </div>
      <p class="muted small version-meta">
        <time datetime=${version.createdAt} title=${new Date(version.createdAt).toLocaleString()}>${formatTime(version.createdAt)}</time>
        ${version.createdByName ? html` · ${version.createdByName}` : nothing} · ${tr('versions.chars', { n: version.characters })}
      </p>
      <div class="version-actions">
        <button type="button" class="link view-version" @click=${() => this.handleView(version)}>${tr('versions.view')}</button>
        <button type="button" class="link compare-version" @click=${() => this.compare(version.id, current)}>${tr('versions.compare')}</button>
        ${this.canEdit
          ? html`<button type="button" class="link rename-version" @click=${() => (this.renaming = version.id)}>${tr('versions.rename')}</button>
              <button type="button" class="link restore-version" @click=${() => this.handleRestore(version)}>${tr('versions.restore')}</button>`
          : nothing}
      </div>
    </li>`
  }

  private sideSelect(value: string, onChange: (value: string) => void, withCurrent: boolean) {
    return html`<select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${withCurrent ? html`<option value=${current} ?selected=${value === current}>${tr('versions.current')}</option>` : nothing}
      ${(this.versions ?? []).map((v) => html`<option value=${v.id} ?selected=${value === v.id}>${versionLabel(v)} · ${formatTime(v.createdAt)}</option>`)}
    </select>`
  }

  private renderPane() {
    const pane = this.pane
    if (pane.kind === 'text') {
      return html`<h3 class="pane-title">${versionLabel(pane.version)} <span class="muted small">${new Date(pane.version.createdAt).toLocaleString()}</span></h3><div class="version-text reading">${pane.text}</div>`
    }
    if (pane.kind === 'diff') {
      return html`<div class="diff-layout">
        <dongbi-version-diff .diff=${pane.diff}></dongbi-version-diff>
        <dongbi-addressed-threads .threads=${threadsAddressed(this.threads, pane.diff.ops, { newerTime: pane.diff.to === current ? undefined : pane.diff.to.createdAt })}></dongbi-addressed-threads>
      </div>`
    }
    return this.versions?.length ? html`<p class="muted pane-empty">${tr('versions.pick')}</p>` : nothing
  }

  protected override render() {
    const versions = this.versions
    return html`<dialog class="app-dialog versions-dialog" aria-labelledby="versions-title">
      <header class="versions-top">
        <h2 id="versions-title">${tr('versions.title')}</h2>
        ${this.canEdit
          ? html`<form class="inline-form save-version" @submit=${this.handleSave}>
              <input name="name" maxlength="100" placeholder=${tr('versions.namePlaceholder')} aria-label=${tr('versions.namePlaceholder')} />
              <button class="primary small" type="submit">${tr('versions.save')}</button>
            </form>`
          : nothing}
        <button type="button" class="small-button close-versions" @click=${() => this.dialog.close()}>${tr('versions.close')}</button>
      </header>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      ${this.message ? html`<p class="form-ok" role="status">${this.message}</p>` : nothing}
      <div class="versions-body">
        <ol class="version-list">
          ${versions === undefined
            ? html`<li class="muted small">${tr('common.loading')}</li>`
            : versions.length === 0
              ? html`<li class="muted small versions-empty">${tr('versions.none')}</li>`
              : versions.map((v) => this.renderVersion(v))}
        </ol>
        <section class="versions-pane">
          ${versions?.length
            ? html`<div class="compare-bar">
                ${tr('versions.from')} ${this.sideSelect(this.from, (v) => (this.from = v), false)} ${tr('versions.to')}
                ${this.sideSelect(this.to, (v) => (this.to = v), true)}
                <button type="button" class="small-button compare-sides" @click=${() => this.compare(this.from, this.to)}>${tr('versions.diff')}</button>
              </div>`
            : nothing}
          ${this.renderPane()}
        </section>
      </div>
    </dialog>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-versions-dialog': DongbiVersionsDialog
  }
}
