import { LocaleController, getLocale } from '@dongbi/editor'
import { documentKindInfo, documentKinds, type Allocation, type Audience, type DocumentKind, type MemberDto, type Rubric, type TemplateDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { assignmentApi } from '../api/assignmentApi.ts'
import { tr } from '../messages.ts'
import { navigate } from '../router.ts'
import { session } from '../session.ts'
import './rubric-builder.ts'

/** `YYYY-MM-DDTHH:mm` in local time, as `<input type=datetime-local>` takes it. */
function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value))

/**
 * 布置作业 / 编辑作业: title, instructions, type and the template members start from (the
 * built-in one of that type by default, or one of the branch's own, or none), deadline, length
 * range, who writes it (whole branch, chosen people, by age), the rubric, and who reviews
 * (a chosen mentor, mentors in turn, or N peers, optionally anonymous). Editing can also
 * close or reopen it.
 */
@customElement('dongbi-assignment-form-page')
export class DongbiAssignmentFormPage extends LitElement {
  /** Empty for a new assignment. */
  @property() assignmentId = ''
  @state() private branches: { id: string; name: string }[] = []
  @state() private branchId = ''
  @state() private members: MemberDto[] = []
  @state() private heading = ''
  @state() private prompt = ''
  @state() private kind: DocumentKind = 'notice'
  /** Templates the setter may use (built-in and their branches'); `templateId` '' means a blank page. */
  @state() private templates: TemplateDto[] = []
  @state() private templateId: string = 'notice'
  @state() private deadline = toLocalInput(new Date(Date.now() + 7 * 86_400_000))
  @state() private minChars = ''
  @state() private maxChars = ''
  @state() private audience: Audience['type'] = 'branch'
  @state() private chosen = new Set<string>()
  @state() private minAge = ''
  @state() private maxAge = '45'
  @state() private allocation: Allocation['type'] = 'mentor'
  @state() private mentorId = ''
  @state() private peerCount = 2
  @state() private anonymous = true
  @state() private rubric: Rubric = []
  @state() private status: 'open' | 'closed' = 'open'
  @state() private busy = false
  @state() private error = ''
  @state() private loaded = false
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('assignmentId')) void this.load()
  }

  private async load(): Promise<void> {
    this.error = ''
    try {
      const user = session.user!
      this.branches = user.isAdmin
        ? (await api.branches()).branches.map((b) => ({ id: b.id, name: b.name }))
        : user.memberships.filter((m) => m.role === 'secretary' || m.role === 'mentor').map((m) => ({ id: m.branchId, name: m.branchName }))
      this.templates = (await api.templates()).templates
      if (this.assignmentId) this.fill((await assignmentApi.get(this.assignmentId)).assignment)
      else this.branchId = this.branches[0]?.id ?? ''
      await this.loadMembers()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.loaded = true
    }
  }

  private fill(a: Awaited<ReturnType<typeof assignmentApi.get>>['assignment']): void {
    this.branchId = a.branchId
    if (!this.branches.some((b) => b.id === a.branchId)) this.branches = [...this.branches, { id: a.branchId, name: a.branchName }]
    this.heading = a.title
    this.prompt = a.prompt
    this.kind = a.kind
    this.templateId = a.templateId ?? ''
    this.deadline = toLocalInput(new Date(a.deadline))
    this.minChars = a.length.min === null ? '' : String(a.length.min)
    this.maxChars = a.length.max === null ? '' : String(a.length.max)
    this.audience = a.audience.type
    if (a.audience.type === 'members') this.chosen = new Set(a.audience.userIds)
    if (a.audience.type === 'age') {
      this.minAge = a.audience.minAge === undefined ? '' : String(a.audience.minAge)
      this.maxAge = a.audience.maxAge === undefined ? '' : String(a.audience.maxAge)
    }
    this.allocation = a.allocation.type
    if (a.allocation.type === 'mentor') this.mentorId = a.allocation.mentorId
    if (a.allocation.type === 'peer') {
      this.peerCount = a.allocation.count
      this.anonymous = a.allocation.anonymous
    }
    this.rubric = a.rubric
    this.status = a.status
  }

  private async loadMembers(): Promise<void> {
    if (!this.branchId) return
    this.members = (await api.branch(this.branchId)).members.filter((m) => !m.disabled)
    const mentors = this.mentors
    if (!mentors.some((m) => m.userId === this.mentorId)) this.mentorId = mentors.find((m) => m.role === 'mentor')?.userId ?? mentors[0]?.userId ?? ''
  }

  private get mentors(): MemberDto[] {
    return this.members.filter((m) => m.role === 'mentor' || m.role === 'secretary')
  }

  private body() {
    const audience: Audience =
      this.audience === 'branch'
        ? { type: 'branch' }
        : this.audience === 'members'
          ? { type: 'members', userIds: [...this.chosen] }
          : { type: 'age', ...(this.minAge ? { minAge: Number(this.minAge) } : {}), ...(this.maxAge ? { maxAge: Number(this.maxAge) } : {}) }
    const allocation: Allocation =
      this.allocation === 'mentor'
        ? { type: 'mentor', mentorId: this.mentorId }
        : this.allocation === 'round-robin'
          ? { type: 'round-robin' }
          : { type: 'peer', count: this.peerCount, anonymous: this.anonymous }
    return {
      title: this.heading,
      prompt: this.prompt,
      kind: this.kind,
      templateId: this.templateId || null,
      deadline: new Date(this.deadline).toISOString(),
      length: { min: numberOrNull(this.minChars), max: numberOrNull(this.maxChars) },
      audience,
      rubric: this.rubric,
      allocation,
    }
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    this.busy = true
    this.error = ''
    try {
      const saved = this.assignmentId
        ? await assignmentApi.update(this.assignmentId, this.body())
        : await assignmentApi.create({ branchId: this.branchId, ...this.body() })
      navigate(`/assignments/${saved.id}`)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }

  private async handleStatus(): Promise<void> {
    const next = this.status === 'open' ? 'closed' : 'open'
    if (next === 'closed' && !confirm(tr('form.closeConfirm'))) return
    try {
      this.status = (await assignmentApi.update(this.assignmentId, { status: next })).status
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  /** Templates of the chosen type: the built-in ones first, then the branch's own. */
  private get kindTemplates(): TemplateDto[] {
    return this.templates.filter((t) => t.kind === this.kind && (t.branchId === null || t.branchId === this.branchId))
  }

  /** A new type (or branch) starts from its built-in template, as before there was a choice. */
  private pickDefaultTemplate(): void {
    const fits = this.kindTemplates
    if (fits.some((t) => t.id === this.templateId)) return
    this.templateId = fits.find((t) => t.branchId === null)?.id ?? ''
  }

  private renderTemplateSelect() {
    const fits = this.kindTemplates
    const builtin = fits.filter((t) => t.branchId === null)
    const own = fits.filter((t) => t.branchId !== null)
    const option = (t: TemplateDto) => html`<option value=${t.id} ?selected=${t.id === this.templateId}>${t.name}</option>`
    return html`<label class="field">${tr('form.template')}<select name="template" @change=${(e: Event) => (this.templateId = (e.target as HTMLSelectElement).value)}>
        ${builtin.length ? html`<optgroup label=${tr('form.templateBuiltin')}>${builtin.map(option)}</optgroup>` : nothing}
        ${own.length ? html`<optgroup label=${tr('form.templateBranch')}>${own.map(option)}</optgroup>` : nothing}
        <option value="" ?selected=${this.templateId === ''}>${tr('form.templateNone')}</option>
      </select></label>`
  }

  private kindName(kind: DocumentKind): string {
    return getLocale() === 'en' ? documentKindInfo[kind].en : documentKindInfo[kind].zh
  }

  private renderAudience() {
    const radio = (value: Audience['type'], label: string) =>
      html`<label class="choice"><input type="radio" name="audience" value=${value} .checked=${this.audience === value} @change=${() => (this.audience = value)} />${label}</label>`
    return html`<fieldset>
      <legend>${tr('form.audience')}</legend>
      <div class="choices">${radio('branch', tr('form.audienceBranch'))}${radio('members', tr('form.audienceMembers'))}${radio('age', tr('form.audienceAge'))}</div>
      ${this.audience === 'members'
        ? this.members.length
          ? html`<div class="member-picks">
              ${this.members.map(
                (m) => html`<label class="choice"><input
                    type="checkbox"
                    .checked=${this.chosen.has(m.userId)}
                    @change=${(e: Event) => {
                      const next = new Set(this.chosen)
                      if ((e.target as HTMLInputElement).checked) next.add(m.userId)
                      else next.delete(m.userId)
                      this.chosen = next
                    }}
                  />${m.displayName}</label>`,
              )}
            </div>`
          : html`<p class="hint">${tr('form.noMembers')}</p>`
        : nothing}
      ${this.audience === 'age'
        ? html`<div class="row">
              <label class="field">${tr('form.minAge')}<input type="number" min="0" max="120" .value=${this.minAge} @input=${(e: Event) => (this.minAge = (e.target as HTMLInputElement).value)} /></label>
              <label class="field">${tr('form.maxAge')}<input name="maxAge" type="number" min="0" max="120" .value=${this.maxAge} @input=${(e: Event) => (this.maxAge = (e.target as HTMLInputElement).value)} /></label>
            </div>
            <p class="hint">${tr('form.ageHint')}</p>`
        : nothing}
    </fieldset>`
  }

  private renderAllocation() {
    const radio = (value: Allocation['type'], label: string) =>
      html`<label class="choice"><input type="radio" name="allocation" value=${value} .checked=${this.allocation === value} @change=${() => (this.allocation = value)} />${label}</label>`
    return html`<fieldset>
      <legend>${tr('form.allocation')}</legend>
      <div class="choices">${radio('mentor', tr('form.allocMentor'))}${radio('round-robin', tr('form.allocRoundRobin'))}${radio('peer', tr('form.allocPeer'))}</div>
      ${this.allocation === 'mentor'
        ? html`<label class="field">${tr('form.chooseMentor')}<select name="mentor" @change=${(e: Event) => (this.mentorId = (e.target as HTMLSelectElement).value)}>
              ${this.mentors.map((m) => html`<option value=${m.userId} ?selected=${m.userId === this.mentorId}>${m.displayName}</option>`)}
            </select></label>`
        : nothing}
      ${this.allocation === 'peer'
        ? html`<div class="row">
              <label class="field">${tr('form.peerCount')}<input type="number" min="1" max="5" .value=${String(this.peerCount)} @input=${(e: Event) => (this.peerCount = Number((e.target as HTMLInputElement).value) || 1)} /></label>
            </div>
            <label class="choice"><input type="checkbox" .checked=${this.anonymous} @change=${(e: Event) => (this.anonymous = (e.target as HTMLInputElement).checked)} />${tr('form.anonymous')}</label>`
        : nothing}
    </fieldset>`
  }

  protected override render() {
    if (!this.loaded) return html`<main class="asg-page"><p class="asg-empty" aria-busy="true">${tr('common.loading')}</p></main>`
    if (!this.assignmentId && this.branches.length === 0) return html`<main class="asg-page"><p class="asg-empty">${tr('form.noBranch')}</p></main>`
    const input = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value)
    return html`<main class="asg-page">
      <div class="asg-head">
        <h1>${tr(this.assignmentId ? 'form.editTitle' : 'form.newTitle')}</h1>
        ${this.assignmentId
          ? html`<span class="asg-actions">
              <span class="status-chip ${this.status === 'closed' ? 'status-closed' : 'status-submitted'}">${tr(this.status === 'closed' ? 'asg.closed' : 'asg.open')}</span>
              <button type="button" class="button-link" @click=${this.handleStatus}>${tr(this.status === 'open' ? 'form.close' : 'form.reopen')}</button>
            </span>`
          : nothing}
      </div>
      <form class="asg-form" @submit=${this.handleSubmit}>
        <fieldset>
          <legend>${tr('asg.title')}</legend>
          <label class="field">${tr('form.branch')}<select name="branch" ?disabled=${Boolean(this.assignmentId)} @change=${(e: Event) => {
            this.branchId = (e.target as HTMLSelectElement).value
            this.pickDefaultTemplate()
            void this.loadMembers()
          }}>
            ${this.branches.map((b) => html`<option value=${b.id} ?selected=${b.id === this.branchId}>${b.name}</option>`)}
          </select></label>
          <label class="field">${tr('form.title')}<input name="title" required maxlength="200" placeholder=${tr('form.titlePlaceholder')} .value=${this.heading} @input=${input((v) => (this.heading = v))} /></label>
          <label class="field">${tr('form.prompt')}<textarea name="prompt" rows="4" maxlength="10000" placeholder=${tr('form.promptPlaceholder')} .value=${this.prompt} @input=${input((v) => (this.prompt = v))}></textarea></label>
          <div class="row">
            <label class="field">${tr('form.kind')}<select name="kind" @change=${(e: Event) => {
              this.kind = (e.target as HTMLSelectElement).value as DocumentKind
              this.pickDefaultTemplate()
            }}>
              ${documentKinds.filter((k) => k !== 'journal').map((k) => html`<option value=${k} ?selected=${k === this.kind}>${this.kindName(k)}</option>`)}
            </select></label>
            <label class="field">${tr('form.deadline')}<input name="deadline" type="datetime-local" required .value=${this.deadline} @input=${input((v) => (this.deadline = v))} /></label>
          </div>
          ${this.renderTemplateSelect()}
          <div class="row">
            <label class="field">${tr('form.minChars')}<input name="minChars" type="number" min="0" .value=${this.minChars} @input=${input((v) => (this.minChars = v))} /></label>
            <label class="field">${tr('form.maxChars')}<input name="maxChars" type="number" min="1" .value=${this.maxChars} @input=${input((v) => (this.maxChars = v))} /></label>
          </div>
          <p class="hint">${tr('form.lengthHint')}</p>
        </fieldset>
        ${this.renderAudience()}
        <fieldset>
          <legend>${tr('form.rubric')}</legend>
          <p class="hint">${tr('form.rubricHint')}</p>
          <dongbi-rubric-builder .rubric=${this.rubric} @dongbi-rubric-change=${(e: CustomEvent<Rubric>) => (this.rubric = e.detail)}></dongbi-rubric-builder>
        </fieldset>
        ${this.renderAllocation()}
        ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : nothing}
        <div class="form-actions">
          <a class="button-link" href=${this.assignmentId ? `/assignments/${this.assignmentId}` : '/assignments'}>${tr('common.cancel')}</a>
          <button class="primary save-assignment" type="submit" ?disabled=${this.busy}>${tr(this.assignmentId ? 'form.save' : 'form.create')}</button>
        </div>
      </form>
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-assignment-form-page': DongbiAssignmentFormPage
  }
}
