import { LocaleController, type DongbiEditor } from '@dongbi/editor'
import type { CollabEvent, DocumentDto, ReviewDto, UserDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import type { DongbiReviewCommentDialog } from './review-comment-dialog.ts'
import './review-comment-dialog.ts'
import './review-history.ts'
import type { DongbiSubmitReviewDialog } from './submit-review-dialog.ts'
import './submit-review-dialog.ts'

/**
 * The review loop on the editor page: a status chip (草稿/已提交/已退回/已通过) that opens the
 * history, and the actions the user may take now — the author submits (or resubmits) and
 * withdraws, the chosen reviewer returns or approves. Every transition notifies the other
 * side, so a `notifications` event on `source` is the cue to reload the state.
 *
 * @fires dongbi-review-change - `ReviewDto` when this user changed the review.
 */
@customElement('dongbi-review-bar')
export class DongbiReviewBar extends LitElement {
  @property({ attribute: false }) document!: DocumentDto
  @property({ attribute: false }) me!: UserDto
  /** The editor whose server events tell when to reload. */
  @property({ attribute: false }) source: DongbiEditor | null = null
  /** An assignment's document: it is submitted to its allocated reviewers from the assignment panel instead. */
  @property({ type: Boolean }) assignmentWork = false
  @state() private review: ReviewDto | undefined
  @state() private historyOpen = false
  @state() private error = ''
  @query('dongbi-submit-review-dialog') private submitDialog!: DongbiSubmitReviewDialog
  @query('dongbi-review-comment-dialog') private commentDialog!: DongbiReviewCommentDialog
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('dongbi-review-change', this.handleChange)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.removeEventListener('dongbi-review-change', this.handleChange)
    this.source?.removeEventListener('dongbi-document-event', this.handleEvent)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('document') && this.document?.id !== (changed.get('document') as DocumentDto | undefined)?.id) void this.load()
    if (changed.has('source')) {
      ;(changed.get('source') as DongbiEditor | null | undefined)?.removeEventListener('dongbi-document-event', this.handleEvent)
      this.source?.addEventListener('dongbi-document-event', this.handleEvent)
    }
  }

  /** Reloads the review from the server. */
  async load(): Promise<void> {
    this.review = await api.review(this.document.id).catch(() => this.review)
  }

  private handleEvent = (event: CustomEvent<CollabEvent>): void => {
    if (event.detail.type === 'notifications') void this.load()
  }

  private handleChange = (event: CustomEvent<ReviewDto>): void => {
    this.review = event.detail
  }

  private async handleWithdraw(): Promise<void> {
    if (!confirm(tr('review.withdrawConfirm'))) return
    this.error = ''
    try {
      this.review = await api.withdrawReview(this.document.id)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
      await this.load()
    }
  }

  private renderActions(review: ReviewDto) {
    const isAuthor = this.document.access === 'owner'
    const isReviewer = review.reviewerId === this.me.id
    const state = review.state
    return html`${isAuthor && !this.assignmentWork && (state === 'draft' || state === 'returned')
      ? html`<button class="review-button primary-action submit-review" type="button" @click=${() => this.submitDialog.open()}>${tr(state === 'returned' ? 'review.resubmit' : 'review.submit')}</button>`
      : nothing}
    ${isAuthor && state === 'submitted' ? html`<button class="review-button withdraw-review" type="button" @click=${this.handleWithdraw}>${tr('review.withdraw')}</button>` : nothing}
    ${isReviewer && state === 'submitted'
      ? html`<button class="review-button return-review" type="button" @click=${() => this.commentDialog.open('return')}>${tr('review.return')}</button>
          <button class="review-button primary-action approve-review" type="button" @click=${() => this.commentDialog.open('approve')}>${tr('review.approve')}</button>`
      : nothing}`
  }

  protected override render() {
    const review = this.review
    if (!review) return nothing
    const title = review.reviewerName ? tr('review.reviewer', { name: review.reviewerName }) : tr('review.history')
    return html`<div class="review-bar">
      <button class="chip review-chip state-${review.state}" type="button" title=${title} aria-expanded=${this.historyOpen ? 'true' : 'false'} @click=${() => (this.historyOpen = !this.historyOpen)}>
        ${tr(`review.state.${review.state}`)}${review.reviewerName && review.state !== 'draft' ? html`<span class="review-who">· ${review.reviewerName}</span>` : nothing}
      </button>
      ${this.renderActions(review)}
      ${this.error ? html`<span class="review-error" role="alert">${this.error}</span>` : nothing}
      ${this.historyOpen ? html`<dongbi-review-history .history=${review.history} @dongbi-close=${() => (this.historyOpen = false)}></dongbi-review-history>` : nothing}
      <dongbi-submit-review-dialog .document=${this.document} .me=${this.me} .previousReviewerId=${review.reviewerId}></dongbi-submit-review-dialog>
      <dongbi-review-comment-dialog .documentId=${this.document.id}></dongbi-review-comment-dialog>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-review-bar': DongbiReviewBar
  }
}
