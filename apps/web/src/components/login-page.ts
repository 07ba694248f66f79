import { LocaleController, getLocale, setLocale, t } from '@dongbi/editor'
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { session } from '../session.ts'

/** 登录: username and password; the shell redirects once signed in. */
@customElement('dongbi-login-page')
export class DongbiLoginPage extends LitElement {
  @state() private error = ''
  @state() private busy = false
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    this.busy = true
    this.error = ''
    try {
      session.set(await api.login(String(form.get('username') ?? ''), String(form.get('password') ?? '')))
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }

  protected override render() {
    return html`<main class="auth-page">
      <form class="auth-card" @submit=${this.handleSubmit}>
        <div class="auth-brand"><span class="brand-mark" aria-hidden="true">笔</span><span>${t('app.name')}</span></div>
        <h1>${tr('login.title')}</h1>
        <p class="muted">${t('app.tagline')}</p>
        <label>${tr('login.username')}<input name="username" autocomplete="username" required autofocus /></label>
        <label>${tr('login.password')}<input name="password" type="password" autocomplete="current-password" required /></label>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
        <button class="primary wide" type="submit" ?disabled=${this.busy}>${this.busy ? tr('login.busy') : tr('login.submit')}</button>
        <p class="muted small">${tr('login.hint')}</p>
        <button class="link" type="button" @click=${() => setLocale(getLocale() === 'en' ? 'zh-CN' : 'en')}>${t('lang.switch')}</button>
      </form>
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-login-page': DongbiLoginPage
  }
}
