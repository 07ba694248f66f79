import { LocaleController } from '@dongbi/editor'
import type { ReviewDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'

/** What the reviewer decides: return for changes (an overall comment required) or approve. */
export type ReviewVerdict = 'return' | 'approve'

/**
 * 退回修改 / 通过: the reviewer's overall comment and decision.
 *
 * @fires dongbi-review-change - `ReviewDto` after the decision was recorded.
 */
@customElement('dongbi-review-comment-dialog')
export class DongbiReviewCommentDialog extends LitElement {
  @property() documentId = ''
  @state() private verdict: ReviewVerdict = 'return'
  @state() private busy = false
  @state() private error = ''
  @query('dialog') private dialog!: HTMLDialogElement
  @query('textarea') private textarea!: HTMLTextAreaElement
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  /** Opens the dialog for a decision. */
  async open(verdict: ReviewVerdict): Promise<void> {
    this.verdict = verdict
    this.error = ''
    await this.updateComplete
    this.textarea.value = ''
    this.dialog.showModal()
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const comment = this.textarea.value.trim()
    if (this.verdict === 'return' && !comment) {
      this.error = tr('review.needComment')
      return
    }
    this.busy = true
    this.error = ''
    try {
      const review =
        this.verdict === 'return'
          ? await api.returnReview(this.documentId, { comment })
          : await api.approveReview(this.documentId, comment ? { comment } : {})
      this.dispatchEvent(new CustomEvent<ReviewDto>('dongbi-review-change', { detail: review, bubbles: true, composed: true }))
      this.dialog.close()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }

  protected override render() {
    const returning = this.verdict === 'return'
    return html`<dialog class="app-dialog review-comment-dialog" aria-labelledby="review-comment-title">
      <form method="dialog" @submit=${this.handleSubmit}>
        <h2 id="review-comment-title">${tr(returning ? 'review.returnTitle' : 'review.approveTitle')}</h2>
        <label class="field">${tr(returning ? 'review.returnComment' : 'review.approveComment')}<textarea name="comment" rows="5" maxlength="5000" aria-required=${returning ? "true" : "false"}></textarea></label>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
        <div class="app-dialog-actions">
          <button class="small-button" type="button" @click=${() => this.dialog.close()}>${tr('common.cancel')}</button>
          <button class="primary" type="submit" ?disabled=${this.busy}>${tr(returning ? 'review.return' : 'review.approve')}</button>
        </div>
      </form>
    </dialog>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-review-comment-dialog': DongbiReviewCommentDialog
  }
}
