import { LocaleController, getLocale } from '@dongbi/editor'
import type { BranchCheckerDto, CheckerRuleDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'

/**
 * 格式检查设置 of one branch: the practice-only rules of the 公文 format checker, each on or
 * off for the branch's documents (secretaries and admins change them; members see them), and
 * the rules from the 条例 and GB/T 9704 that always apply.
 */
@customElement('dongbi-checker-settings')
export class DongbiCheckerSettings extends LitElement {
  @property() branchId = ''
  @state() private settings: BranchCheckerDto | undefined
  @state() private error = ''
  @state() private saved = false
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('branchId') && this.branchId) void this.load()
  }

  private async load(): Promise<void> {
    try {
      this.settings = await api.branchChecker(this.branchId)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async handleToggle(rule: CheckerRuleDto, enabled: boolean): Promise<void> {
    if (!this.settings) return
    const disabled = new Set(this.settings.disabledRules)
    if (enabled) disabled.delete(rule.id)
    else disabled.add(rule.id)
    this.error = ''
    this.saved = false
    try {
      this.settings = await api.setBranchChecker(this.branchId, { disabledRules: [...disabled] })
      this.saved = true
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
      await this.load()
    }
  }

  private message(rule: CheckerRuleDto): string {
    return getLocale() === 'en' ? rule.messageEn : rule.message
  }

  protected override render() {
    const settings = this.settings
    if (!settings) return this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing
    const practice = settings.rules.filter((r) => r.disableable)
    const fixed = settings.rules.filter((r) => !r.disableable)
    return html`<section class="card checker-settings">
      <h2>${tr('check.settings')} ${this.saved ? html`<span class="chip saved">${tr('check.settingsSaved')}</span>` : nothing}</h2>
      <p class="muted small">${tr('check.settingsHint')}</p>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      <ul class="rule-list">
        ${practice.map(
          (rule) => html`<li>
            <label>
              <input type="checkbox" data-rule-id=${rule.id} .checked=${!settings.disabledRules.includes(rule.id)} ?disabled=${!settings.canEdit} @change=${(e: Event) => this.handleToggle(rule, (e.target as HTMLInputElement).checked)} />
              <span>${this.message(rule)}</span>
              <code class="muted small">${rule.id}</code>
            </label>
          </li>`,
        )}
      </ul>
      <details>
        <summary class="small">${tr('check.basis.reg')} / ${tr('check.basis.std')} (${fixed.length})</summary>
        <ul class="rule-list fixed">
          ${fixed.map((rule) => html`<li><span>${this.message(rule)}</span> <span class="muted small">${rule.clause ?? ''}</span></li>`)}
        </ul>
      </details>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-checker-settings': DongbiCheckerSettings
  }
}
