import { LocaleController } from '@dongbi/editor'
import { datesOfMonth, weekdayOf, type JournalCalendarDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { tr } from '../messages.ts'
import { formatCount, formatJournalDate, formatJournalMonth } from './formatJournalDate.ts'

/** 字数 thresholds of the four shades a day with entries can take. */
const shades = [1, 300, 800, 1500]

function shadeOf(characters: number): number {
  let level = 1
  for (let i = 0; i < shades.length; i++) if (characters >= shades[i]!) level = i + 1
  return level
}

/**
 * A month of the journal: weeks from Monday, days with entries shaded by how much was written,
 * today ringed, the selected day filled.
 *
 * @fires dongbi-select-day - `string | null`: a day clicked (null when the selected one is clicked again).
 * @fires dongbi-change-month - `number`: -1 or +1 for the arrows, 0 for 回到本月.
 */
@customElement('dongbi-journal-calendar')
export class DongbiJournalCalendar extends LitElement {
  @property({ attribute: false }) calendar: JournalCalendarDto | undefined
  /** The month shown, YYYY-MM. */
  @property() month = ''
  @property() today = ''
  @property() selected: string | null = null
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }))
  }

  protected override render() {
    const dates = datesOfMonth(this.month)
    const byDate = new Map((this.calendar?.days ?? []).map((d) => [d.date, d]))
    // Monday first: Sunday (0) is the seventh column.
    const lead = (weekdayOf(dates[0]!) + 6) % 7
    const onThisMonth = this.today.startsWith(this.month)
    return html`<section class="journal-calendar card" aria-label=${formatJournalMonth(this.month)}>
      <header>
        <button class="icon-button" type="button" aria-label=${tr('journal.prevMonth')} title=${tr('journal.prevMonth')} @click=${() => this.emit('dongbi-change-month', -1)}>‹</button>
        <h2>${formatJournalMonth(this.month)}</h2>
        <button class="icon-button" type="button" aria-label=${tr('journal.nextMonth')} title=${tr('journal.nextMonth')} @click=${() => this.emit('dongbi-change-month', 1)}>›</button>
        ${onThisMonth ? nothing : html`<button class="link this-month" type="button" @click=${() => this.emit('dongbi-change-month', 0)}>${tr('journal.thisMonth')}</button>`}
      </header>
      <div class="calendar-grid">
        ${tr('journal.weekdays')
          .split(',')
          .map((w) => html`<span class="weekday" aria-hidden="true">${w}</span>`)}
        ${Array.from({ length: lead }, () => html`<span class="day blank"></span>`)}
        ${dates.map((date) => {
          const day = byDate.get(date)
          const label = day
            ? tr('journal.dayTitle', { date: formatJournalDate(date), n: day.entries, chars: formatCount(day.characters) })
            : tr('journal.dayEmpty', { date: formatJournalDate(date) })
          return html`<button
            type="button"
            class="day ${day ? `written shade-${shadeOf(day.characters)}` : ''} ${date === this.today ? 'today' : ''} ${date > this.today ? 'future' : ''}"
            data-date=${date}
            aria-pressed=${this.selected === date ? 'true' : 'false'}
            aria-label=${label}
            title=${label}
            @click=${() => this.emit('dongbi-select-day', this.selected === date ? null : date)}
          >
            <span class="day-number">${Number(date.slice(8))}</span>
            ${day && day.entries > 1 ? html`<span class="day-dots" aria-hidden="true">${day.entries}</span>` : nothing}
          </button>`
        })}
      </div>
      <div class="calendar-legend" aria-hidden="true">
        <span>${tr('journal.legendLess')}</span>
        ${[0, 1, 2, 3, 4].map((level) => html`<i class="swatch ${level ? `shade-${level}` : ''}"></i>`)}
        <span>${tr('journal.legendMore')}</span>
      </div>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-journal-calendar': DongbiJournalCalendar
  }
  interface HTMLElementEventMap {
    'dongbi-select-day': CustomEvent<string | null>
    'dongbi-change-month': CustomEvent<number>
  }
}
