import { LocaleController } from '@dongbi/editor'
import type { ReviewEventDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'
import { reviewEventText } from '../review/reviewLabels.ts'

/**
 * 审阅记录: who did what when, newest first, with the comments that came with it.
 *
 * @fires dongbi-close - when the close button is pressed.
 */
@customElement('dongbi-review-history')
export class DongbiReviewHistory extends LitElement {
  /** Oldest first, as the API gives it. */
  @property({ attribute: false }) history: ReviewEventDto[] = []
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override render() {
    const events = [...this.history].reverse()
    return html`<section class="review-history popover" aria-label=${tr('review.history')}>
      <header>
        <h2>${tr('review.history')}</h2>
        <button type="button" class="link" @click=${() => this.dispatchEvent(new CustomEvent('dongbi-close', { bubbles: true, composed: true }))}>${tr('versions.close')}</button>
      </header>
      ${events.length === 0
        ? html`<p class="muted small">${tr('review.historyEmpty')}</p>`
        : html`<ol class="timeline">
            ${events.map(
              (event) => html`<li class="timeline-item action-${event.action}">
                <span class="timeline-dot" aria-hidden="true"></span>
                <div>
                  <p class="timeline-line"><strong>${reviewEventText(event)}</strong></p>
                  <p class="muted small"><time datetime=${event.at} title=${new Date(event.at).toLocaleString()}>${formatTime(event.at)}</time></p>
                  ${event.checkSummary
                    ? html`<span class="timeline-check ${event.checkSummary.errors > 0 ? 'has-errors' : ''}">${tr('check.summary', event.checkSummary)}</span>`
                    : nothing}
                  ${event.comment ? html`<blockquote class="timeline-comment">${event.comment}</blockquote>` : nothing}
                </div>
              </li>`,
            )}
          </ol>`}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-review-history': DongbiReviewHistory
  }
  interface HTMLElementEventMap {
    'dongbi-close': CustomEvent<void>
  }
}
