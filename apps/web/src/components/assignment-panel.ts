import { LocaleController, type DongbiEditor } from '@dongbi/editor'
import type { CollabEvent, RubricCriterion, WorkContextDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { ApiRequestError } from '../api/apiClient.ts'
import { assignmentApi } from '../api/assignmentApi.ts'
import { countdown, formatDeadline, lengthText } from '../assignments/describeAssignment.ts'
import { personName } from '../assignments/personName.ts'
import { tr } from '../messages.ts'

type Draft = Record<string, { levelId: string; note: string }>

/** The mean to one decimal, as the server computes totals. */
const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10

/**
 * The assignment side panel of the editor, for documents that belong to an assignment: the
 * instructions and deadline, status and length against the range (a warning, never a block),
 * 提交作业 for the author; the rubric scoring form for allocated reviewers; and, per
 * criterion, the levels, points, notes and the comments tied to it once reviewed, with the
 * total. Anonymous peers appear as 同伴评审 k/N to the author.
 *
 * @fires dongbi-assignment-context - `WorkContextDto | null` whenever it (re)loads: null when
 *   the document belongs to no assignment.
 */
@customElement('dongbi-assignment-panel')
export class DongbiAssignmentPanel extends LitElement {
  @property() documentId = ''
  /** The live 字数 from the editor, newer than the server's. */
  @property({ type: Number }) characters: number | undefined
  /** The editor whose server events tell when to reload. */
  @property({ attribute: false }) source: DongbiEditor | null = null
  @state() private context: WorkContextDto | null = null
  @state() private draft: Draft = {}
  @state() private busy = false
  @state() private message = ''
  @state() private error = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('documentId')) void this.load()
    if (changed.has('source')) {
      ;(changed.get('source') as DongbiEditor | null | undefined)?.removeEventListener('dongbi-document-event', this.handleEvent)
      this.source?.addEventListener('dongbi-document-event', this.handleEvent)
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.source?.removeEventListener('dongbi-document-event', this.handleEvent)
  }

  /** Reloads from the server (after a review change, a new tied comment…). */
  async load(): Promise<void> {
    try {
      this.setContext(await assignmentApi.context(this.documentId))
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 404) this.setContext(null)
    }
  }

  private setContext(context: WorkContextDto | null): void {
    const first = this.context === null
    this.context = context
    if (context && (first || !this.busy)) {
      const mine = context.role === 'reviewer' ? context.sheets[0] : undefined
      const draft: Draft = {}
      for (const s of mine?.scores ?? []) draft[s.criterionId] = { levelId: s.levelId, note: s.note }
      if (first || Object.keys(this.draft).length === 0) this.draft = draft
    }
    this.dispatchEvent(new CustomEvent<WorkContextDto | null>('dongbi-assignment-context', { detail: context, bubbles: true, composed: true }))
  }

  private handleEvent = (event: CustomEvent<CollabEvent>): void => {
    const type = event.detail.type
    if (type === 'notifications' || (type === 'thread.changed' && event.detail.thread.criterionId) || type === 'thread.deleted') void this.load()
  }

  private async handleSubmit(): Promise<void> {
    const context = this.context!
    const late = countdown(context.assignment.deadline).overdue
    if (!confirm(tr(late ? 'panel.submitLate' : 'panel.submitConfirm'))) return
    this.busy = true
    this.error = ''
    try {
      await assignmentApi.submit(context.assignment.id)
      await this.load()
      this.dispatchEvent(new CustomEvent('dongbi-assignment-submitted', { bubbles: true, composed: true }))
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }

  private async handleScore(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const context = this.context!
    this.busy = true
    this.error = ''
    this.message = ''
    try {
      const scores = context.assignment.rubric
        .filter((c) => this.draft[c.id])
        .map((c) => ({ criterionId: c.id, levelId: this.draft[c.id]!.levelId, note: this.draft[c.id]!.note }))
      this.context = await assignmentApi.score(this.documentId, { scores })
      this.message = tr('panel.saved')
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }

  private renderTied(criterionId: string) {
    const threads = this.context!.tied[criterionId] ?? []
    if (threads.length === 0) return nothing
    return html`<ul class="tied" aria-label=${tr('panel.tied')}>
      ${threads.flatMap((t) =>
        t.comments.map((c, i) => html`<li>${i === 0 ? html`<span class="q">「${t.quote}」</span> ` : nothing}<strong>${personName({ name: c.authorName, alias: c.authorAlias })}</strong>：${c.body}</li>`),
      )}
    </ul>`
  }

  /** Read-only: per criterion, each sheet's level, points and note, then the tied comments. */
  private renderSheets(context: WorkContextDto) {
    const many = context.sheets.length > 1 || context.role !== 'author'
    return html`${context.assignment.rubric.map((c) => {
        const chosen = context.sheets.flatMap((s) => s.scores.filter((x) => x.criterionId === c.id).map((x) => ({ ...x, by: personName({ name: s.reviewerName, alias: s.reviewerAlias }) })))
        const best = Math.max(0, ...c.levels.map((l) => l.points))
        return html`<div class="score-item" data-criterion=${c.id}>
          <div class="crit"><span>${c.name}</span>${chosen.length ? html`<span class="pts">${mean(chosen.map((x) => x.points))} / ${best}</span>` : nothing}</div>
          ${chosen.map((x) => html`<p class="note">${many ? html`<strong>${x.by}</strong>：` : nothing}${x.label}${many ? `（${x.points}）` : ''}${x.note ? html` — ${x.note}` : nothing}</p>`)}
          ${this.renderTied(c.id)}
        </div>`
      })}
      ${context.total !== null ? html`<p class="total">${tr('panel.total', { total: context.total, max: context.assignment.maxPoints })}</p>` : nothing}`
  }

  private renderScoring(context: WorkContextDto) {
    const rubric = context.assignment.rubric
    const total = rubric.reduce((sum, c) => sum + (c.levels.find((l) => l.id === this.draft[c.id]?.levelId)?.points ?? 0), 0)
    const complete = rubric.every((c) => this.draft[c.id])
    const set = (c: RubricCriterion, patch: Partial<{ levelId: string; note: string }>) => {
      this.draft = { ...this.draft, [c.id]: { levelId: '', note: '', ...this.draft[c.id], ...patch } }
      this.message = ''
    }
    return html`<form class="scoring" @submit=${this.handleScore}>
      <h3>${tr('panel.scoreTitle')}</h3>
      ${rubric.map(
        (c) => html`<div class="score-item" data-criterion=${c.id}>
          <div class="crit"><span>${c.name}</span></div>
          ${c.description ? html`<p class="desc">${c.description}</p>` : nothing}
          <div class="score-levels" role="radiogroup" aria-label=${c.name}>
            ${c.levels.map(
              (l) => html`<label><input type="radio" name="level-${c.id}" value=${l.id} .checked=${this.draft[c.id]?.levelId === l.id} @change=${() => set(c, { levelId: l.id })} />${l.label} ${l.points}</label>`,
            )}
          </div>
          <textarea rows="2" maxlength="2000" placeholder=${tr('panel.note')} aria-label=${tr('panel.note')} .value=${this.draft[c.id]?.note ?? ''} @input=${(e: Event) => set(c, { note: (e.target as HTMLTextAreaElement).value })}></textarea>
          ${this.renderTied(c.id)}
        </div>`,
      )}
      <div class="line">
        <span class="total">${tr('panel.total', { total, max: context.assignment.maxPoints })}</span>
        <span class="spacer"></span>
        <button class="primary save-scores" type="submit" ?disabled=${this.busy}>${tr('panel.saveScores')}</button>
      </div>
      ${!complete ? html`<p class="hint warn">${tr('panel.incomplete')}</p>` : nothing}
      ${this.message ? html`<p class="ok-note" role="status">${this.message}</p>` : nothing}
    </form>`
  }

  private renderScores(context: WorkContextDto) {
    if (context.assignment.rubric.length === 0) return html`<p class="hint">${tr('panel.noRubric')}</p>`
    if (context.role === 'reviewer') return context.canScore ? this.renderScoring(context) : html`<p class="hint">${tr('panel.notSubmitted')}</p>`
    if (context.sheets.length === 0) return context.role === 'author' ? html`<p class="hint">${tr('panel.waiting')}</p>` : nothing
    return html`<h3>${tr('panel.scores')}</h3>${this.renderSheets(context)}`
  }

  protected override render() {
    const context = this.context
    if (!context) return nothing
    const a = context.assignment
    const characters = this.characters ?? context.characters
    const short = a.length.min !== null && characters < a.length.min
    const long = a.length.max !== null && characters > a.length.max
    const left = countdown(a.deadline)
    const canSubmit = context.role === 'author' && (context.reviewState === 'draft' || context.reviewState === 'returned') && a.status === 'open'
    return html`<section class="asg-panel" aria-label=${tr('panel.title')}>
      <h2><span class="kind-chip">${tr('panel.title')}</span>${a.title}</h2>
      <div class="line">
        <span class="status-chip status-${context.status}">${tr(`asg.status.${context.status}`)}</span>
        ${context.late && context.status === 'reviewed' ? html`<span class="status-chip late-chip">${tr('asg.late')}</span>` : nothing}
        ${context.role !== 'author' ? html`<span>${tr('panel.by', { name: context.authorName })}</span>` : nothing}
      </div>
      <div class="line">
        <span>${tr('asg.deadline', { time: formatDeadline(a.deadline) })}</span>
        ${context.submittedAt ? nothing : html`<strong class=${left.overdue ? 'overdue' : ''}>${left.text}</strong>`}
      </div>
      <h3>${tr('panel.prompt')}</h3>
      <p class="prompt">${a.prompt || tr('panel.noPrompt')}</p>
      <div class="line"><span>${tr('panel.characters', { n: characters })}</span><span>· ${lengthText(a.length)}</span></div>
      ${short ? html`<p class="warn length-warning">${tr('panel.tooShort', { range: lengthText(a.length) })}</p>` : nothing}
      ${long ? html`<p class="warn length-warning">${tr('panel.tooLong', { range: lengthText(a.length) })}</p>` : nothing}
      <div class="line">${tr('panel.reviewers')}：${context.reviewers.length ? context.reviewers.map((r) => personName(r)).join('、') : tr('panel.noReviewers')}</div>
      ${canSubmit
        ? html`<button class="primary submit-assignment" type="button" ?disabled=${this.busy} @click=${this.handleSubmit}>${tr(context.reviewState === 'returned' ? 'panel.resubmit' : 'panel.submit')}</button>`
        : nothing}
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      ${this.renderScores(context)}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-assignment-panel': DongbiAssignmentPanel
  }
  interface HTMLElementEventMap {
    'dongbi-assignment-context': CustomEvent<WorkContextDto | null>
    'dongbi-assignment-submitted': CustomEvent<void>
  }
}
