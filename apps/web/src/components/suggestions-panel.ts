import { LocaleController, type DongbiEditor } from '@dongbi/editor'
import { parsePeerAliasId, type SuggestionSummary, type UserDto } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { personName } from '../assignments/personName.ts'
import { tr } from '../messages.ts'
import { EditorEventController } from './EditorEventController.ts'

/**
 * The suggestions (修改建议) in the document, as cards in document order: who suggests what,
 * with 接受 / 拒绝 for those who may edit (and 全部接受 / 全部拒绝), and 撤回 for the
 * suggestion's own author. Follows the editor's `dongbi-suggestions` events; renders nothing
 * while there are none.
 */
@customElement('dongbi-suggestions-panel')
export class DongbiSuggestionsPanel extends LitElement {
  @property({ attribute: false }) editorElement: DongbiEditor | null = null
  @property({ attribute: false }) me!: UserDto
  /** The id the user's own suggestions carry: theirs, or an anonymous peer's alias id. */
  @property() authorId = ''
  /** May accept and reject (edit access or more). */
  @property({ type: Boolean }) canResolve = false
  @state() private suggestions: SuggestionSummary[] = []
  private readonly locale = new LocaleController(this)
  /** Keeps the list in step with the editor. */
  private readonly events = new EditorEventController<SuggestionSummary[]>(
    this,
    () => this.editorElement,
    'dongbi-suggestions',
    (event) => (this.suggestions = event.detail),
    (editor) => (this.suggestions = editor?.suggestions ?? []),
  )

  override createRenderRoot(): HTMLElement {
    return this
  }

  private run(command: (editor: NonNullable<DongbiEditor['editor']>) => void): void {
    const editor = this.editorElement?.editor
    if (editor) command(editor)
  }

  private renderCard(s: SuggestionSummary) {
    const kind = s.inserted && s.deleted ? 'replace' : s.inserted ? 'insert' : 'delete'
    const mine = s.authorId === (this.authorId || this.me.id)
    return html`<article class="suggestion-card" data-suggestion-id=${s.id} @click=${() => this.editorElement?.revealSuggestion(s.id)}>
      <p class="who">${tr(`suggest.${kind}`, { name: personName({ name: s.authorName, alias: parsePeerAliasId(s.authorId) }) })}</p>
      <p class="what">
        ${s.deleted ? html`<del>${s.deleted}</del>` : nothing}
        ${kind === 'replace' ? html`<span class="muted">${tr('suggest.to')}</span>` : nothing}
        ${s.inserted ? html`<ins>${s.inserted}</ins>` : nothing}
      </p>
      <div class="row" @click=${(e: Event) => e.stopPropagation()}>
        ${this.canResolve
          ? html`<button class="small-button accept" type="button" @click=${() => this.run((e) => e.commands.acceptSuggestion(s.id))}>${tr('suggest.accept')}</button>
              <button class="small-button reject" type="button" @click=${() => this.run((e) => e.commands.rejectSuggestion(s.id))}>${tr('suggest.reject')}</button>`
          : mine
            ? html`<button class="small-button reject" type="button" @click=${() => this.run((e) => e.commands.rejectSuggestion(s.id))}>${tr('suggest.withdraw')}</button>`
            : nothing}
      </div>
    </article>`
  }

  protected override render() {
    if (this.suggestions.length === 0) return nothing
    return html`<section class="suggestions-panel" aria-label=${tr('suggest.title')}>
      <header>
        <h2>${tr('suggest.title')} <span class="count">${this.suggestions.length}</span></h2>
        ${this.canResolve
          ? html`<div class="row">
              <button class="small-button accept-all" type="button" @click=${() => this.run((e) => e.commands.acceptAll())}>${tr('suggest.acceptAll')}</button>
              <button class="small-button reject-all" type="button" @click=${() => this.run((e) => e.commands.rejectAll())}>${tr('suggest.rejectAll')}</button>
            </div>`
          : nothing}
      </header>
      ${this.suggestions.map((s) => this.renderCard(s))}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-suggestions-panel': DongbiSuggestionsPanel
  }
}
