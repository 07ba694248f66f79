import { LocaleController } from '@dongbi/editor'
import type { DocumentDto, ReviewDto, UserDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'

interface Person {
  id: string
  displayName: string
  username: string
}

/**
 * 提交审阅: choose a mentor (the mentors of the author's branches first, anyone else by
 * search) and add an optional note; submits, or resubmits after a return.
 *
 * @fires dongbi-review-change - `ReviewDto` after a successful submission.
 */
@customElement('dongbi-submit-review-dialog')
export class DongbiSubmitReviewDialog extends LitElement {
  @property({ attribute: false }) document!: DocumentDto
  @property({ attribute: false }) me!: UserDto
  /** The reviewer of the last round, chosen again by default on a resubmission. */
  @property({ attribute: false }) previousReviewerId: string | null = null
  @state() private mentors: Person[] = []
  @state() private others: Person[] = []
  @state() private picked: string | null = null
  @state() private busy = false
  @state() private error = ''
  @query('dialog') private dialog!: HTMLDialogElement
  private searchTimer: ReturnType<typeof setTimeout> | undefined
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  /** Opens the dialog and loads the mentors of the author's branches. */
  async open(): Promise<void> {
    this.error = ''
    this.picked = this.previousReviewerId
    this.dialog.showModal()
    const branches = await Promise.all(this.me.memberships.map((m) => api.branch(m.branchId).catch(() => undefined)))
    const mentors = new Map<string, Person>()
    for (const member of branches.flatMap((b) => b?.members ?? [])) {
      if (member.role === 'mentor' && !member.disabled && member.userId !== this.me.id) {
        mentors.set(member.userId, { id: member.userId, displayName: member.displayName, username: member.username })
      }
    }
    this.mentors = [...mentors.values()]
    this.picked ??= this.mentors.length === 1 ? this.mentors[0]!.id : null
    await this.search('')
  }

  private async search(q: string): Promise<void> {
    const found = await api.directory(q).catch(() => ({ users: [] }))
    const mentorIds = new Set(this.mentors.map((m) => m.id))
    this.others = found.users.filter((u) => u.id !== this.me.id && !mentorIds.has(u.id))
  }

  private handleSearch(event: Event): void {
    const q = (event.target as HTMLInputElement).value.trim()
    clearTimeout(this.searchTimer)
    this.searchTimer = setTimeout(() => void this.search(q), 150)
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    if (!this.picked) return
    const comment = this.querySelector<HTMLTextAreaElement>('textarea[name=note]')!.value.trim()
    this.busy = true
    this.error = ''
    try {
      const review = await api.submitReview(this.document.id, { reviewerId: this.picked, ...(comment ? { comment } : {}) })
      this.dispatchEvent(new CustomEvent<ReviewDto>('dongbi-review-change', { detail: review, bubbles: true, composed: true }))
      this.dialog.close()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }

  private renderPeople(people: Person[]) {
    return html`<ul class="people-list" role="radiogroup">
      ${people.map(
        (p) => html`<li>
          <label class="person-option">
            <input type="radio" name="reviewer" value=${p.id} .checked=${this.picked === p.id} @change=${() => (this.picked = p.id)} />
            <span class="avatar person-initial">${p.displayName.slice(0, 1)}</span>
            <span>${p.displayName}</span><span class="muted small">${p.username}</span>
          </label>
        </li>`,
      )}
    </ul>`
  }

  protected override render() {
    return html`<dialog class="app-dialog submit-review-dialog" aria-labelledby="submit-review-title">
      <form method="dialog" @submit=${this.handleSubmit}>
        <h2 id="submit-review-title">${tr('review.chooseMentor')}</h2>
        ${this.mentors.length ? html`<h3>${tr('review.mentorsFirst')}</h3>${this.renderPeople(this.mentors)}` : nothing}
        <h3>${tr('review.others')}</h3>
        <input class="people-search" type="search" placeholder=${tr('review.search')} aria-label=${tr('review.search')} @input=${this.handleSearch} />
        ${this.renderPeople(this.others)}
        <label class="field">${tr('review.note')}<textarea name="note" rows="3" maxlength="5000"></textarea></label>
        ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
        <div class="app-dialog-actions">
          <button class="small-button" type="button" @click=${() => this.dialog.close()}>${tr('common.cancel')}</button>
          <button class="primary" type="submit" ?disabled=${!this.picked || this.busy}>${tr('review.send')}</button>
        </div>
      </form>
    </dialog>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-submit-review-dialog': DongbiSubmitReviewDialog
  }
  interface HTMLElementEventMap {
    'dongbi-review-change': CustomEvent<ReviewDto>
  }
}
