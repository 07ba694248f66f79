import { LocaleController } from '@dongbi/editor'
import type { DocumentDiffDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { tr } from '../messages.ts'

/** Shows a line break that was inserted or deleted, which is otherwise invisible. */
function visible(text: string): string {
  return text.replace(/\n/g, '↵\n')
}

/**
 * A character-level diff read inline: insertions underlined in green, deletions struck
 * through in red, unchanged text plain; blocks as paragraphs (the API separates them with a
 * blank line).
 */
@customElement('dongbi-version-diff')
export class DongbiVersionDiff extends LitElement {
  @property({ attribute: false }) diff: DocumentDiffDto | undefined
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override render() {
    const diff = this.diff
    if (!diff) return nothing
    const changed = diff.inserted > 0 || diff.deleted > 0
    return html`<p class="diff-stats">
        <span class="stat-ins">+${diff.inserted}</span><span class="stat-del">−${diff.deleted}</span>
        <span class="muted">${changed ? tr('versions.stats', { inserted: diff.inserted, deleted: diff.deleted }) : tr('versions.noChange')}</span>
      </p>
      <div class="diff-text reading">${diff.ops.map(({ op, text }) =>
        op === 'insert' ? html`<ins class="diff-ins">${/^\n+$/.test(text) ? visible(text) : text}</ins>` : op === 'delete' ? html`<del class="diff-del">${/^\n+$/.test(text) ? visible(text) : text}</del>` : text,
      )}</div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-version-diff': DongbiVersionDiff
  }
}
