import { LocaleController, type DongbiEditor } from '@dongbi/editor'
import type { CollabEvent, NotificationDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'
import { notificationText } from '../review/notificationText.ts'

/**
 * Without an editor socket the count is polled this often. The live count travels on a
 * document's collaboration socket (`{type:'notifications'}` events); outside the editor page
 * there is no socket, and opening one per tab only for a badge would cost the server a
 * connection per idle reader. Half a minute is prompt enough for review requests.
 */
const pollMs = 30_000

/**
 * 通知: a bell with the unread count and a dropdown inbox (review requests, returns,
 * approvals, mentions, replies), each linking to its document; mark one or all read.
 * Live from `source`'s `dongbi-document-event`s when given (the editor page), else polled.
 *
 * @fires dongbi-unread-change - `{ unread }` whenever the count changes.
 */
@customElement('dongbi-notification-bell')
export class DongbiNotificationBell extends LitElement {
  /** The editor whose server events carry the live count; null to poll. */
  @property({ attribute: false }) source: DongbiEditor | null = null
  @state() private unread = 0
  @state() private open = false
  @state() private items: NotificationDto[] | undefined
  private timer: ReturnType<typeof setInterval> | undefined
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('click', this.handleOutsideClick)
    document.addEventListener('visibilitychange', this.handleVisibility)
    this.schedulePolling()
    void this.refreshCount()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('click', this.handleOutsideClick)
    document.removeEventListener('visibilitychange', this.handleVisibility)
    this.source?.removeEventListener('dongbi-document-event', this.handleEvent)
    clearInterval(this.timer)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('source')) return
    const previous = changed.get('source') as DongbiEditor | null | undefined
    previous?.removeEventListener('dongbi-document-event', this.handleEvent)
    this.source?.addEventListener('dongbi-document-event', this.handleEvent)
    this.schedulePolling()
  }

  private schedulePolling(): void {
    clearInterval(this.timer)
    this.timer = undefined
    if (!this.source && this.isConnected) this.timer = setInterval(() => document.visibilityState === 'visible' && void this.refreshCount(), pollMs)
  }

  private handleVisibility = (): void => {
    if (document.visibilityState === 'visible' && !this.source) void this.refreshCount()
  }

  private handleEvent = (event: CustomEvent<CollabEvent>): void => {
    if (event.detail.type !== 'notifications') return
    this.setUnread(event.detail.unread)
    if (this.open) void this.loadItems()
  }

  private handleOutsideClick = (event: MouseEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false
  }

  private setUnread(unread: number): void {
    if (unread === this.unread) return
    this.unread = unread
    this.dispatchEvent(new CustomEvent('dongbi-unread-change', { detail: { unread }, bubbles: true, composed: true }))
  }

  private async refreshCount(): Promise<void> {
    const list = await api.notifications(1).catch(() => undefined)
    if (list) this.setUnread(list.unread)
  }

  private async loadItems(): Promise<void> {
    const list = await api.notifications().catch(() => undefined)
    if (!list) return
    this.items = list.notifications
    this.setUnread(list.unread)
  }

  private handleToggle(): void {
    this.open = !this.open
    if (this.open) void this.loadItems()
  }

  private async handleMarkAll(): Promise<void> {
    this.setUnread((await api.markNotificationsRead({ all: true })).unread)
    await this.loadItems()
  }

  private async handleItemClick(item: NotificationDto): Promise<void> {
    this.open = false
    if (!item.readAt) this.setUnread((await api.markNotificationsRead({ ids: [item.id] })).unread)
  }

  private renderItem(item: NotificationDto) {
    const { sentence, detail } = notificationText(item)
    const body = html`<span class="inbox-sentence">${sentence}</span>
      ${detail ? html`<span class="inbox-detail">${detail}</span>` : nothing}
      <span class="inbox-time">${formatTime(item.createdAt)}</span>`
    return html`<li class="inbox-item ${item.readAt ? '' : 'unread'}" data-kind=${item.kind}>
      ${item.documentId
        ? html`<a href="/d/${item.documentId}" @click=${() => this.handleItemClick(item)}>${body}</a>`
        : item.kind === 'assignment_set'
          ? html`<a href="/assignments" @click=${() => this.handleItemClick(item)}>${body}</a>`
          : html`<button type="button" class="inbox-plain" @click=${() => this.handleItemClick(item)}>${body}</button>`}
    </li>`
  }

  protected override render() {
    const label = this.unread ? tr('inbox.open', { n: this.unread }) : tr('inbox.title')
    return html`<div class="bell-wrap">
      <button class="bell" type="button" title=${label} aria-label=${label} aria-expanded=${this.open ? 'true' : 'false'} @click=${this.handleToggle}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z"/><path d="M10 20.5a2 2 0 0 0 4 0"/></svg>
        ${this.unread ? html`<span class="bell-badge">${this.unread > 99 ? '99+' : this.unread}</span>` : nothing}
      </button>
      ${this.open
        ? html`<section class="inbox" aria-label=${tr('inbox.title')}>
            <header>
              <h2>${tr('inbox.title')}</h2>
              ${this.unread ? html`<button type="button" class="link mark-all" @click=${this.handleMarkAll}>${tr('inbox.markAll')}</button>` : nothing}
            </header>
            ${this.items === undefined
              ? html`<p class="muted inbox-empty">${tr('common.loading')}</p>`
              : this.items.length === 0
                ? html`<p class="muted inbox-empty">${tr('inbox.empty')}</p>`
                : html`<ul class="inbox-list">${this.items.map((item) => this.renderItem(item))}</ul>`}
          </section>`
        : nothing}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-notification-bell': DongbiNotificationBell
  }
  interface HTMLElementEventMap {
    'dongbi-unread-change': CustomEvent<{ unread: number }>
  }
}
