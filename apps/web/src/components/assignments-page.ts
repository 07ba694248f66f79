import { LocaleController } from '@dongbi/editor'
import { documentKindInfo, type AssignmentDto, type AssignmentListDto, type MyAssignmentDto } from '@dongbi/schema'
import { getLocale } from '@dongbi/editor'
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { assignmentApi } from '../api/assignmentApi.ts'
import { audienceText, countdown, formatDeadline } from '../assignments/describeAssignment.ts'
import { tr } from '../messages.ts'
import { navigate } from '../router.ts'
import { session } from '../session.ts'

/**
 * 作业: the assignments addressed to me as cards (deadline, countdown or overdue, status, the
 * action that fits — 开始写作 / 继续写作 / 已提交 / 查看评分), and for secretaries and mentors
 * the assignments they manage, with links to progress and editing.
 */
@customElement('dongbi-assignments-page')
export class DongbiAssignmentsPage extends LitElement {
  @state() private data: AssignmentListDto | undefined
  @state() private error = ''
  @state() private busy = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(): Promise<void> {
    try {
      this.data = await assignmentApi.list()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  /** Secretaries, mentors and admins may set assignments. */
  private get canSet(): boolean {
    const user = session.user
    return Boolean(user && (user.isAdmin || user.memberships.some((m) => m.role === 'secretary' || m.role === 'mentor')))
  }

  private async handleStart(item: MyAssignmentDto): Promise<void> {
    if (item.documentId) return navigate(`/d/${item.documentId}`)
    this.busy = item.assignment.id
    this.error = ''
    try {
      const started = await assignmentApi.start(item.assignment.id)
      navigate(`/d/${started.mine!.documentId}`)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = ''
    }
  }

  private renderAction(item: MyAssignmentDto) {
    const closed = item.assignment.status === 'closed'
    switch (item.status) {
      case 'not_started':
        return closed
          ? html`<span class="status-chip status-closed">${tr('asg.closed')}</span>`
          : html`<button class="primary start-assignment" type="button" ?disabled=${this.busy === item.assignment.id} @click=${() => this.handleStart(item)}>${tr('asg.start')}</button>`
      case 'drafting':
        return html`<a class="button-link primary-link" href="/d/${item.documentId}">${tr('asg.continue')}</a>`
      case 'reviewed':
        return html`<a class="button-link" href="/d/${item.documentId}">${tr('asg.viewScore')}</a>`
      default:
        return html`<a class="button-link" href="/d/${item.documentId}">${tr('asg.submitted')}</a>`
    }
  }

  private renderCard(item: MyAssignmentDto) {
    const a = item.assignment
    const left = countdown(a.deadline)
    const done = item.status !== 'not_started' && item.status !== 'drafting'
    return html`<article class="asg-card" data-assignment=${a.id}>
      <div class="meta">
        <span class="kind-chip">${getLocale() === 'en' ? documentKindInfo[a.kind].en : documentKindInfo[a.kind].zh}</span>
        <span class="status-chip status-${item.status}">${tr(`asg.status.${item.status}`)}</span>
        ${item.late && item.status === 'reviewed' ? html`<span class="status-chip late-chip">${tr('asg.late')}</span>` : nothing}
        <span>${a.branchName}</span>
      </div>
      <h3>${a.title}</h3>
      ${a.prompt ? html`<p class="prompt">${a.prompt}</p>` : nothing}
      <div class="due">
        ${tr('asg.deadline', { time: formatDeadline(a.deadline) })}
        ${done ? nothing : html`<br /><strong class=${left.overdue ? 'overdue' : ''}>${left.text}</strong>`}
      </div>
      <div class="foot">
        ${item.total !== null ? html`<span class="score">${tr('asg.score', { total: item.total, max: a.maxPoints })}</span>` : html`<span></span>`}
        ${this.renderAction(item)}
      </div>
    </article>`
  }

  private renderManaged(a: AssignmentDto) {
    return html`<li class="doc-row" data-managed=${a.id}>
      <span class="status-chip ${a.status === 'closed' ? 'status-closed' : 'status-submitted'}">${tr(a.status === 'closed' ? 'asg.closed' : 'asg.open')}</span>
      <a class="doc-title" href="/assignments/${a.id}">${a.title}</a>
      <span class="doc-time">${a.branchName} · ${audienceText(a.audience)} · ${tr('asg.deadline', { time: formatDeadline(a.deadline) })}</span>
      <span class="asg-actions">
        <a class="button-link" href="/assignments/${a.id}">${tr('asg.progress')}</a>
        <a class="button-link" href="/assignments/${a.id}/edit">${tr('asg.edit')}</a>
      </span>
    </li>`
  }

  protected override render() {
    const data = this.data
    return html`<main class="asg-page">
      <div class="asg-head">
        <h1>${tr('asg.title')}</h1>
        ${this.canSet ? html`<a class="button-link primary-link new-assignment" href="/assignments/new">${tr('asg.new')}</a>` : nothing}
      </div>
      ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : nothing}
      ${!data
        ? html`<p class="asg-empty" aria-busy="true">${tr('common.loading')}</p>`
        : html`${data.assigned.length || !this.canSet
              ? html`<h2>${tr('asg.mine')}</h2>
                  ${data.assigned.length ? html`<div class="asg-cards">${data.assigned.map((item) => this.renderCard(item))}</div>` : html`<p class="asg-empty">${tr('asg.noneMine')}</p>`}`
              : nothing}
            ${this.canSet || data.managing.length
              ? html`<h2>${tr('asg.managing')}</h2>
                  ${data.managing.length ? html`<ul class="doc-list">${data.managing.map((a) => this.renderManaged(a))}</ul>` : html`<p class="asg-empty">${tr('asg.noneManaging')}</p>`}`
              : nothing}`}
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-assignments-page': DongbiAssignmentsPage
  }
}
