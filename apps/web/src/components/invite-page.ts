import { LocaleController, t } from '@dongbi/editor'
import type { BranchRole } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { navigate } from '../router.ts'
import { session } from '../session.ts'

/** 邀请链接: create an account and join the inviting branch. */
@customElement('dongbi-invite-page')
export class DongbiInvitePage extends LitElement {
  @property() token = ''
  @state() private invitation: { branchName: string; role: BranchRole } | null | undefined
  @state() private error = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) {
      api.invitation(this.token).then(
        (invitation) => (this.invitation = invitation),
        () => (this.invitation = null),
      )
    }
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    this.error = ''
    try {
      const user = await api.acceptInvitation(this.token, {
        username: String(form.get('username')),
        displayName: String(form.get('displayName')),
        password: String(form.get('password')),
      })
      session.set(user)
      navigate('/')
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  protected override render() {
    const invitation = this.invitation
    return html`<main class="auth-page">
      <form class="auth-card" @submit=${this.handleSubmit}>
        <div class="auth-brand"><span class="brand-mark" aria-hidden="true">笔</span><span>${t('app.name')}</span></div>
        ${invitation === undefined
          ? html`<p class="muted">${tr('common.loading')}</p>`
          : invitation === null
            ? html`<p class="form-error" role="alert">${tr('invite.invalid')}</p><a href="/login">${tr('login.submit')}</a>`
            : html`<h1>${tr('invite.title', { branch: invitation.branchName })}</h1>
                <p class="muted">${tr('invite.role', { role: tr(`role.${invitation.role}`) })}</p>
                <label>${tr('admin.displayName')}<input name="displayName" required maxlength="40" autocomplete="name" /></label>
                <label>${tr('login.username')}<input name="username" required pattern="[a-zA-Z0-9][a-zA-Z0-9._\\-]{1,31}" autocomplete="username" /></label>
                <label>${tr('account.new')}<input name="password" type="password" required minlength="8" autocomplete="new-password" /></label>
                ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
                <button class="primary wide" type="submit">${tr('invite.submit')}</button>`}
      </form>
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-invite-page': DongbiInvitePage
  }
}
