import { LocaleController } from '@dongbi/editor'
import { documentKinds, type DocumentDto, type DocumentKind } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { session } from '../session.ts'
import { kindLabel } from './kindLabel.ts'

/** Branches where the signed-in user may keep templates: as secretary or mentor (admins: every branch). */
async function templateBranches(): Promise<{ id: string; name: string }[]> {
  const user = session.user
  if (!user) return []
  if (user.isAdmin) return (await api.branches()).branches.map((b) => ({ id: b.id, name: b.name }))
  return user.memberships.filter((m) => m.role === 'secretary' || m.role === 'mentor').map((m) => ({ id: m.branchId, name: m.branchName }))
}

/** Whether the signed-in user may save branch templates at all. */
export function maySaveTemplates(): boolean {
  const user = session.user
  return !!user && (user.isAdmin || user.memberships.some((m) => m.role === 'secretary' || m.role === 'mentor'))
}

/** 存为支部模板: name, kind, description and branch for a snapshot of the open document. */
@customElement('dongbi-save-template-dialog')
export class DongbiSaveTemplateDialog extends LitElement {
  @property({ attribute: false }) document: DocumentDto | undefined
  @state() private branches: { id: string; name: string }[] = []
  @state() private error = ''
  @state() private busy = false
  @state() private done = ''
  @query('dialog') private dialog!: HTMLDialogElement
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  async open(): Promise<void> {
    this.error = ''
    this.done = ''
    this.busy = false
    this.dialog.showModal()
    try {
      this.branches = await templateBranches()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const document = this.document
    if (!document || this.busy) return
    const form = new FormData(event.target as HTMLFormElement)
    const branchId = String(form.get('branch') ?? '')
    this.busy = true
    this.error = ''
    try {
      await api.saveBranchTemplate(branchId, {
        name: String(form.get('name') ?? ''),
        kind: String(form.get('kind')) as DocumentKind,
        description: String(form.get('description') ?? ''),
        documentId: document.id,
      })
      this.done = tr('templates.saved', { branch: this.branches.find((b) => b.id === branchId)?.name ?? '' })
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }

  protected override render() {
    const document = this.document
    return html`<dialog class="share-dialog save-template-dialog" aria-labelledby="save-template-title">
      <h2 id="save-template-title">${tr('templates.saveTitle')}</h2>
      <p class="muted small">${tr('templates.saveHint')}</p>
      ${this.done
        ? html`<p class="form-success" role="status">${this.done}</p>
            <div class="dialog-actions"><button class="primary" type="button" @click=${() => this.dialog.close()}>${tr('share.close')}</button></div>`
        : html`<form class="stack" @submit=${this.handleSubmit}>
            <label>${tr('templates.name')}<input name="name" required maxlength="40" .value=${document?.title ?? ''} /></label>
            <label>${tr('templates.kind')}
              <select name="kind">
                ${documentKinds.map((kind) => html`<option value=${kind} ?selected=${kind === document?.kind}>${kindLabel(kind)}</option>`)}
              </select>
            </label>
            <label>${tr('templates.description')}<input name="description" maxlength="120" placeholder=${tr('templates.descriptionPlaceholder')} /></label>
            ${this.branches.length > 1
              ? html`<label>${tr('templates.branchLabel')}
                  <select name="branch">${this.branches.map((b) => html`<option value=${b.id}>${b.name}</option>`)}</select>
                </label>`
              : this.branches.length === 1
                ? html`<input type="hidden" name="branch" .value=${this.branches[0]!.id} /><p class="muted small">${tr('templates.branchLabel')}：${this.branches[0]!.name}</p>`
                : nothing}
            ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
            <div class="dialog-actions gap">
              <button type="button" class="small-button" @click=${() => this.dialog.close()}>${tr('common.cancel')}</button>
              <button class="primary" type="submit" ?disabled=${this.busy || this.branches.length === 0}>${tr('templates.saveSubmit')}</button>
            </div>
          </form>`}
    </dialog>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-save-template-dialog': DongbiSaveTemplateDialog
  }
}
