import { LocaleController, getLocale } from '@dongbi/editor'
import { documentKindInfo, type AssignmentDashboardDto, type WorkStatus } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { assignmentApi } from '../api/assignmentApi.ts'
import { allocationText, audienceText, countdown, formatDeadline, lengthText } from '../assignments/describeAssignment.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'

const statuses: WorkStatus[] = ['not_started', 'drafting', 'submitted', 'late', 'reviewed']

/**
 * 作业进度 for the setter and the branch's secretaries and mentors: counts by status, a table
 * of every addressed member (status, 字数, submission time, reviewers, points per criterion,
 * total), bars of how the finished scores spread over each criterion's levels, CSV export.
 */
@customElement('dongbi-assignment-dashboard-page')
export class DongbiAssignmentDashboardPage extends LitElement {
  @property() assignmentId = ''
  @state() private data: AssignmentDashboardDto | undefined
  @state() private error = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('assignmentId')) void this.load()
  }

  private async load(): Promise<void> {
    this.error = ''
    this.data = undefined
    try {
      this.data = await assignmentApi.dashboard(this.assignmentId)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private renderDistribution(data: AssignmentDashboardDto) {
    if (data.distribution.length === 0) return nothing
    const scored = data.distribution.some((d) => d.levels.some((l) => l.count > 0))
    return html`<h2>${tr('dash.distribution')}</h2>
      ${scored
        ? html`<div class="asg-dist">
            ${data.distribution.map((d) => {
              const most = Math.max(1, ...d.levels.map((l) => l.count))
              return html`<section data-criterion=${d.criterionId}>
                <h3>${d.name}</h3>
                ${d.levels.map(
                  (l) => html`<div class="bar-row" title="${l.label} · ${l.points}">
                    <span>${l.label}（${l.points}）</span>
                    <span class="bar"><span style="width:${(l.count / most) * 100}%"></span></span>
                    <span class="n">${l.count}</span>
                  </div>`,
                )}
              </section>`
            })}
          </div>`
        : html`<p class="asg-empty">${tr('dash.noScores')}</p>`}`
  }

  private renderTable(data: AssignmentDashboardDto) {
    const rubric = data.assignment.rubric
    if (data.rows.length === 0) return html`<p class="asg-empty">${tr('dash.noRows')}</p>`
    return html`<div class="asg-table-wrap">
      <table class="asg-table">
        <thead>
          <tr>
            <th>${tr('dash.member')}</th>
            <th>${tr('dash.status')}</th>
            <th class="num">${tr('dash.characters')}</th>
            <th>${tr('dash.submittedAt')}</th>
            <th>${tr('dash.reviewers')}</th>
            ${rubric.map((c) => html`<th class="num">${c.name}</th>`)}
            <th class="num">${tr('dash.total')}</th>
          </tr>
        </thead>
        <tbody>
          ${data.rows.map(
            (r) => html`<tr data-user=${r.username}>
              <td>${r.documentId ? html`<a href="/d/${r.documentId}">${r.displayName}</a>` : r.displayName}</td>
              <td>
                <span class="status-chip status-${r.status}">${tr(`asg.status.${r.status}`)}</span>
                ${r.late && r.status === 'reviewed' ? html`<span class="status-chip late-chip">${tr('asg.late')}</span>` : nothing}
              </td>
              <td class="num">${r.characters ?? html`<span class="muted">—</span>`}</td>
              <td>${r.submittedAt ? formatTime(r.submittedAt) : html`<span class="muted">—</span>`}</td>
              <td>${r.reviewers.length ? r.reviewers.join('、') : html`<span class="muted">—</span>`}</td>
              ${rubric.map((c) => html`<td class="num">${r.points[c.id] ?? html`<span class="muted">—</span>`}</td>`)}
              <td class="num"><strong>${r.total ?? html`<span class="muted">—</span>`}</strong></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`
  }

  protected override render() {
    const data = this.data
    if (this.error) return html`<main class="asg-page"><p class="error-box" role="alert">${this.error}</p></main>`
    if (!data) return html`<main class="asg-page"><p class="asg-empty" aria-busy="true">${tr('common.loading')}</p></main>`
    const a = data.assignment
    const left = countdown(a.deadline)
    return html`<main class="asg-page">
      <div class="asg-head">
        <div>
          <h1>${a.title}</h1>
          <p class="sub">
            <span class="kind-chip">${getLocale() === 'en' ? documentKindInfo[a.kind].en : documentKindInfo[a.kind].zh}</span>
            ${a.branchName} · ${audienceText(a.audience)} · ${allocationText(a.allocation)} · ${tr('asg.length', { range: lengthText(a.length) })}
          </p>
          <p class="sub">
            ${tr('asg.deadline', { time: formatDeadline(a.deadline) })} ·
            ${a.status === 'closed' ? html`<span class="status-chip status-closed">${tr('asg.closed')}</span>` : html`<span class=${left.overdue ? 'overdue' : ''}>${left.text}</span>`}
          </p>
        </div>
        <span class="asg-actions">
          <a class="button-link" href="/assignments/${a.id}/edit">${tr('asg.edit')}</a>
          <a class="button-link primary-link export-csv" href=${assignmentApi.csvUrl(a.id)} download>${tr('dash.export')}</a>
        </span>
      </div>
      <div class="asg-counts">
        ${statuses.map(
          (s) => html`<div class="count" data-status=${s}><strong>${data.counts[s] ?? 0}</strong><span><span class="status-chip status-${s}">${tr(`asg.status.${s}`)}</span></span></div>`,
        )}
      </div>
      ${this.renderTable(data)} ${this.renderDistribution(data)}
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-assignment-dashboard-page': DongbiAssignmentDashboardPage
  }
}
