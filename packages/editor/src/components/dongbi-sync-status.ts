import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { LocaleController } from '../i18n/LocaleController.ts'
import { t } from '../i18n/locale.ts'
import type { SyncStatus } from '../sync/SyncState.ts'

/**
 * Shows whether the user's work is safe: 已保存 / 同步中 / 离线（N 处修改未同步）.
 *
 * @csspart label - The status text.
 */
@customElement('dongbi-sync-status')
export class DongbiSyncStatus extends LitElement {
  static override styles = css`
    :host { display: inline-flex; align-items: center; gap: 6px; font-size: 0.8125rem; color: #57606a; white-space: nowrap; }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: #9aa3ad; }
    :host([status='saved']) .dot { background: #1a7f37; }
    :host([status='syncing']) .dot { background: #bf8700; animation: pulse 1.2s ease-in-out infinite; }
    :host([status='offline']) .dot { background: #cf222e; }
    :host([status='offline']) [part='label'] { color: #a40e26; }
    @keyframes pulse { 50% { opacity: 0.35; } }
    @media (prefers-reduced-motion: reduce) { .dot { animation: none !important; } }
  `

  @property({ reflect: true }) status: SyncStatus = 'offline'
  /** Local changes the server has not confirmed. */
  @property({ type: Number }) pending = 0

  private readonly locale = new LocaleController(this)

  private label(): string {
    const n = this.pending
    if (this.status === 'saved') return t('status.saved')
    if (this.status === 'syncing') return n > 0 ? t('status.syncingN', { n }) : t('status.syncing')
    return n > 0 ? t('status.offlineN', { n }) : t('status.offline')
  }

  protected override render() {
    return html`<span class="dot" aria-hidden="true"></span><span part="label" role="status" aria-live="polite">${this.label()}</span>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-sync-status': DongbiSyncStatus
  }
}
