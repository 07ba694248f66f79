import { LocaleController } from '@dongbi/editor'
import { maxSearchQueryLength } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { tr } from '../messages.ts'
import { navigate } from '../router.ts'

/** Typing `/` anywhere but in a text field focuses the box (as in GitHub, Outline). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
}

/**
 * The header's search box: Enter opens the results page (keeping its filters when already
 * there), `/` focuses it, Escape leaves it. Shows the current query on the results page.
 */
@customElement('dongbi-search-box')
export class DongbiSearchBox extends LitElement {
  @state() private value = ''
  @query('input') private input!: HTMLInputElement
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.syncFromUrl()
    window.addEventListener('popstate', this.syncFromUrl)
    document.addEventListener('keydown', this.handleShortcut)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('popstate', this.syncFromUrl)
    document.removeEventListener('keydown', this.handleShortcut)
  }

  private syncFromUrl = (): void => {
    this.value = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : ''
  }

  private handleShortcut = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
    event.preventDefault()
    this.input.focus()
    this.input.select()
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.input.blur()
    if (event.key !== 'Enter' || event.isComposing) return
    const q = this.input.value.trim()
    if (!q) return
    const params = location.pathname === '/search' ? new URLSearchParams(location.search) : new URLSearchParams()
    params.set('q', q)
    params.delete('offset')
    navigate(`/search?${params}`)
  }

  protected override render() {
    return html`<label class="search-box">
      <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="11" cy="11" r="6.5" /><path d="m16 16 4.5 4.5" /></svg>
      <input
        type="search"
        name="q"
        enterkeyhint="search"
        aria-label=${tr('search.label')}
        placeholder=${tr('search.placeholder')}
        maxlength=${maxSearchQueryLength}
        .value=${this.value}
        @input=${(e: InputEvent) => (this.value = (e.target as HTMLInputElement).value)}
        @keydown=${this.handleKeydown}
      />
      ${this.value ? nothing : html`<kbd title=${tr('search.shortcut')}>/</kbd>`}
    </label>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-search-box': DongbiSearchBox
  }
}
