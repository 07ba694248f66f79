import { LocaleController } from '@dongbi/editor'
import { addMonths, type StudyTopicsDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { tr } from '../messages.ts'
import { formatJournalMonth } from './formatJournalDate.ts'
import { journalApi } from './journalApi.ts'

interface DraftTopic {
  title: string
  /** One question per line. */
  questions: string
}

/**
 * A branch's study topics (专题) for a month, from which the daily prompts are drawn: a list for
 * members; an editor (add, remove, reorder, guiding questions) for its secretary and admins.
 *
 * @fires dongbi-topics-saved - after a successful save, so today's prompt can be reloaded.
 */
@customElement('dongbi-study-topics-card')
export class DongbiStudyTopicsCard extends LitElement {
  @property() branchId = ''
  @property() branchName = ''
  /** YYYY-MM */
  @property() month = ''
  /** Show ‹ › to move between months (on the branch page; the journal page follows its calendar). */
  @property({ type: Boolean, attribute: 'month-picker' }) monthPicker = false
  @state() private topics: StudyTopicsDto | undefined
  @state() private draft: DraftTopic[] | undefined
  @state() private error = ''
  @state() private saved = false
  @state() private busy = false
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('branchId') || changed.has('month')) && this.branchId && this.month) void this.load()
  }

  private async load(): Promise<void> {
    this.draft = undefined
    this.error = ''
    try {
      this.topics = await journalApi.studyTopics(this.branchId, this.month)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private startEditing(): void {
    this.saved = false
    const topics = this.topics?.topics ?? []
    this.draft = topics.length ? topics.map((t) => ({ title: t.title, questions: t.questions.join('\n') })) : [{ title: '', questions: '' }]
  }

  private edit(index: number, changes: Partial<DraftTopic>): void {
    this.draft = this.draft!.map((t, i) => (i === index ? { ...t, ...changes } : t))
  }

  private move(index: number, by: number): void {
    const draft = [...this.draft!]
    const [topic] = draft.splice(index, 1)
    draft.splice(index + by, 0, topic!)
    this.draft = draft
  }

  private async handleSave(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const topics = this.draft!
      .filter((t) => t.title.trim())
      .map((t) => ({ title: t.title.trim(), questions: t.questions.split('\n').map((q) => q.trim()).filter(Boolean) }))
    this.busy = true
    this.error = ''
    try {
      this.topics = await journalApi.setStudyTopics(this.branchId, this.month, { topics })
      this.draft = undefined
      this.saved = true
      this.dispatchEvent(new CustomEvent('dongbi-topics-saved', { bubbles: true, composed: true }))
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }

  private renderEditor(draft: DraftTopic[]) {
    return html`<form class="topics-editor" @submit=${this.handleSave}>
      <p class="muted small">${tr('journal.topicsHint')}</p>
      <ol class="topic-drafts">
        ${draft.map(
          (topic, i) => html`<li class="topic-draft">
            <span class="topic-number">${i + 1}</span>
            <div class="topic-fields">
              <input
                type="text"
                name="title"
                maxlength="60"
                .value=${topic.title}
                placeholder=${tr('journal.topicTitle')}
                aria-label=${tr('journal.topicTitle')}
                @input=${(e: Event) => this.edit(i, { title: (e.target as HTMLInputElement).value })}
              />
              <textarea
                rows="2"
                .value=${topic.questions}
                placeholder=${tr('journal.topicQuestions')}
                aria-label=${tr('journal.topicQuestions')}
                @input=${(e: Event) => this.edit(i, { questions: (e.target as HTMLTextAreaElement).value })}
              ></textarea>
            </div>
            <div class="topic-actions">
              <button type="button" class="icon-button" ?disabled=${i === 0} title=${tr('journal.topicUp')} aria-label=${tr('journal.topicUp')} @click=${() => this.move(i, -1)}>↑</button>
              <button type="button" class="icon-button" ?disabled=${i === draft.length - 1} title=${tr('journal.topicDown')} aria-label=${tr('journal.topicDown')} @click=${() => this.move(i, 1)}>↓</button>
              <button type="button" class="icon-button danger" title=${tr('journal.topicRemove')} aria-label=${tr('journal.topicRemove')} @click=${() => (this.draft = draft.filter((_, j) => j !== i))}>×</button>
            </div>
          </li>`,
        )}
      </ol>
      ${draft.length < 31 ? html`<button type="button" class="link add-topic" @click=${() => (this.draft = [...draft, { title: '', questions: '' }])}>${tr('journal.topicsAdd')}</button>` : nothing}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      <div class="row-actions">
        <button type="button" class="small-button" @click=${() => (this.draft = undefined)}>${tr('common.cancel')}</button>
        <button type="submit" class="primary small" ?disabled=${this.busy}>${tr('journal.topicsSave')}</button>
      </div>
    </form>`
  }

  protected override render() {
    const topics = this.topics
    return html`<section class="card study-topics">
      <header class="card-head">
        ${this.monthPicker && !this.draft
          ? html`<button class="icon-button" type="button" aria-label=${tr('journal.prevMonth')} title=${tr('journal.prevMonth')} @click=${() => (this.month = addMonths(this.month, -1))}>‹</button>`
          : nothing}
        <h2>${tr('journal.topicsOf', { branch: this.branchName, month: formatJournalMonth(this.month) })}</h2>
        ${this.monthPicker && !this.draft
          ? html`<button class="icon-button" type="button" aria-label=${tr('journal.nextMonth')} title=${tr('journal.nextMonth')} @click=${() => (this.month = addMonths(this.month, 1))}>›</button>`
          : nothing}
        ${topics?.canEdit && !this.draft ? html`<button type="button" class="small-button" @click=${this.startEditing}>${tr('journal.topicsEdit')}</button>` : nothing}
      </header>
      ${this.draft
        ? this.renderEditor(this.draft)
        : topics === undefined
          ? this.error
            ? html`<p class="form-error" role="alert">${this.error}</p>`
            : html`<p class="muted small" aria-busy="true">…</p>`
          : topics.topics.length === 0
            ? html`<p class="muted small">${tr('journal.topicsEmpty')}</p>`
            : html`<ol class="topic-list">
                ${topics.topics.map(
                  (t) => html`<li><strong>${t.title}</strong>${t.questions.length ? html`<ul>${t.questions.map((q) => html`<li>${q}</li>`)}</ul>` : nothing}</li>`,
                )}
              </ol>`}
      ${this.saved && !this.draft ? html`<p class="form-ok" role="status">${tr('journal.topicsSaved')}</p>` : nothing}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-study-topics-card': DongbiStudyTopicsCard
  }
  interface HTMLElementEventMap {
    'dongbi-topics-saved': CustomEvent<void>
  }
}
