import type { CharacterCount } from '@dongbi/schema'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { LocaleController } from '../i18n/LocaleController.ts'
import { getLocale, t } from '../i18n/locale.ts'

/** 字数 as WPS counts it, with the breakdown in a tooltip. */
@customElement('dongbi-char-count')
export class DongbiCharCount extends LitElement {
  static override styles = css`
    :host { display: inline-block; font-size: 0.8125rem; color: #57606a; white-space: nowrap; font-variant-numeric: tabular-nums; }
  `

  @property({ attribute: false }) count: CharacterCount = { total: 0, hanzi: 0, punctuation: 0, words: 0, nonSpace: 0 }

  private readonly locale = new LocaleController(this)

  protected override render() {
    const { total, hanzi, punctuation, words } = this.count
    const formatted = total.toLocaleString(getLocale())
    return html`<span title=${t('count.detail', { hanzi, punctuation, words })}>${t('count.label')} <strong>${formatted}</strong></span>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-char-count': DongbiCharCount
  }
}
