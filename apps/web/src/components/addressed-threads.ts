import { LocaleController } from '@dongbi/editor'
import { LitElement, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { personName } from '../assignments/personName.ts'
import { tr } from '../messages.ts'
import type { AddressedThread } from '../review/threadsAddressed.ts'

/** 评论处理情况: the older version's comment threads, each marked addressed (resolved, text changed) or not. */
@customElement('dongbi-addressed-threads')
export class DongbiAddressedThreads extends LitElement {
  @property({ attribute: false }) threads: AddressedThread[] = []
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  protected override render() {
    const open = this.threads.filter((t) => t.addressed === 'open').length
    return html`<aside class="addressed-threads" aria-label=${tr('versions.threads')}>
      <h3>${tr('versions.threads')} ${this.threads.length ? html`<span class="muted small">${this.threads.length - open}/${this.threads.length}</span>` : nothing}</h3>
      ${this.threads.length === 0
        ? html`<p class="muted small">${tr('versions.threadsNone')}</p>`
        : html`<ul class="plain-list">
            ${this.threads.map(
              ({ thread, addressed }) => html`<li class="addressed-item addressed-${addressed}" data-thread=${thread.id}>
                <span class="chip addressed-chip">${tr(`versions.addressed.${addressed}`)}</span>
                <div class="grow">
                  <p class="quote">${thread.quote}</p>
                  <p class="small addressed-body">${personName(thread.author)}：${thread.comments[0]?.body ?? ''}</p>
                </div>
              </li>`,
            )}
          </ul>`}
    </aside>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-addressed-threads': DongbiAddressedThreads
  }
}
