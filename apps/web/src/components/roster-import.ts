import { LocaleController } from '@dongbi/editor'
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { RosterRowDto } from '@dongbi/schema'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'

type Credentials = Awaited<ReturnType<typeof api.rosterImport>>['credentials']

function credentialsCsv(credentials: Credentials): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`
  const lines = [['姓名', '用户名', '支部', '临时密码'], ...credentials.map((c) => [c.displayName, c.username, c.branch, c.temporaryPassword])]
  return '\uFEFF' + lines.map((line) => line.map(quote).join(',')).join('\r\n')
}

/**
 * 导入成员名单: choose a CSV, preview every row with its problems, then import all or nothing.
 * Shows the temporary passwords once, with a download.
 *
 * @fires dongbi-roster-imported - after a successful import.
 */
@customElement('dongbi-roster-import')
export class DongbiRosterImport extends LitElement {
  @state() private csv = ''
  @state() private rows: RosterRowDto[] | undefined
  @state() private fileErrors: string[] = []
  @state() private result: Awaited<ReturnType<typeof api.rosterImport>> | undefined
  @state() private error = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  private async handleFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0]
    if (!file) return
    this.csv = await file.text()
    this.result = undefined
    await this.preview()
  }

  private async preview(): Promise<void> {
    this.error = ''
    try {
      const preview = await api.rosterPreview(this.csv)
      this.rows = preview.rows
      this.fileErrors = preview.errors
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async handleImport(): Promise<void> {
    this.error = ''
    try {
      this.result = await api.rosterImport(this.csv)
      this.rows = undefined
      this.dispatchEvent(new CustomEvent('dongbi-roster-imported', { bubbles: true, composed: true }))
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private renderPreview(rows: RosterRowDto[]) {
    const bad = rows.filter((r) => r.status === 'error').length
    return html`${bad
        ? html`<p class="form-error" role="alert">${tr('roster.errors', { n: bad })}</p>`
        : html`<button class="primary" type="button" @click=${this.handleImport} ?disabled=${rows.length === 0}>${tr('roster.import', { n: rows.length })}</button>`}
      <table class="data-table roster-preview">
        <thead><tr><th>${tr('roster.line')}</th><th>${tr('admin.displayName')}</th><th>${tr('login.username')}</th><th>${tr('branches.name')}</th><th>${tr('branches.role')}</th><th>${tr('branches.birthYear')}</th><th></th></tr></thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr class=${row.status === 'error' ? 'row-error' : ''}>
              <td>${row.line}</td><td>${row.name}</td><td>${row.username}</td>
              <td>${row.branch}${row.newBranch ? html` <span class="chip">${tr('roster.newBranch')}</span>` : nothing}</td>
              <td>${row.role ? tr(`role.${row.role}`) : ''}</td><td>${row.birthYear ?? ''}</td>
              <td>${row.status === 'error' ? row.errors.join('；') : tr(row.status === 'new' ? 'roster.new' : 'roster.existing')}</td>
            </tr>`,
          )}
        </tbody>
      </table>`
  }

  protected override render() {
    const result = this.result
    return html`<section class="card">
      <h2>${tr('roster.title')}</h2>
      <p class="muted small">${tr('roster.hint')}</p>
      <label class="file-button">${tr('roster.file')}<input type="file" accept=".csv,text/csv" @change=${this.handleFile} /></label>
      ${this.fileErrors.map((e) => html`<p class="form-error" role="alert">${e}</p>`)}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      ${this.rows ? this.renderPreview(this.rows) : nothing}
      ${result
        ? html`<div class="notice" role="status">
            <p>${tr('roster.done', { n: result.imported, created: result.created })}</p>
            ${result.credentials.length
              ? html`<table class="data-table credentials">
                    <thead><tr><th>${tr('admin.displayName')}</th><th>${tr('login.username')}</th><th>${tr('branches.name')}</th><th>${tr('login.password')}</th></tr></thead>
                    <tbody>${result.credentials.map((c) => html`<tr><td>${c.displayName}</td><td>${c.username}</td><td>${c.branch}</td><td><code>${c.temporaryPassword}</code></td></tr>`)}</tbody>
                  </table>
                  <a class="button" download="dongbi-accounts.csv" href=${`data:text/csv;charset=utf-8,${encodeURIComponent(credentialsCsv(result.credentials))}`}>${tr('roster.download')}</a>`
              : nothing}
          </div>`
        : nothing}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-roster-import': DongbiRosterImport
  }
}
