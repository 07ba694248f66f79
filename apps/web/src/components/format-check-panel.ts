import { LocaleController, getLocale, type DongbiEditor, type EditorFinding, type FormatCheckDetail } from '@dongbi/editor'
import { documentKindInfo, type DocumentKind } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { tr } from '../messages.ts'
import { EditorEventController } from './EditorEventController.ts'

/**
 * 格式检查: the format checker's findings, errors first then warnings, each with its message,
 * the text it points at and where the rule comes from (条例 / 国标 / 实务). Clicking a finding
 * selects its text in the editor; 一键修正 applies an unambiguous fix. Follows the editor's
 * `dongbi-format-check` events.
 *
 * @fires dongbi-close - the close button was pressed.
 */
@customElement('dongbi-format-check-panel')
export class DongbiFormatCheckPanel extends LitElement {
  @property({ attribute: false }) editorElement: DongbiEditor | null = null
  /** The kind the document is checked as (for the empty state). */
  @property() kind: DocumentKind = 'free'
  /** May apply fixes (edit access). */
  @property({ type: Boolean }) canFix = false
  @state() private findings: EditorFinding[] = []
  private readonly locale = new LocaleController(this)
  /** Keeps the list in step with the editor. */
  private readonly events = new EditorEventController<FormatCheckDetail>(
    this,
    () => this.editorElement,
    'dongbi-format-check',
    (event) => (this.findings = event.detail.findings),
    (editor) => (this.findings = editor?.findings ?? []),
  )

  override createRenderRoot(): HTMLElement {
    return this
  }

  private handleFix(event: Event, finding: EditorFinding): void {
    event.stopPropagation()
    this.editorElement?.applyFix(finding)
  }

  private fixLabel(finding: EditorFinding) {
    const insert = finding.fix!.insert
    return insert ? tr('check.fixTo', { insert }) : tr('check.fixDelete', { text: finding.text })
  }

  private renderFinding(finding: EditorFinding) {
    return html`<li class="check-item ${finding.severity}" data-rule-id=${finding.ruleId}>
      <button class="check-target" type="button" @click=${() => this.editorElement?.revealFinding(finding)}>
        <span class="check-message">${finding.message}</span>
        ${finding.text.trim() ? html`<span class="check-text">${finding.text}</span>` : nothing}
        <span class="check-meta">${tr(`check.basis.${finding.basis}`)} · ${finding.ruleId}</span>
      </button>
      ${finding.fix && this.canFix
        ? html`<button class="small-button check-fix" type="button" title=${this.fixLabel(finding)} @click=${(e: Event) => this.handleFix(e, finding)}>${tr('check.fix')}</button>`
        : nothing}
    </li>`
  }

  private renderGroup(severity: 'error' | 'warning', findings: EditorFinding[]) {
    if (findings.length === 0) return nothing
    return html`<h3 class="check-group ${severity}">${tr(severity === 'error' ? 'check.errors' : 'check.warnings')} <span class="count">${findings.length}</span></h3>
      <ol class="check-list">${findings.map((f) => this.renderFinding(f))}</ol>`
  }

  protected override render() {
    const errors = this.findings.filter((f) => f.severity === 'error')
    const warnings = this.findings.filter((f) => f.severity === 'warning')
    const info = documentKindInfo[this.kind]
    const fixable = this.canFix ? this.findings.filter((f) => f.fix).length : 0
    return html`<section class="format-check-panel" aria-label=${tr('check.title')}>
      <header>
        <h2>${tr('check.title')}</h2>
        ${fixable > 1 ? html`<button class="small-button check-fix-all" type="button" @click=${() => this.editorElement?.applyAllFixes()}>${tr('check.fixAll', { n: fixable })}</button>` : nothing}
        <button class="close" type="button" title=${tr('check.close')} aria-label=${tr('check.close')} @click=${() => this.dispatchEvent(new CustomEvent('dongbi-close', { bubbles: true, composed: true }))}>×</button>
      </header>
      ${this.findings.length === 0
        ? html`<div class="check-empty">
            <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9"/><path d="m8 12.5 2.8 2.8L16.5 9"/></svg>
            <p>${tr('check.empty')}</p>
            <p class="muted small">${tr('check.emptyHint', { kind: getLocale() === 'en' ? info.en : info.zh })}</p>
          </div>`
        : html`${this.renderGroup('error', errors)}${this.renderGroup('warning', warnings)}`}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-format-check-panel': DongbiFormatCheckPanel
  }
}
