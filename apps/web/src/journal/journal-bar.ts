import { LocaleController } from '@dongbi/editor'
import type { DocumentDto, JournalEntryDto, JournalMentorsDto, ShareDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { formatJournalDate } from './formatJournalDate.ts'
import { journalApi } from './journalApi.ts'
import './tag-input.ts'

type Mentor = JournalMentorsDto['mentors'][number]

/**
 * The strip above a journal entry in the editor: its date and the prompt it answers; for its
 * writer, the date picker, tags and 「分享给导师」 — sharing at 可评论 with a mentor of their
 * branch in one click (comments then work as on any document).
 */
@customElement('dongbi-journal-bar')
export class DongbiJournalBar extends LitElement {
  @property({ attribute: false }) document!: DocumentDto
  @state() private entry: JournalEntryDto | undefined
  @state() private suggestions: string[] = []
  @state() private mentors: Mentor[] | undefined
  @state() private shares: ShareDto[] = []
  @state() private menuOpen = false
  @state() private error = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('document') && this.document && this.document.id !== changed.get('document')?.id) void this.load()
  }

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('click', this.handleOutsideClick)
    document.addEventListener('keydown', this.handleEscape)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('click', this.handleOutsideClick)
    document.removeEventListener('keydown', this.handleEscape)
  }

  private handleEscape = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.menuOpen) this.menuOpen = false
  }

  private handleOutsideClick = (event: MouseEvent): void => {
    if (this.menuOpen && !event.composedPath().includes(this.querySelector('.mentor-share')!)) this.menuOpen = false
  }

  private async load(): Promise<void> {
    try {
      this.entry = await journalApi.entry(this.document.id)
      if (this.entry.mine) this.suggestions = (await journalApi.tags()).tags.map((t) => t.tag)
    } catch {
      this.entry = undefined
    }
  }

  private async saveChanges(changes: { date?: string; tags?: string[] }): Promise<void> {
    this.error = ''
    try {
      this.entry = await journalApi.updateEntry(this.document.id, changes)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async toggleMenu(): Promise<void> {
    this.menuOpen = !this.menuOpen
    if (!this.menuOpen) return
    const [mentors, shares] = await Promise.all([journalApi.mentors(), api.shares(this.document.id)])
    this.mentors = mentors.mentors
    this.shares = shares.shares
  }

  private sharedWith(mentor: Mentor): ShareDto | undefined {
    return this.shares.find((s) => s.granteeType === 'user' && s.granteeId === mentor.id)
  }

  private async share(mentor: Mentor, on: boolean): Promise<void> {
    this.error = ''
    try {
      if (on) await api.setShare(this.document.id, 'user', mentor.id, 'comment')
      else await api.removeShare(this.document.id, 'user', mentor.id)
      this.shares = (await api.shares(this.document.id)).shares
      this.entry = await journalApi.entry(this.document.id)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private renderMenu() {
    const mentors = this.mentors
    return html`<div class="popover mentor-menu" role="dialog" aria-label=${tr('journal.shareMentorTitle')}>
      <header><h2>${tr('journal.shareMentorTitle')}</h2></header>
      <p class="muted small">${tr('journal.shareMentorHint')}</p>
      ${mentors === undefined
        ? html`<p class="muted small" aria-busy="true">…</p>`
        : mentors.length === 0
          ? html`<p class="muted small">${tr('journal.noMentors')}</p>`
          : html`<ul class="plain-list mentor-list">
              ${mentors.map((mentor) => {
                const share = this.sharedWith(mentor)
                return html`<li data-mentor=${mentor.id}>
                  <span class="avatar person-initial">${mentor.displayName.slice(0, 1)}</span>
                  <span class="grow"><strong>${mentor.displayName}</strong><br /><span class="muted small">${tr('journal.mentorOf', { branch: mentor.branchName })}</span></span>
                  ${share
                    ? html`<span class="chip access-comment">${tr('journal.sharedWith')}</span>
                        <button type="button" class="small-button" @click=${() => this.share(mentor, false)}>${tr('journal.unshare')}</button>`
                    : html`<button type="button" class="primary small share-to-mentor" @click=${() => this.share(mentor, true)}>${tr('journal.shareTo')}</button>`}
                </li>`
              })}
            </ul>`}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
    </div>`
  }

  protected override render() {
    const entry = this.entry
    if (!entry) return nothing
    return html`<div class="journal-bar">
      <span class="journal-bar-label">${tr('nav.journal')}</span>
      ${entry.mine
        ? html`<label class="journal-date">
            <span class="sr-only">${tr('journal.date')}</span>
            <input type="date" .value=${entry.date} min="2000-01-01" max="2100-12-31" @change=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value
              if (value && value !== entry.date) void this.saveChanges({ date: value })
            }} />
          </label>`
        : html`<span class="journal-date">${formatJournalDate(entry.date, { weekday: true })}</span>`}
      ${entry.prompt ? html`<span class="journal-prompt" title=${entry.prompt}><span class="muted">${tr('journal.prompt')}：</span>${entry.prompt}</span>` : nothing}
      ${entry.mine
        ? html`<dongbi-tag-input .tags=${entry.tags} .suggestions=${this.suggestions} @dongbi-tags-change=${(e: CustomEvent<string[]>) => this.saveChanges({ tags: e.detail })}></dongbi-tag-input>
            <span class="spacer"></span>
            <div class="mentor-share">
              <button type="button" class="review-button share-mentor-button" aria-expanded=${this.menuOpen ? 'true' : 'false'} @click=${this.toggleMenu}>
                ${tr('journal.shareMentor')}${entry.shareCount ? html` <span class="chip access-comment">${tr('journal.shared')}</span>` : nothing}
              </button>
              ${this.menuOpen ? this.renderMenu() : nothing}
            </div>`
        : nothing}
      ${this.error && !this.menuOpen ? html`<span class="form-error small" role="alert">${this.error}</span>` : nothing}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-journal-bar': DongbiJournalBar
  }
}
