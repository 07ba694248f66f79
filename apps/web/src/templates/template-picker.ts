import { LocaleController, getLocale, t } from '@dongbi/editor'
import type { TemplateDto, TemplateGroup } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { navigate } from '../router.ts'
import { session } from '../session.ts'
import { kindLabel } from './kindLabel.ts'

const groups: { group: TemplateGroup; label: 'templates.gongwen' | 'templates.everyday' | 'templates.branch' }[] = [
  { group: 'gongwen', label: 'templates.gongwen' },
  { group: 'everyday', label: 'templates.everyday' },
  { group: 'branch', label: 'templates.branch' },
]

/**
 * The 新建 dialog: a blank document, the 公文 templates, everyday forms and the branch's own
 * templates, each a card with its name and when to use it. Choosing one creates the document
 * and opens it in the editor.
 */
@customElement('dongbi-template-picker')
export class DongbiTemplatePicker extends LitElement {
  @state() private templates: TemplateDto[] | undefined
  @state() private error = ''
  @state() private busy = ''
  /** Create in this branch (支部文档) instead of as the caller's own. */
  @state() private branch: { branchId: string; branchName: string } | undefined
  @query('dialog') private dialog!: HTMLDialogElement
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  /** Opens the picker; with a branch, the new document belongs to it. */
  async open(branch?: { branchId: string; branchName: string }): Promise<void> {
    this.branch = branch
    this.error = ''
    this.busy = ''
    await this.updateComplete
    this.dialog.showModal()
    await this.load()
  }

  private async load(): Promise<void> {
    try {
      this.templates = (await api.templates()).templates
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async choose(template: TemplateDto | null): Promise<void> {
    if (this.busy) return
    this.busy = template?.id ?? 'blank'
    this.error = ''
    try {
      const branchId = this.branch ? { branchId: this.branch.branchId } : {}
      const document = await api.createDocument(template ? { templateId: template.id, ...branchId } : { title: t('docs.untitled'), ...branchId })
      this.dialog.close()
      navigate(`/d/${document.id}`)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
      this.busy = ''
    }
  }

  private async deleteTemplate(template: TemplateDto): Promise<void> {
    if (!template.branchId || !confirm(tr('templates.deleteConfirm', { name: template.name }))) return
    try {
      await api.deleteBranchTemplate(template.branchId, template.id)
      await this.load()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  /** Secretaries and mentors of the template's branch, and admins, may delete it. */
  private mayDelete(template: TemplateDto): boolean {
    const user = session.user
    if (!user || !template.branchId) return false
    if (user.isAdmin) return true
    const role = user.memberships.find((m) => m.branchId === template.branchId)?.role
    return role === 'secretary' || role === 'mentor'
  }

  /** The branch's own templates come first once it has some: they are what it writes most. */
  private orderedGroups(templates: TemplateDto[]): typeof groups {
    const hasOwn = templates.some((t) => t.group === 'branch' && (!this.branch || t.branchId === this.branch.branchId))
    return hasOwn ? [groups[2]!, groups[0]!, groups[1]!] : groups
  }

  private renderCard(template: TemplateDto) {
    const busy = this.busy === template.id
    return html`<li class="template-item">
      <button type="button" class="template-card group-${template.group}" data-template=${template.id} ?disabled=${!!this.busy} @click=${() => this.choose(template)}>
        <span class="template-glyph" aria-hidden="true">${template.name.slice(0, 1)}</span>
        <span class="template-text">
          <span class="template-name"
            ><span class="template-name-text">${template.name}</span>${template.group === 'branch'
              ? html` <span class="chip">${kindLabel(template.kind)}</span>`
              : getLocale() === 'en'
                ? html` <span class="template-en">${kindLabel(template.kind)}</span>`
                : nothing}</span
          >
          <span class="template-desc">${busy ? tr('templates.creating') : template.description || template.title}</span>
          ${template.branchName ? html`<span class="template-branch">${template.branchName}</span>` : nothing}
        </span>
      </button>
      ${this.mayDelete(template)
        ? html`<button type="button" class="template-delete" title=${tr('templates.delete')} aria-label=${`${tr('templates.delete')} ${template.name}`} @click=${() => this.deleteTemplate(template)}>×</button>`
        : nothing}
    </li>`
  }

  protected override render() {
    const templates = this.templates
    return html`<dialog class="template-picker" aria-labelledby="template-picker-title">
      <header class="template-picker-head">
        <div>
          <h2 id="template-picker-title">${this.branch ? tr('templates.forBranch', { branch: this.branch.branchName }) : tr('templates.title')}</h2>
          <p class="muted small">${tr('templates.hint')
            .split('〖…〗')
            .map((part, i) => (i === 0 ? part : html`<span class="guide-mark">〖…〗</span>${part}`))}</p>
        </div>
        <button type="button" class="icon-button" aria-label=${tr('templates.close')} @click=${() => this.dialog.close()}>×</button>
      </header>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      <div class="template-scroll">
        <ul class="template-grid">
          <li class="template-item">
            <button type="button" class="template-card blank" data-template="" autofocus ?disabled=${!!this.busy} @click=${() => this.choose(null)}>
              <span class="template-glyph" aria-hidden="true">＋</span>
              <span class="template-text">
                <span class="template-name">${tr('templates.blank')}</span>
                <span class="template-desc">${this.busy === 'blank' ? tr('templates.creating') : tr('templates.blankHint')}</span>
              </span>
            </button>
          </li>
        </ul>
        ${templates === undefined
          ? html`<p class="muted" aria-busy="true">${tr('templates.loading')}</p>`
          : this.orderedGroups(templates).map(({ group, label }) => {
              const list = templates.filter((t) => t.group === group && (!this.branch || group !== 'branch' || t.branchId === this.branch.branchId))
              if (group !== 'branch' && list.length === 0) return nothing
              return html`<section class="template-group" data-group=${group}>
                <h3>${tr(label)}</h3>
                ${list.length === 0 ? html`<p class="muted small template-empty">${tr('templates.branchEmpty')}</p>` : html`<ul class="template-grid">${list.map((t) => this.renderCard(t))}</ul>`}
              </section>`
            })}
      </div>
    </dialog>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-template-picker': DongbiTemplatePicker
  }
}
