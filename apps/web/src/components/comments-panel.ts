import { LocaleController, type DongbiEditor } from '@dongbi/editor'
import type { AnchorDto, DocumentDto, CollabEvent, ThreadDto, UserDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { assignmentApi } from '../api/assignmentApi.ts'
import { personName } from '../assignments/personName.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'

type Filter = 'open' | 'resolved' | 'mine'

/**
 * The comments side panel: threads in document order with filters, a composer for a new
 * thread on the selection, replies, edit and delete of one's own comments, resolve and
 * reopen. Live: it follows the server's thread events on the editor's socket.
 */
@customElement('dongbi-comments-panel')
export class DongbiCommentsPanel extends LitElement {
  @property({ attribute: false }) document!: DocumentDto
  @property({ attribute: false }) me!: UserDto
  @property({ attribute: false }) editorElement: DongbiEditor | null = null
  /** The rubric criteria of the document's assignment: a new thread may be tied to one. */
  @property({ attribute: false }) criteria: { id: string; name: string }[] = []
  @state() private threads: ThreadDto[] = []
  @state() private filter: Filter = 'open'
  @state() private activeId: string | null = null
  @state() private draft: { anchor: AnchorDto; quote: string } | undefined
  @state() private editing: string | null = null
  @state() private error = ''
  private people: { id: string; displayName: string }[] = []
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('document')) void this.load()
    if (changed.has('editorElement')) {
      const previous = changed.get('editorElement') as DongbiEditor | null | undefined
      previous?.removeEventListener('dongbi-document-event', this.handleEvent)
      previous?.removeEventListener('dongbi-thread-click', this.handleThreadClick)
      previous?.removeEventListener('dongbi-count', this.handleTextChange)
      this.editorElement?.addEventListener('dongbi-document-event', this.handleEvent)
      this.editorElement?.addEventListener('dongbi-thread-click', this.handleThreadClick)
      // The count follows every edit (throttled): re-sort threads and notice deleted text.
      this.editorElement?.addEventListener('dongbi-count', this.handleTextChange)
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('threads') || changed.has('activeId') || changed.has('editorElement')) {
      this.editorElement?.showThreads(this.threads, this.activeId)
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.editorElement?.removeEventListener('dongbi-document-event', this.handleEvent)
    this.editorElement?.removeEventListener('dongbi-thread-click', this.handleThreadClick)
    this.editorElement?.removeEventListener('dongbi-count', this.handleTextChange)
  }

  private handleTextChange = (): void => this.requestUpdate()

  /** Starts a new thread on the editor's selection (the page's 评论 button and Ctrl+Alt+M). */
  startThread(): boolean {
    const selection = this.editorElement?.anchorForSelection()
    if (!selection) return false
    this.draft = selection
    this.filter = 'open'
    void this.updateComplete.then(() => this.querySelector<HTMLTextAreaElement>('.composer textarea')?.focus())
    return true
  }

  private async load(): Promise<void> {
    try {
      this.threads = (await api.threads(this.document.id)).threads
      this.people = (await api.directory('')).users
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  private handleEvent = (event: CustomEvent<CollabEvent>): void => {
    const detail = event.detail
    if (detail.type === 'thread.changed') {
      const index = this.threads.findIndex((t) => t.id === detail.thread.id)
      this.threads = index < 0 ? [...this.threads, detail.thread] : this.threads.map((t) => (t.id === detail.thread.id ? detail.thread : t))
    } else if (detail.type === 'thread.deleted') {
      this.threads = this.threads.filter((t) => t.id !== detail.threadId)
    }
  }

  private handleThreadClick = (event: CustomEvent<{ threadId: string }>): void => {
    const thread = this.threads.find((t) => t.id === event.detail.threadId)
    if (!thread) return
    if (thread.status === 'resolved') this.filter = 'resolved'
    else if (this.filter === 'resolved') this.filter = 'open'
    this.activeId = thread.id
    void this.updateComplete.then(() => this.querySelector(`[data-thread="${thread.id}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }))
  }

  /** Ids of people named as `@显示名` in a comment. */
  private mentionsIn(body: string): string[] {
    return this.people.filter((p) => body.includes(`@${p.displayName}`)).map((p) => p.id)
  }

  private async run(action: () => Promise<unknown>): Promise<boolean> {
    this.error = ''
    try {
      await action()
      return true
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
      return false
    }
  }

  private async handleCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const textarea = (event.target as HTMLFormElement).querySelector('textarea')!
    const criterionId = (event.target as HTMLFormElement).querySelector<HTMLSelectElement>('select.criterion-select')?.value ?? ''
    const body = textarea.value.trim()
    const draft = this.draft
    if (!body || !draft) return
    await this.run(async () => {
      let thread = await api.createThread(this.document.id, { ...draft, body, mentions: this.mentionsIn(body) })
      if (criterionId) thread = await assignmentApi.tieThread(this.document.id, thread.id, criterionId)
      this.handleEvent(new CustomEvent('x', { detail: { type: 'thread.changed', thread } }))
      this.draft = undefined
      this.activeId = thread.id
    })
  }

  private async handleReply(event: SubmitEvent, thread: ThreadDto): Promise<void> {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    const textarea = form.querySelector('textarea')!
    const body = textarea.value.trim()
    if (!body) return
    const ok = await this.run(async () => {
      const updated = await api.reply(this.document.id, thread.id, body, this.mentionsIn(body))
      this.handleEvent(new CustomEvent('x', { detail: { type: 'thread.changed', thread: updated } }))
    })
    if (ok) textarea.value = ''
  }

  private async handleStatus(thread: ThreadDto): Promise<void> {
    await this.run(async () => {
      const updated = await api.setThreadStatus(this.document.id, thread.id, thread.status === 'open' ? 'resolve' : 'reopen')
      this.handleEvent(new CustomEvent('x', { detail: { type: 'thread.changed', thread: updated } }))
    })
  }

  private async handleEdit(event: SubmitEvent, commentId: string): Promise<void> {
    event.preventDefault()
    const body = (event.target as HTMLFormElement).querySelector('textarea')!.value.trim()
    if (!body) return
    await this.run(async () => {
      const updated = await api.editComment(this.document.id, commentId, body)
      this.handleEvent(new CustomEvent('x', { detail: { type: 'thread.changed', thread: updated } }))
      this.editing = null
    })
  }

  private async handleDelete(thread: ThreadDto, commentId: string): Promise<void> {
    await this.run(async () => {
      await api.deleteComment(this.document.id, commentId)
      if (thread.comments[0]?.id === commentId) this.threads = this.threads.filter((t) => t.id !== thread.id)
      else this.threads = this.threads.map((t) => (t.id === thread.id ? { ...t, comments: t.comments.filter((c) => c.id !== commentId) } : t))
    })
  }

  /** Threads for the filter, in the order their text appears; threads whose text is gone last. */
  private visibleThreads(): { thread: ThreadDto; position: number | undefined }[] {
    const editor = this.editorElement
    return this.threads
      .filter((t) =>
        this.filter === 'mine' ? t.author.id === this.me.id || t.comments.some((c) => c.author.id === this.me.id) : t.status === this.filter,
      )
      .map((thread) => ({ thread, position: editor?.anchorPosition(thread.anchor, thread.quote) }))
      .sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.thread.createdAt.localeCompare(b.thread.createdAt))
  }

  private renderThread({ thread, position }: { thread: ThreadDto; position: number | undefined }) {
    const active = thread.id === this.activeId
    return html`<article
      class="thread ${active ? 'active' : ''} ${thread.status}"
      data-thread=${thread.id}
      @click=${() => {
        this.activeId = thread.id
        this.editorElement?.revealAnchor(thread.anchor, thread.quote)
      }}
    >
      ${thread.criterionId && this.criteria.some((c) => c.id === thread.criterionId)
        ? html`<span class="criterion-chip">${this.criteria.find((c) => c.id === thread.criterionId)!.name}</span>`
        : nothing}
      ${position === undefined
        ? html`<p class="quote gone"><span class="chip">${tr('comments.deletedText')}</span> <s>${thread.quote}</s></p>`
        : html`<p class="quote">${thread.quote}</p>`}
      ${thread.comments.map(
        (comment) => html`<div class="comment" data-comment=${comment.id}>
          <div class="comment-head">
            <span class="avatar ${comment.author.alias ? 'peer-alias' : ''}" style="background:${comment.author.color}">${comment.author.alias ? comment.author.alias.index : personName(comment.author).slice(0, 1)}</span>
            <strong>${personName(comment.author)}</strong>
            <span class="muted small">${formatTime(comment.createdAt)}${comment.editedAt ? tr('comments.edited') : ''}</span>
          </div>
          ${this.editing === comment.id
            ? html`<form class="comment-form" @submit=${(e: SubmitEvent) => this.handleEdit(e, comment.id)}>
                <textarea rows="3" .value=${comment.body}></textarea>
                <div class="row"><button class="small-button" type="button" @click=${() => (this.editing = null)}>${tr('common.cancel')}</button><button class="primary small" type="submit">${tr('comments.save')}</button></div>
              </form>`
            : html`<p class="comment-body">${comment.body}</p>`}
          ${comment.author.id === this.me.id && this.editing !== comment.id
            ? html`<div class="comment-actions">
                <button type="button" class="link" @click=${() => (this.editing = comment.id)}>${tr('comments.edit')}</button>
                <button type="button" class="link danger" @click=${() => this.handleDelete(thread, comment.id)}>${tr('comments.delete')}</button>
              </div>`
            : nothing}
        </div>`,
      )}
      ${thread.status === 'resolved' && thread.resolvedBy ? html`<p class="muted small">${tr('comments.resolvedBy', { name: personName(thread.resolvedBy) })}</p>` : nothing}
      ${active && thread.status === 'open'
        ? html`<form class="comment-form reply" @submit=${(e: SubmitEvent) => this.handleReply(e, thread)}>
            <textarea rows="2" placeholder=${tr('comments.replyPlaceholder')} aria-label=${tr('comments.reply')}></textarea>
            <div class="row"><button class="primary small" type="submit">${tr('comments.reply')}</button></div>
          </form>`
        : nothing}
      <div class="thread-actions">
        <button type="button" class="small-button resolve" @click=${(e: Event) => {
          e.stopPropagation()
          void this.handleStatus(thread)
        }}>${thread.status === 'open' ? tr('comments.resolve') : tr('comments.reopen')}</button>
      </div>
    </article>`
  }

  protected override render() {
    const threads = this.visibleThreads()
    return html`<aside class="comments-panel" aria-label=${tr('comments.title')}>
      <header>
        <h2>${tr('comments.title')}</h2>
        <nav class="filters">
          ${(['open', 'resolved', 'mine'] as const).map(
            (f) => html`<button type="button" aria-pressed=${this.filter === f ? 'true' : 'false'} @click=${() => (this.filter = f)}>${tr(`comments.${f}`)}</button>`,
          )}
        </nav>
      </header>
      ${this.error ? html`<p class="form-error" role="alert">${this.error}</p>` : nothing}
      ${this.draft
        ? html`<form class="composer comment-form" @submit=${this.handleCreate}>
            <p class="quote">${this.draft.quote}</p>
            <textarea rows="3" placeholder=${tr('comments.placeholder')} aria-label=${tr('comments.placeholder')}></textarea>
            ${this.criteria.length
              ? html`<select class="criterion-select" aria-label=${tr('comments.criterion')}>
                  <option value="">${tr('comments.noCriterion')}</option>
                  ${this.criteria.map((c) => html`<option value=${c.id}>${tr('comments.criterion')}：${c.name}</option>`)}
                </select>`
              : nothing}
            <div class="row"><button class="small-button" type="button" @click=${() => (this.draft = undefined)}>${tr('common.cancel')}</button><button class="primary small" type="submit">${tr('comments.submit')}</button></div>
          </form>`
        : nothing}
      ${threads.length === 0 && !this.draft ? html`<p class="muted empty-comments">${tr('comments.none')}<br /><span class="small">${tr('comments.addHint')}</span></p>` : nothing}
      ${threads.map((t) => this.renderThread(t))}
    </aside>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-comments-panel': DongbiCommentsPanel
  }
}
