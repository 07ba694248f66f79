import { LocaleController } from '@dongbi/editor'
import type { JournalCalendarDto } from '@dongbi/schema'
import { LitElement, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { tr } from '../messages.ts'
import { formatCount } from './formatJournalDate.ts'

/** 连续打卡 N 天, the longest streak, and the month's entries and 字数. */
@customElement('dongbi-journal-stats')
export class DongbiJournalStats extends LitElement {
  /** Undefined while loading. */
  @property({ attribute: false }) calendar: JournalCalendarDto | undefined
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  private days(n: number | undefined): string {
    return tr(n === 1 ? 'journal.dayUnit' : 'journal.daysUnit')
  }

  protected override render() {
    const calendar = this.calendar
    const streak = calendar?.currentStreak ?? 0
    return html`<section class="card journal-stats" aria-label=${tr('journal.stats')}>
      <div class="streak ${streak ? 'on' : ''}" title=${tr('journal.streak', { n: streak })}>
        <span class="streak-number">${calendar ? streak : '–'}</span>
        <span class="streak-unit">${this.days(streak)}</span>
        <span class="streak-label">${tr('journal.streakLabel')}</span>
      </div>
      <dl class="stat-list">
        <div><dt>${tr('journal.longestLabel')}</dt><dd>${calendar?.longestStreak ?? '–'} <small>${this.days(calendar?.longestStreak)}</small></dd></div>
        <div><dt>${tr('journal.monthEntriesLabel')}</dt><dd>${calendar?.monthEntries ?? '–'}</dd></div>
        <div><dt>${tr('journal.monthCharsLabel')}</dt><dd class="month-characters">${calendar ? formatCount(calendar.monthCharacters) : '–'}</dd></div>
      </dl>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-journal-stats': DongbiJournalStats
  }
}
