import { LocaleController, getLocale } from '@dongbi/editor'
import type { AuditEventDto, UserDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { session } from '../session.ts'

/** 系统管理 for the org admin: users (create, reset password, disable, admin) and the security log. */
@customElement('dongbi-admin-page')
export class DongbiAdminPage extends LitElement {
  @property() tab: 'users' | 'audit' = 'users'
  @state() private users: UserDto[] = []
  @state() private events: AuditEventDto[] = []
  @state() private notice = ''
  @state() private error = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tab')) void this.load()
  }

  private async load(): Promise<void> {
    this.error = ''
    try {
      // The log names actors by id; the user list turns them into names.
      this.users = (await api.users()).users
      if (this.tab === 'audit') this.events = (await api.audit()).events
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    this.error = ''
    try {
      await action()
      await this.load()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const formElement = event.target as HTMLFormElement
    const form = new FormData(formElement)
    const year = Number(form.get('birthYear'))
    await this.act(async () => {
      const result = await api.createUser({
        username: String(form.get('username')),
        displayName: String(form.get('displayName')),
        birthYear: year ? year : null,
        isAdmin: form.get('isAdmin') === 'on',
      })
      this.notice = `${tr('admin.tempPassword', { name: result.user.displayName })} ${result.temporaryPassword ?? ''}`
      formElement.reset()
    })
  }

  private async handleReset(user: UserDto): Promise<void> {
    await this.act(async () => {
      const { temporaryPassword } = await api.resetPassword(user.id)
      this.notice = `${tr('admin.tempPassword', { name: user.displayName })} ${temporaryPassword}`
    })
  }

  private async loadOlder(): Promise<void> {
    const last = this.events[this.events.length - 1]
    if (last) this.events = [...this.events, ...(await api.audit(last.id)).events]
  }

  private renderUsers() {
    const me = session.user?.id
    return html`<section class="card">
        <h2>${tr('admin.addUser')}</h2>
        <form class="inline-form wrap" @submit=${this.handleCreate}>
          <input name="displayName" placeholder=${tr('admin.displayName')} aria-label=${tr('admin.displayName')} required maxlength="40" />
          <input name="username" placeholder=${tr('login.username')} aria-label=${tr('login.username')} required />
          <input name="birthYear" type="number" min="1900" max="2100" placeholder=${tr('branches.birthYear')} aria-label=${tr('branches.birthYear')} />
          <label class="check"><input name="isAdmin" type="checkbox" /> ${tr('admin.isAdmin')}</label>
          <button class="primary" type="submit">${tr('admin.addUser')}</button>
        </form>
      </section>
      <table class="data-table users">
        <thead><tr><th>${tr('admin.displayName')}</th><th>${tr('login.username')}</th><th>${tr('account.memberships')}</th><th></th></tr></thead>
        <tbody>
          ${this.users.map(
            (u) => html`<tr class=${u.disabled ? 'row-disabled' : ''}>
              <td>${u.displayName} ${u.isAdmin ? html`<span class="chip">${tr('admin.isAdmin')}</span>` : nothing}
                ${u.disabled ? html`<span class="chip danger">${tr('admin.disabled')}</span>` : nothing}</td>
              <td>${u.username}</td>
              <td>${u.memberships.map((m) => html`<span class="chip">${m.branchName} · ${tr(`role.${m.role}`)}</span>`)}</td>
              <td class="actions">
                <button type="button" class="small-button" @click=${() => this.handleReset(u)}>${tr('admin.reset')}</button>
                ${u.id === me
                  ? nothing
                  : html`<button type="button" class="small-button" @click=${() => this.act(() => api.updateUser(u.id, { isAdmin: !u.isAdmin }))}>${u.isAdmin ? tr('admin.unmakeAdmin') : tr('admin.makeAdmin')}</button>
                      <button type="button" class="small-button ${u.disabled ? '' : 'danger'}" @click=${() => this.act(() => api.updateUser(u.id, { disabled: !u.disabled }))}>${u.disabled ? tr('admin.enable') : tr('admin.disable')}</button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`
  }

  private renderAudit() {
    const names = new Map(this.users.map((u) => [u.id, u.displayName]))
    return html`<table class="data-table audit">
        <thead><tr><th>${tr('audit.at')}</th><th>${tr('audit.action')}</th><th>${tr('audit.actor')}</th><th>${tr('audit.target')}</th><th>${tr('audit.ip')}</th></tr></thead>
        <tbody>
          ${this.events.map(
            (e) => html`<tr>
              <td>${new Date(e.at).toLocaleString(getLocale())}</td>
              <td><code>${e.action}</code></td>
              <td>${e.actorId ? (names.get(e.actorId) ?? e.actorId) : '—'}</td>
              <td>${e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : ''} <span class="muted small">${JSON.stringify(e.details) === '{}' ? '' : JSON.stringify(e.details)}</span></td>
              <td>${e.ip}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.events.length >= 100 ? html`<button type="button" class="small-button" @click=${this.loadOlder}>${tr('audit.more')}</button>` : nothing}`
  }

  protected override render() {
    return html`<main class="list-page wide">
      <div class="list-head">
        <nav class="tabs">
          <a href="/admin" aria-current=${this.tab === 'users' ? 'page' : 'false'}>${tr('admin.users')}</a>
          <a href="/admin/audit" aria-current=${this.tab === 'audit' ? 'page' : 'false'}>${tr('admin.audit')}</a>
        </nav>
      </div>
      ${this.error ? html`<div class="error-box" role="alert">${tr('common.error', { message: this.error })}</div>` : nothing}
      ${this.notice ? html`<div class="notice" role="status"><code>${this.notice}</code></div>` : nothing}
      ${this.tab === 'users' ? this.renderUsers() : this.renderAudit()}
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-admin-page': DongbiAdminPage
  }
}
