import { LocaleController } from '@dongbi/editor'
import type { ResurfacedDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { tr } from '../messages.ts'
import { formatCount, formatJournalDate } from './formatJournalDate.ts'

/** How many entries a card shows before 「还有 N 篇」. */
const shown = 3

/**
 * 「一个月前的今天」 and 「一年前的今天」: cards with the entries written then, each linking to
 * its entry; nothing at all when there are none.
 *
 * @fires dongbi-show-day - `string`: 还有 N 篇 was clicked on the card of that date.
 */
@customElement('dongbi-journal-resurfaced')
export class DongbiJournalResurfaced extends LitElement {
  @property({ attribute: false }) groups: ResurfacedDto[] = []
  /** YYYY: dates in other years show their year. */
  @property() thisYear = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override render() {
    if (this.groups.length === 0) return nothing
    return html`<div class="resurface-row">
      ${this.groups.map(
        (group) => html`<section class="card resurface-card ago-${group.ago}">
          <p class="resurface-kicker">${group.ago === 'month' ? tr('journal.monthAgo') : tr('journal.yearAgo')}</p>
          ${group.entries.slice(0, shown).map(
            (entry) => html`<a class="resurface-entry" href="/d/${entry.id}">
              <span class="resurface-date muted small">${formatJournalDate(entry.date, { weekday: true, thisYear: this.thisYear })} · ${tr('journal.characters', { n: formatCount(entry.characters) })}</span>
              <strong>${entry.title}</strong>
              <span class="resurface-excerpt">${entry.excerpt || tr('journal.untitledExcerpt')}</span>
            </a>`,
          )}
          ${group.entries.length > shown
            ? html`<button type="button" class="link more-on" @click=${() => this.dispatchEvent(new CustomEvent<string>('dongbi-show-day', { detail: group.date, bubbles: true, composed: true }))}>
                ${tr('journal.moreOn', { n: group.entries.length - shown })}
              </button>`
            : nothing}
        </section>`,
      )}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-journal-resurfaced': DongbiJournalResurfaced
  }
  interface HTMLElementEventMap {
    'dongbi-show-day': CustomEvent<string>
  }
}
