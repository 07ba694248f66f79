import { LocaleController } from '@dongbi/editor'
import { addMonths, datesOfMonth, localDate, type JournalCalendarDto, type JournalEntryDto, type JournalPromptDto, type JournalTagsDto, type JournalTodayDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { tr } from '../messages.ts'
import { navigate } from '../router.ts'
import { session } from '../session.ts'
import { formatJournalDate, formatJournalMonth } from './formatJournalDate.ts'
import './journal-calendar.ts'
import './journal-entry-list.ts'
import './journal-resurfaced.ts'
import './journal-stats.ts'
import { journalApi } from './journalApi.ts'
import './study-topics-card.ts'
import { ToastController } from '../components/ToastController.ts'

/** The prompt as an entry keeps it: 「专题：思考题」. */
function promptText(prompt: JournalPromptDto): string {
  return prompt.question ? `${prompt.topic}：${prompt.question}` : prompt.topic
}

/**
 * 学习日志: today's prompt and 「写今天的日志」, entries from a month and a year ago, a month
 * calendar with streaks and 字数, the entries of the month (or a day, or a tag) with their
 * tags, and the branch's study topics (editable by its secretary).
 */
@customElement('dongbi-journal-page')
export class DongbiJournalPage extends LitElement {
  /** The user's local today, fixed when the page opens. */
  @state() private today = localDate()
  @state() private month = localDate().slice(0, 7)
  @state() private selectedDay: string | null = null
  @state() private tag: string | null = null
  @state() private todayData: JournalTodayDto | undefined
  @state() private calendar: JournalCalendarDto | undefined
  @state() private entries: JournalEntryDto[] | undefined
  @state() private tags: JournalTagsDto['tags'] = []
  @state() private error = ''
  @state() private busy = false
  private readonly toast = new ToastController(this)
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.loadAll()
  }

  private async loadAll(): Promise<void> {
    this.error = ''
    try {
      await Promise.all([this.loadToday(), this.loadMonth(), this.loadEntries(), this.loadTags()])
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async loadToday(): Promise<void> {
    this.todayData = await journalApi.today(this.today)
  }

  private async loadMonth(): Promise<void> {
    this.calendar = await journalApi.calendar(this.month, this.today)
  }

  private async loadTags(): Promise<void> {
    this.tags = (await journalApi.tags()).tags
  }

  /** The list: a tag across all time, else the selected day, else the month shown. */
  private async loadEntries(): Promise<void> {
    const filter = this.tag ? { tag: this.tag } : this.selectedDay ? { from: this.selectedDay, to: this.selectedDay } : { from: `${this.month}-01`, to: datesOfMonth(this.month).at(-1)! }
    this.entries = (await journalApi.entries(filter)).entries
  }

  private async refresh(): Promise<void> {
    await Promise.all([this.loadToday(), this.loadMonth(), this.loadEntries(), this.loadTags()]).catch((error: unknown) => {
      this.error = error instanceof Error ? error.message : String(error)
    })
  }

  private async handleWrite(prompt?: JournalPromptDto): Promise<void> {
    this.busy = true
    try {
      const entry = await journalApi.createEntry({
        date: this.today,
        title: tr('journal.defaultTitle', { date: formatJournalDate(this.today) }),
        ...(prompt ? { prompt: promptText(prompt) } : {}),
        tags: prompt ? [prompt.topic.slice(0, 20)] : [],
      })
      navigate(`/d/${entry.id}`)
    } catch (error) {
      this.toast.show(error instanceof Error ? error.message : String(error))
    } finally {
      this.busy = false
    }
  }

  private handleChangeMonth(event: CustomEvent<number>): void {
    this.month = event.detail === 0 ? this.today.slice(0, 7) : addMonths(this.month, event.detail)
    this.selectedDay = null
    this.calendar = undefined
    void Promise.all([this.loadMonth(), this.tag ? undefined : this.loadEntries()])
  }

  private handleSelectDay(event: CustomEvent<string | null>): void {
    this.selectedDay = event.detail
    this.tag = null
    void this.loadEntries()
  }

  /** Shows one day's entries, moving the calendar to its month. */
  private showDay(date: string): void {
    this.tag = null
    this.selectedDay = date
    if (date.slice(0, 7) !== this.month) {
      this.month = date.slice(0, 7)
      this.calendar = undefined
      void this.loadMonth()
    }
    void this.loadEntries()
    this.querySelector('.journal-entries')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
  }

  private setTag(tag: string | null): void {
    this.tag = tag
    if (tag) this.selectedDay = null
    void this.loadEntries()
  }

  private async handleDelete(entry: JournalEntryDto): Promise<void> {
    await api.deleteDocument(entry.id)
    await this.refresh()
    this.toast.show(tr('journal.deleted'), async () => {
      await api.restoreDocument(entry.id)
      await this.refresh()
    })
  }

  private renderPrompt() {
    const data = this.todayData
    if (!data) return html`<section class="card prompt-card" aria-busy="true"><p class="muted">…</p></section>`
    const written = data.entries.length
    return html`<section class="card prompt-card">
      <p class="prompt-kicker">${tr('journal.todayPrompt')} · ${formatJournalDate(this.today, { weekday: true })}</p>
      ${data.prompts.map(
        (prompt, i) => html`<div class="prompt">
          <h2 class="prompt-topic">${prompt.topic}</h2>
          ${prompt.question ? html`<p class="prompt-question">${prompt.question}</p>` : nothing}
          <p class="prompt-source muted small">
            ${prompt.branchName ? tr('journal.fromBranch', { branch: prompt.branchName, n: prompt.index + 1, of: prompt.of }) : tr('journal.general')}
          </p>
          <div class="prompt-actions">
            <button class="primary write-today" type="button" ?disabled=${this.busy} @click=${() => this.handleWrite(prompt)}>
              ${written && i === 0 ? tr('journal.writeAnother') : tr('journal.writeToday')}
            </button>
            ${written && i === 0
              ? html`<span class="muted small">${tr('journal.writtenToday', { n: written })}
                  ${data.entries.map((e, j) => html`${j ? '、' : ''}<a href="/d/${e.id}">${e.title}</a>`)}</span>`
              : nothing}
          </div>
        </div>`,
      )}
    </section>`
  }

  private listHeading(): string {
    if (this.tag) return tr('journal.tagFilterOn', { tag: this.tag })
    if (this.selectedDay) return tr('journal.entriesOn', { date: formatJournalDate(this.selectedDay, { thisYear: this.today.slice(0, 4) }) })
    return tr('journal.entriesOfMonth', { month: formatJournalMonth(this.month) })
  }

  private emptyText(): string {
    if (this.tag) return tr('journal.emptyTag', { tag: this.tag })
    if (this.selectedDay) return tr('journal.emptyDay')
    return (this.calendar?.totalDays ?? 0) === 0 ? tr('journal.empty') : tr('journal.emptyMonth')
  }

  protected override render() {
    const branches = session.user?.memberships ?? []
    return html`<main class="list-page wide journal-page">
      <div class="journal-head">
        <h1 class="page-title">${tr('journal.title')}</h1>
        <span class="chip private-chip" title=${tr('journal.privateHint')}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><rect x="5" y="11" width="14" height="9" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/></svg>${tr('journal.private')}
        </span>
      </div>
      ${this.error ? html`<div class="error-box" role="alert">${tr('journal.loadFailed', { message: this.error })} <button type="button" @click=${this.loadAll}>${tr('journal.retry')}</button></div>` : nothing}
      <div class="journal-layout">
        <div class="journal-main">
          ${this.renderPrompt()}
          <dongbi-journal-resurfaced .groups=${this.todayData?.resurfaced ?? []} .thisYear=${this.today.slice(0, 4)} @dongbi-show-day=${(e: CustomEvent<string>) => this.showDay(e.detail)}></dongbi-journal-resurfaced>
          <section class="journal-entries">
            <header class="entries-head">
              <h2>${this.listHeading()}</h2>
              ${this.selectedDay || this.tag ? html`<button type="button" class="link" @click=${() => ((this.selectedDay = null), this.setTag(null))}>${tr('journal.showMonth')}</button>` : nothing}
            </header>
            ${this.tags.length
              ? html`<div class="tag-filter" role="toolbar" aria-label=${tr('journal.filterTag')}>
                  <button type="button" class="tag-pill" aria-pressed=${this.tag === null ? 'true' : 'false'} @click=${() => this.setTag(null)}>${tr('journal.allTags')}</button>
                  ${this.tags.map(
                    (t) => html`<button type="button" class="tag-pill" aria-pressed=${this.tag === t.tag ? 'true' : 'false'} @click=${() => this.setTag(this.tag === t.tag ? null : t.tag)}>
                      #${t.tag}<span class="count">${t.count}</span>
                    </button>`,
                  )}
                </div>`
              : nothing}
            ${this.entries === undefined
              ? html`<p class="empty" aria-busy="true">…</p>`
              : this.entries.length === 0
                ? html`<p class="empty journal-empty">${this.emptyText()}</p>`
                : html`<dongbi-journal-entry-list
                    .entries=${this.entries}
                    .suggestions=${this.tags.map((t) => t.tag)}
                    .thisYear=${this.today.slice(0, 4)}
                    @dongbi-filter-tag=${(e: CustomEvent<string>) => this.setTag(e.detail)}
                    @dongbi-entry-changed=${() => this.refresh()}
                    @dongbi-delete-entry=${(e: CustomEvent<JournalEntryDto>) => this.handleDelete(e.detail)}
                  ></dongbi-journal-entry-list>`}
          </section>
        </div>
        <aside class="journal-side">
          <dongbi-journal-stats .calendar=${this.calendar}></dongbi-journal-stats>
          <dongbi-journal-calendar
            .calendar=${this.calendar}
            .month=${this.month}
            .today=${this.today}
            .selected=${this.selectedDay}
            @dongbi-change-month=${this.handleChangeMonth}
            @dongbi-select-day=${this.handleSelectDay}
          ></dongbi-journal-calendar>
          ${branches.map(
            (b) => html`<dongbi-study-topics-card .branchId=${b.branchId} .branchName=${b.branchName} .month=${this.month} @dongbi-topics-saved=${() => this.loadToday()}></dongbi-study-topics-card>`,
          )}
        </aside>
      </div>
      ${this.toast.render(tr('journal.undo'))}
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-journal-page': DongbiJournalPage
  }
}
