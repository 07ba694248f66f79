import { LocaleController } from '@dongbi/editor'
import { LitElement, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { tr } from '../messages.ts'

/** At most this many tags, each this long (as the API checks). */
const maxTags = 10
const maxLength = 20

/**
 * Tags as removable chips and an input: Enter, a comma or 、 adds what was typed, Backspace in
 * an empty input removes the last tag. Suggests the user's existing tags.
 *
 * @fires dongbi-tags-change - `string[]`: the new list, after each addition or removal.
 */
@customElement('dongbi-tag-input')
export class DongbiTagInput extends LitElement {
  @property({ attribute: false }) tags: string[] = []
  /** Existing tags to offer while typing. */
  @property({ attribute: false }) suggestions: string[] = []
  private readonly locale = new LocaleController(this)
  private readonly listId = `tag-suggestions-${Math.random().toString(36).slice(2)}`

  override createRenderRoot(): HTMLElement {
    return this
  }

  private change(tags: string[]): void {
    this.tags = tags
    this.dispatchEvent(new CustomEvent<string[]>('dongbi-tags-change', { detail: tags, bubbles: true, composed: true }))
  }

  private add(input: HTMLInputElement): void {
    const typed = input.value
      .split(/[,，、;；#]/)
      .map((t) => t.trim().slice(0, maxLength))
      .filter(Boolean)
    input.value = ''
    const next = [...new Set([...this.tags, ...typed])].slice(0, maxTags)
    if (next.length !== this.tags.length) this.change(next)
  }

  private handleKeydown(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement
    if (event.isComposing) return
    if (event.key === 'Enter' || event.key === ',' || event.key === '，') {
      event.preventDefault()
      this.add(input)
    } else if (event.key === 'Backspace' && input.value === '' && this.tags.length) {
      this.change(this.tags.slice(0, -1))
    }
  }

  protected override render() {
    const offered = this.suggestions.filter((s) => !this.tags.includes(s))
    return html`<div class="tag-input" role="group" aria-label=${tr('journal.tagsLabel')}>
      ${this.tags.map(
        (tag) => html`<span class="tag-chip">#${tag}<button type="button" aria-label=${tr('journal.removeTag', { tag })} @click=${() => this.change(this.tags.filter((t) => t !== tag))}>×</button></span>`,
      )}
      ${this.tags.length < maxTags
        ? html`<input
            type="text"
            list=${this.listId}
            maxlength=${maxLength * 2}
            placeholder=${this.tags.length ? '' : tr('journal.tagsPlaceholder')}
            aria-label=${tr('journal.tagsPlaceholder')}
            @keydown=${this.handleKeydown}
            @blur=${(e: FocusEvent) => this.add(e.target as HTMLInputElement)}
          />`
        : null}
      <datalist id=${this.listId}>${offered.map((s) => html`<option value=${s}></option>`)}</datalist>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-tag-input': DongbiTagInput
  }
  interface HTMLElementEventMap {
    'dongbi-tags-change': CustomEvent<string[]>
  }
}
