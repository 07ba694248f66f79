import { LocaleController } from '@dongbi/editor'
import { LitElement, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { setUnauthorizedHandler } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { linkClick, navigate, parseRoute, type Route } from '../router.ts'
import { session } from '../session.ts'
import './account-page.ts'
import './admin-page.ts'
import './assignment-dashboard-page.ts'
import './assignment-form-page.ts'
import './assignments-page.ts'
import './app-header.ts'
import './branches-page.ts'
import './document-list-page.ts'
import './editor-page.ts'
import './invite-page.ts'
import '../journal/journal-page.ts'
import './login-page.ts'
import '../search/search-page.ts'

const publicPages = new Set<Route['page']>(['login', 'invite'])

/**
 * The app shell: loads the session, guards pages behind sign-in, picks the page for the URL.
 * Light DOM all the way down to the editor, because a contenteditable inside any shadow root
 * breaks IME and selection in some browsers.
 */
@customElement('dongbi-app')
export class DongbiApp extends LitElement {
  @state() private route: Route = parseRoute(location.pathname)
  @state() private ready = false
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('popstate', this.handlePopState)
    this.addEventListener('click', linkClick)
    session.addEventListener('changed', this.handleSessionChange)
    setUnauthorizedHandler(() => session.set(null))
    void session.load().then(() => {
      this.ready = true
      this.guard()
    })
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('popstate', this.handlePopState)
    this.removeEventListener('click', linkClick)
    session.removeEventListener('changed', this.handleSessionChange)
  }

  private handlePopState = (): void => {
    this.route = parseRoute(location.pathname)
    this.guard()
  }

  private handleSessionChange = (): void => {
    this.requestUpdate()
    if (this.ready) this.guard()
  }

  /** Signed out → login (remembering where to return); must change password → account page. */
  private guard(): void {
    const user = session.user
    const page = this.route.page
    if (!user && !publicPages.has(page)) {
      const next = location.pathname + location.search
      navigate(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`, { replace: true })
    } else if (user && page === 'login') {
      const next = new URLSearchParams(location.search).get('next')
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true })
    } else if (user?.mustChangePassword && page !== 'account') {
      navigate('/account', { replace: true })
    }
  }

  protected override render() {
    if (!this.ready) return html`<p class="empty boot" aria-busy="true">${tr('common.loading')}</p>`
    const route = this.route
    switch (route.page) {
      case 'login':
        return html`<dongbi-login-page></dongbi-login-page>`
      case 'invite':
        return html`<dongbi-invite-page .token=${route.token}></dongbi-invite-page>`
      case 'editor':
        return html`<dongbi-editor-page .documentId=${route.id}></dongbi-editor-page>`
      case 'documents':
        return html`<dongbi-app-header></dongbi-app-header>
          <dongbi-document-list-page .scope=${route.scope}></dongbi-document-list-page>`
      case 'account':
        return html`<dongbi-app-header></dongbi-app-header><dongbi-account-page></dongbi-account-page>`
      case 'branches':
        return html`<dongbi-app-header></dongbi-app-header><dongbi-branches-page .branchId=${route.id ?? ''}></dongbi-branches-page>`
      case 'search':
        return html`<dongbi-app-header></dongbi-app-header><dongbi-search-page .query=${location.search}></dongbi-search-page>`
      case 'journal':
        return html`<dongbi-app-header></dongbi-app-header><dongbi-journal-page></dongbi-journal-page>`
      case 'admin':
        return html`<dongbi-app-header></dongbi-app-header><dongbi-admin-page .tab=${route.tab}></dongbi-admin-page>`
      case 'assignments':
        return html`<dongbi-app-header></dongbi-app-header><dongbi-assignments-page></dongbi-assignments-page>`
      case 'assignment-form':
        return html`<dongbi-app-header></dongbi-app-header><dongbi-assignment-form-page .assignmentId=${route.id ?? ''}></dongbi-assignment-form-page>`
      case 'assignment-dashboard':
        return html`<dongbi-app-header></dongbi-app-header><dongbi-assignment-dashboard-page .assignmentId=${route.id}></dongbi-assignment-dashboard-page>`
      default:
        return html`<dongbi-app-header></dongbi-app-header>
          <main class="list-page"><p class="empty">404 · <a href="/">${tr('nav.mine')}</a></p></main>`
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-app': DongbiApp
  }
}
