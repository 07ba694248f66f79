import { LocaleController } from '@dongbi/editor'
import type { TokenDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'
import { session } from '../session.ts'

/** 账户设置: profile, password change, personal API tokens. */
@customElement('dongbi-account-page')
export class DongbiAccountPage extends LitElement {
  @state() private tokens: TokenDto[] = []
  @state() private newToken = ''
  @state() private passwordMessage: { ok: boolean; text: string } | undefined
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.loadTokens()
  }

  private async loadTokens(): Promise<void> {
    if (session.user?.mustChangePassword) return
    this.tokens = (await api.tokens()).tokens
  }

  private async handlePassword(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const formElement = event.target as HTMLFormElement
    const form = new FormData(formElement)
    const next = String(form.get('newPassword'))
    if (next !== String(form.get('confirm'))) {
      this.passwordMessage = { ok: false, text: tr('account.mismatch') }
      return
    }
    try {
      await api.changePassword(String(form.get('currentPassword')), next)
      this.passwordMessage = { ok: true, text: tr('account.changed') }
      formElement.reset()
      await session.load()
      await this.loadTokens()
    } catch (error) {
      this.passwordMessage = { ok: false, text: error instanceof Error ? error.message : String(error) }
    }
  }

  private async handleCreateToken(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const formElement = event.target as HTMLFormElement
    const name = String(new FormData(formElement).get('name') ?? '').trim()
    if (!name) return
    this.newToken = (await api.createToken(name)).token
    formElement.reset()
    await this.loadTokens()
  }

  private async handleRevoke(token: TokenDto): Promise<void> {
    await api.revokeToken(token.id)
    await this.loadTokens()
  }

  protected override render() {
    const user = session.user
    if (!user) return nothing
    return html`<main class="list-page narrow">
      <h1 class="page-title">${tr('account.title')}</h1>
      ${user.mustChangePassword ? html`<div class="notice" role="alert">${tr('account.mustChange')}</div>` : nothing}
      <section class="card">
        <h2>${tr('account.profile')}</h2>
        <dl class="facts">
          <dt>${tr('admin.displayName')}</dt><dd>${user.displayName}</dd>
          <dt>${tr('login.username')}</dt><dd>${user.username}</dd>
          <dt>${tr('account.memberships')}</dt>
          <dd>${user.memberships.length
            ? user.memberships.map((m) => html`<span class="chip">${m.branchName} · ${tr(`role.${m.role}`)}</span>`)
            : tr('account.noBranch')}</dd>
        </dl>
      </section>
      <section class="card">
        <h2>${tr('account.password')}</h2>
        <form class="stack" @submit=${this.handlePassword}>
          <label>${tr('account.current')}<input name="currentPassword" type="password" autocomplete="current-password" required /></label>
          <label>${tr('account.new')}<input name="newPassword" type="password" autocomplete="new-password" minlength="8" maxlength="1024" required /></label>
          <label>${tr('account.confirm')}<input name="confirm" type="password" autocomplete="new-password" required /></label>
          ${this.passwordMessage
            ? html`<p class=${this.passwordMessage.ok ? 'form-ok' : 'form-error'} role="status">${this.passwordMessage.text}</p>`
            : nothing}
          <div><button class="primary" type="submit">${tr('account.save')}</button></div>
        </form>
      </section>
      ${user.mustChangePassword
        ? nothing
        : html`<section class="card">
            <h2>${tr('tokens.title')}</h2>
            <p class="muted small">${tr('tokens.hint')}</p>
            <form class="inline-form" @submit=${this.handleCreateToken}>
              <input name="name" placeholder=${tr('tokens.name')} aria-label=${tr('tokens.name')} maxlength="60" required />
              <button class="primary" type="submit">${tr('tokens.create')}</button>
            </form>
            ${this.newToken
              ? html`<div class="notice"><p>${tr('tokens.created')}</p><code class="secret">${this.newToken}</code></div>`
              : nothing}
            ${this.tokens.length === 0
              ? html`<p class="muted">${tr('tokens.none')}</p>`
              : html`<ul class="plain-list">
                  ${this.tokens.map(
                    (token) => html`<li>
                      <strong>${token.name}</strong>
                      <span class="muted small">${tr('tokens.lastUsed')}: ${token.lastUsedAt ? formatTime(token.lastUsedAt) : tr('tokens.never')}</span>
                      <button type="button" class="small-button danger" @click=${() => this.handleRevoke(token)}>${tr('tokens.revoke')}</button>
                    </li>`,
                  )}
                </ul>`}
          </section>`}
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-account-page': DongbiAccountPage
  }
}
