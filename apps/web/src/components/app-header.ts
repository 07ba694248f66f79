import { LocaleController, getLocale, setLocale, t } from '@dongbi/editor'
import { LitElement, html } from 'lit'
import { customElement } from 'lit/decorators.js'

/** The product header: wordmark, tagline and the language switch. */
@customElement('dongbi-app-header')
export class DongbiAppHeader extends LitElement {
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override render() {
    return html`<header class="app-header">
      <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">笔</span><span class="brand-name">${t('app.name')}</span></a>
      <span class="tagline">${t('app.tagline')}</span>
      <span class="spacer"></span>
      <button class="lang" type="button" @click=${() => setLocale(getLocale() === 'en' ? 'zh-CN' : 'en')}>${t('lang.switch')}</button>
    </header>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-app-header': DongbiAppHeader
  }
}
