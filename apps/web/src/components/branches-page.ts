import { LocaleController, getLocale } from '@dongbi/editor'
import { branchRole, localDate, type BranchDto, type BranchRole, type InvitationDto, type MemberDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'
import { session } from '../session.ts'
import './roster-import.ts'
import '../journal/study-topics-card.ts'
import './checker-settings.ts'

/** 支部管理: the list of branches, or one branch with members, roles and invitation links. */
@customElement('dongbi-branches-page')
export class DongbiBranchesPage extends LitElement {
  /** Empty for the list; a branch id for its page. */
  @property() branchId = ''
  @state() private branches: BranchDto[] | undefined
  @state() private branch: { id: string; name: string; members: MemberDto[] } | undefined
  @state() private invitations: InvitationDto[] = []
  @state() private newLink = ''
  @state() private error = ''
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('branchId')) void this.load()
  }

  private get manages(): boolean {
    const user = session.user
    return Boolean(user && (user.isAdmin || user.memberships.some((m) => m.branchId === this.branchId && m.role === 'secretary')))
  }

  private async load(): Promise<void> {
    this.error = ''
    this.newLink = ''
    try {
      if (!this.branchId) {
        this.branches = (await api.branches()).branches
        return
      }
      this.branch = await api.branch(this.branchId)
      this.invitations = this.manages ? (await api.invitations(this.branchId)).invitations : []
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async handleCreateBranch(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    try {
      await api.createBranch(String(new FormData(form).get('name')))
      form.reset()
      await this.load()
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async handleRole(member: MemberDto, role: BranchRole): Promise<void> {
    await api.setMemberRole(this.branchId, member.userId, role)
    await this.load()
  }

  private async handleRemove(member: MemberDto): Promise<void> {
    await api.removeMember(this.branchId, member.userId)
    await this.load()
  }

  private async handleInvite(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const role = String(new FormData(event.target as HTMLFormElement).get('role')) as BranchRole
    try {
      const invitation = await api.createInvitation(this.branchId, role)
      await this.load()
      this.newLink = `${location.origin}${invitation.path}`
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private async handleRevokeInvitation(invitation: InvitationDto): Promise<void> {
    await api.revokeInvitation(this.branchId, invitation.id)
    await this.load()
  }

  private renderList() {
    const branches = this.branches
    return html`<h1 class="page-title">${tr('branches.title')}</h1>
      ${session.user?.isAdmin
        ? html`<form class="inline-form" @submit=${this.handleCreateBranch}>
            <input name="name" placeholder=${tr('branches.name')} aria-label=${tr('branches.name')} maxlength="60" required />
            <button class="primary" type="submit">${tr('branches.create')}</button>
          </form>`
        : nothing}
      ${branches === undefined
        ? html`<p class="empty">${tr('common.loading')}</p>`
        : branches.length === 0
          ? html`<p class="empty">${tr('branches.none')}</p>`
          : html`<ul class="doc-list">
              ${branches.map(
                (b) => html`<li class="doc-row"><a class="doc-title" href="/branches/${b.id}">${b.name}</a><span class="doc-time">${tr('branches.memberCount', { n: b.memberCount })}</span></li>`,
              )}
            </ul>`}
      ${session.managesBranches ? html`<dongbi-roster-import @dongbi-roster-imported=${() => this.load()}></dongbi-roster-import>` : nothing}`
  }

  private renderBranch(branch: { id: string; name: string; members: MemberDto[] }) {
    const manages = this.manages
    const roles = session.user?.isAdmin ? branchRole.options : branchRole.options.filter((r) => r !== 'secretary')
    return html`<p class="crumbs"><a href="/branches">${tr('branches.title')}</a> ›</p>
      <h1 class="page-title">${branch.name}</h1>
      <section class="card">
        <h2>${tr('branches.members')} <span class="muted small">${tr('branches.memberCount', { n: branch.members.length })}</span></h2>
        <table class="data-table members">
          <thead><tr><th>${tr('admin.displayName')}</th><th>${tr('login.username')}</th><th>${tr('branches.birthYear')}</th><th>${tr('branches.role')}</th><th></th></tr></thead>
          <tbody>
            ${branch.members.map(
              (m) => html`<tr class=${m.disabled ? 'row-disabled' : ''}>
                <td>${m.displayName}${m.disabled ? html` <span class="chip">${tr('admin.disabled')}</span>` : nothing}</td>
                <td>${m.username}</td>
                <td>${m.birthYear ?? ''}</td>
                <td>${manages && (m.role !== 'secretary' || session.user?.isAdmin)
                  ? html`<select aria-label=${tr('branches.role')} .value=${m.role} @change=${(e: Event) => this.handleRole(m, (e.target as HTMLSelectElement).value as BranchRole)}>
                      ${roles.map((r) => html`<option value=${r} ?selected=${r === m.role}>${tr(`role.${r}`)}</option>`)}
                    </select>`
                  : tr(`role.${m.role}`)}</td>
                <td>${manages ? html`<button type="button" class="small-button" @click=${() => this.handleRemove(m)}>${tr('branches.remove')}</button>` : nothing}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <dongbi-study-topics-card month-picker .branchId=${branch.id} .branchName=${branch.name} .month=${localDate().slice(0, 7)}></dongbi-study-topics-card>
      <dongbi-checker-settings .branchId=${branch.id}></dongbi-checker-settings>
      ${manages
        ? html`<section class="card">
            <h2>${tr('branches.invitations')}</h2>
            <p class="muted small">${tr('branches.inviteHint')}</p>
            <form class="inline-form" @submit=${this.handleInvite}>
              <select name="role" aria-label=${tr('branches.role')}>${roles.map((r) => html`<option value=${r}>${tr(`role.${r}`)}</option>`)}</select>
              <button class="primary" type="submit">${tr('branches.invite')}</button>
            </form>
            ${this.newLink
              ? html`<div class="notice"><code class="secret invite-link">${this.newLink}</code>
                  <button type="button" class="small-button" @click=${(e: Event) => {
                    void navigator.clipboard?.writeText(this.newLink)
                    ;(e.target as HTMLButtonElement).textContent = tr('branches.copied')
                  }}>${tr('branches.copy')}</button></div>`
              : nothing}
            <ul class="plain-list">
              ${this.invitations.map(
                (inv) => html`<li>
                  <span class="chip">${tr(`role.${inv.role}`)}</span>
                  <span class="muted small">${tr('branches.uses', { uses: inv.uses, max: inv.maxUses })} · ${tr('branches.expires')} ${new Date(inv.expiresAt).toLocaleDateString(getLocale())}</span>
                  <span class="muted small">${formatTime(inv.createdAt)}</span>
                  <button type="button" class="small-button danger" @click=${() => this.handleRevokeInvitation(inv)}>${tr('branches.revoke')}</button>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}`
  }

  protected override render() {
    return html`<main class="list-page">
      ${this.error ? html`<div class="error-box" role="alert">${tr('common.error', { message: this.error })}</div>` : nothing}
      ${this.branchId ? (this.branch ? this.renderBranch(this.branch) : html`<p class="empty">${tr('common.loading')}</p>`) : this.renderList()}
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-branches-page': DongbiBranchesPage
  }
}
