import { LocaleController } from '@dongbi/editor'
import type { ReviewQueueDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'
import { session } from '../session.ts'

/**
 * 待我审阅: documents submitted to me and waiting for my decision. Shown to mentors always
 * (with an empty state), to anyone else only when something is waiting. Reloads when the
 * unread count changes, since a new request always comes with a notification.
 */
@customElement('dongbi-review-queue')
export class DongbiReviewQueue extends LitElement {
  @state() private reviews: ReviewQueueDto['reviews'] | undefined
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('dongbi-unread-change', this.handleUnread)
    void this.load()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('dongbi-unread-change', this.handleUnread)
  }

  private handleUnread = (): void => void this.load()

  private async load(): Promise<void> {
    this.reviews = (await api.reviews('reviewer', 'submitted').catch(() => undefined))?.reviews ?? this.reviews
  }

  protected override render() {
    const reviews = this.reviews
    const mentor = session.user?.memberships.some((m) => m.role === 'mentor') ?? false
    if (!reviews || (reviews.length === 0 && !mentor)) return nothing
    return html`<section class="review-queue" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title">${tr('review.queue')} ${reviews.length ? html`<span class="count-badge">${reviews.length}</span>` : nothing}</h2>
      ${reviews.length === 0
        ? html`<p class="muted small queue-empty">${tr('review.queueEmpty')}</p>`
        : html`<ul class="doc-list">
            ${reviews.map(
              (r) => html`<li class="doc-row" data-id=${r.documentId}>
                <svg class="doc-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 3h8l4 4v14H6z"/><path d="M9 13l2 2 4-4"/></svg>
                <a class="doc-title" href="/d/${r.documentId}">${r.title}</a>
                <span class="chip review-chip state-${r.state}">${tr(`review.state.${r.state}`)}</span>
                <span class="doc-time">${r.submittedByName ? tr('review.submittedBy', { name: r.submittedByName }) : ''} · ${formatTime(r.updatedAt)}</span>
              </li>`,
            )}
          </ul>`}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-review-queue': DongbiReviewQueue
  }
}
