import { LocaleController } from '@dongbi/editor'
import type { JournalEntryDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { tr } from '../messages.ts'
import { formatCount, formatJournalDate, formatShortMonth, formatWeekday } from './formatJournalDate.ts'
import { journalApi } from './journalApi.ts'
import './tag-input.ts'

/**
 * Journal entries as cards: date, title, the prompt answered, the opening lines, tags (click to
 * filter, edit in place), 字数 and whether it is shared.
 *
 * @fires dongbi-filter-tag - `string`: a tag chip was clicked.
 * @fires dongbi-entry-changed - an entry's tags were saved.
 * @fires dongbi-delete-entry - `JournalEntryDto`: 删除 was clicked.
 */
@customElement('dongbi-journal-entry-list')
export class DongbiJournalEntryList extends LitElement {
  @property({ attribute: false }) entries: JournalEntryDto[] = []
  /** The user's tags, offered while editing. */
  @property({ attribute: false }) suggestions: string[] = []
  /** YYYY: dates in other years show their year. */
  @property() thisYear = ''
  @state() private editing: string | null = null
  @state() private error = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  private emit<T>(name: string, detail?: T): void {
    this.dispatchEvent(new CustomEvent<T | undefined>(name, { detail, bubbles: true, composed: true }))
  }

  private async saveTags(entry: JournalEntryDto, tags: string[]): Promise<void> {
    this.error = ''
    try {
      const updated = await journalApi.updateEntry(entry.id, { tags })
      this.entries = this.entries.map((e) => (e.id === entry.id ? updated : e))
      this.emit('dongbi-entry-changed')
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private renderEntry(entry: JournalEntryDto) {
    return html`<li class="journal-entry" data-id=${entry.id}>
      <div class="entry-date" title=${formatJournalDate(entry.date, { weekday: true, thisYear: this.thisYear })}>
        <span class="entry-day">${Number(entry.date.slice(8))}</span>
        <span class="entry-month">${formatShortMonth(entry.date, { thisYear: this.thisYear })}</span>
        <span class="entry-weekday">${formatWeekday(entry.date)}</span>
      </div>
      <div class="entry-body">
        <div class="entry-title-row">
          <a class="entry-title" href="/d/${entry.id}">${entry.title}</a>
        </div>
        ${entry.prompt ? html`<p class="entry-prompt">${entry.prompt}</p>` : nothing}
        <p class="entry-excerpt ${entry.excerpt ? '' : 'muted'}">${entry.excerpt || tr('journal.untitledExcerpt')}</p>
        ${this.editing === entry.id
          ? html`<div class="entry-tag-editor">
              <dongbi-tag-input .tags=${entry.tags} .suggestions=${this.suggestions} @dongbi-tags-change=${(e: CustomEvent<string[]>) => this.saveTags(entry, e.detail)}></dongbi-tag-input>
              <button type="button" class="small-button" @click=${() => (this.editing = null)}>${tr('share.close')}</button>
            </div>
            ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}`
          : nothing}
        <div class="entry-meta">
          ${this.editing === entry.id
            ? nothing
            : entry.tags.map((tag) => html`<button type="button" class="tag-chip link-chip" @click=${() => this.emit('dongbi-filter-tag', tag)}>#${tag}</button>`)}
          <span class="entry-characters">${tr('journal.characters', { n: formatCount(entry.characters) })}</span>
          ${entry.shareCount ? html`<span class="chip access-comment">${tr('journal.shared')}</span>` : nothing}
          <span class="spacer"></span>
          <span class="entry-actions">
            <button type="button" @click=${() => (this.editing = this.editing === entry.id ? null : entry.id)}>${tr('journal.editTags')}</button>
            <button type="button" class="danger" @click=${() => this.emit('dongbi-delete-entry', entry)}>${tr('journal.delete')}</button>
          </span>
        </div>
      </div>
    </li>`
  }

  protected override render() {
    return html`<ul class="journal-entry-list">${this.entries.map((e) => this.renderEntry(e))}</ul>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-journal-entry-list': DongbiJournalEntryList
  }
  interface HTMLElementEventMap {
    'dongbi-filter-tag': CustomEvent<string>
    'dongbi-entry-changed': CustomEvent<undefined>
    'dongbi-delete-entry': CustomEvent<JournalEntryDto>
  }
}
