import { LocaleController } from '@dongbi/editor'
import { LitElement, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { linkClick, parseRoute, type Route } from '../router.ts'
import './document-list-page.ts'
import './editor-page.ts'
import './app-header.ts'

/**
 * The app shell: picks the page for the URL. Light DOM all the way down to the editor,
 * because a contenteditable inside any shadow root breaks IME and selection in some browsers.
 */
@customElement('dongbi-app')
export class DongbiApp extends LitElement {
  @state() private route: Route = parseRoute(location.pathname)
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('popstate', this.handlePopState)
    this.addEventListener('click', linkClick)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('popstate', this.handlePopState)
    this.removeEventListener('click', linkClick)
  }

  private handlePopState = (): void => {
    this.route = parseRoute(location.pathname)
  }

  protected override render() {
    const route = this.route
    switch (route.page) {
      case 'editor':
        return html`<dongbi-editor-page .documentId=${route.id}></dongbi-editor-page>`
      case 'documents':
      case 'trash':
        return html`<dongbi-app-header></dongbi-app-header>
          <dongbi-document-list-page .trash=${route.page === 'trash'}></dongbi-document-list-page>`
      default:
        return html`<dongbi-app-header></dongbi-app-header>
          <main class="list-page"><p class="empty">404 · <a href="/">返回首页</a></p></main>`
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-app': DongbiApp
  }
}
