import { LocaleController, getLocale, setLocale, t } from '@dongbi/editor'
import { LitElement, html, nothing } from 'lit'
import { customElement } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { navigate } from '../router.ts'
import { session } from '../session.ts'
import './notification-bell.ts'
import '../search/search-box.ts'

/** The product header: wordmark, tagline, the user's menu and the language switch. */
@customElement('dongbi-app-header')
export class DongbiAppHeader extends LitElement {
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  private async handleLogout(): Promise<void> {
    await api.logout().catch(() => {})
    session.set(null)
    navigate('/login')
  }

  protected override render() {
    const user = session.user
    return html`<header class="app-header">
      <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">笔</span><span class="brand-name">${t('app.name')}</span></a>
      <span class="tagline">${t('app.tagline')}</span>
      <span class="spacer"></span>
      ${user
        ? html`<dongbi-search-box></dongbi-search-box>
            <nav class="header-links">
              <a href="/journal">${tr('nav.journal')}</a>
              ${user.isAdmin || user.memberships.length ? html`<a class="nav-assignments" href="/assignments">${tr('nav.assignments')}</a>` : nothing}
              ${session.managesBranches || user.memberships.length ? html`<a href="/branches">${tr('nav.branches')}</a>` : nothing}
              ${user.isAdmin ? html`<a href="/admin">${tr('nav.admin')}</a>` : nothing}
            </nav>
            <dongbi-notification-bell></dongbi-notification-bell>
            <details class="user-menu">
              <summary><span class="avatar" style="background:${user.color}">${user.displayName.slice(0, 1)}</span>${user.displayName}</summary>
              <div class="menu" role="menu">
                <a role="menuitem" href="/account">${tr('nav.account')}</a>
                <button role="menuitem" type="button" @click=${this.handleLogout}>${tr('nav.logout')}</button>
              </div>
            </details>`
        : nothing}
      <button class="lang" type="button" @click=${() => setLocale(getLocale() === 'en' ? 'zh-CN' : 'en')}>${t('lang.switch')}</button>
    </header>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-app-header': DongbiAppHeader
  }
}
