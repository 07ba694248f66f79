import { LocaleController } from '@dongbi/editor'
import type { DocumentDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'

/**
 * 打印 / 导出 in the editor's top bar: Word (GB/T 9704 layout for 公文), Markdown, and the
 * print view in a new tab; for secretaries and mentors also 存为支部模板 (the page opens the
 * dialog on `dongbi-save-template`).
 */
@customElement('dongbi-export-menu')
export class DongbiExportMenu extends LitElement {
  @property({ attribute: false }) document: DocumentDto | undefined
  /** Show 存为支部模板. */
  @property({ type: Boolean }) canSaveTemplate = false
  @state() private open = false
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('pointerdown', this.handleOutside)
    document.addEventListener('keydown', this.handleKey)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('pointerdown', this.handleOutside)
    document.removeEventListener('keydown', this.handleKey)
  }

  private handleOutside = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false
  }

  private handleKey = (event: KeyboardEvent): void => {
    if (this.open && event.key === 'Escape') {
      this.open = false
      this.querySelector<HTMLButtonElement>('.export-button')?.focus()
    }
  }

  private async toggle(): Promise<void> {
    this.open = !this.open
    if (this.open) {
      await this.updateComplete
      this.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    }
  }

  private saveTemplate(): void {
    this.open = false
    this.dispatchEvent(new CustomEvent('dongbi-save-template', { bubbles: true, composed: true }))
  }

  protected override render() {
    const document = this.document
    if (!document) return nothing
    const close = () => (this.open = false)
    return html`<div class="export-menu">
      <button type="button" class="export-button" aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'} @click=${this.toggle}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 9V3h10v6M7 18H4v-8h16v8h-3"/><path d="M7 14h10v7H7z"/></svg>${tr('export.menu')}
      </button>
      ${this.open
        ? html`<div class="menu-popover" role="menu" aria-label=${tr('export.menu')}>
            <a role="menuitem" class="menu-item" data-format="docx" href=${api.exportUrl(document.id, 'docx')} download @click=${close}>
              <span>${tr('export.docx')}</span><span class="menu-hint">${tr('export.docxHint')}</span>
            </a>
            <a role="menuitem" class="menu-item" data-format="md" href=${api.exportUrl(document.id, 'md')} download @click=${close}>
              <span>${tr('export.md')}</span>
            </a>
            <a role="menuitem" class="menu-item" data-format="html" href=${api.exportUrl(document.id, 'html')} target="_blank" rel="noopener" @click=${close}>
              <span>${tr('export.print')}</span><span class="menu-hint">${tr('export.printHint')}</span>
            </a>
            ${this.canSaveTemplate
              ? html`<hr />
                  <button type="button" role="menuitem" class="menu-item save-template" @click=${this.saveTemplate}><span>${tr('templates.save')}…</span></button>`
              : nothing}
          </div>`
        : nothing}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-export-menu': DongbiExportMenu
  }
}
