import type { Editor } from '@tiptap/core'
import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { headingLevels, textAlignments, type TextAlignment } from '@dongbi/schema'
import { LocaleController } from '../i18n/LocaleController.ts'
import { t } from '../i18n/locale.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { toolbarIcons } from './toolbarIcons.ts'

interface MarkButton {
  name: 'bold' | 'italic' | 'underline' | 'strike'
  label: MessageKey
  shortcut: string
}

const markButtons: MarkButton[] = [
  { name: 'bold', label: 'toolbar.bold', shortcut: 'Ctrl+B' },
  { name: 'italic', label: 'toolbar.italic', shortcut: 'Ctrl+I' },
  { name: 'underline', label: 'toolbar.underline', shortcut: 'Ctrl+U' },
  { name: 'strike', label: 'toolbar.strike', shortcut: 'Ctrl+Shift+S' },
]

const alignLabels: Record<TextAlignment, MessageKey> = {
  left: 'toolbar.alignLeft',
  center: 'toolbar.alignCenter',
  right: 'toolbar.alignRight',
  justify: 'toolbar.alignJustify',
}

/**
 * Formatting toolbar for a Tiptap editor. It listens to the editor's transactions and
 * re-renders itself (not the editor) at most once per animation frame.
 *
 * @csspart toolbar - The button row.
 */
@customElement('dongbi-toolbar')
export class DongbiToolbar extends LitElement {
  static override styles = css`
    :host { display: block; }
    [part='toolbar'] {
      display: flex; flex-wrap: wrap; align-items: center; gap: 2px;
      padding: 4px 6px; background: #fff; border: 1px solid #e3e6ea; border-radius: 8px;
    }
    /* On a phone the row scrolls sideways (its container does) rather than stacking buttons. */
    @media (max-width: 760px) { [part='toolbar'] { flex-wrap: nowrap; } }
    button, select {
      font: inherit; font-size: 0.875rem; color: #1f2328; background: transparent;
      border: 1px solid transparent; border-radius: 6px; height: 32px; cursor: pointer;
    }
    button { min-width: 32px; display: inline-flex; align-items: center; justify-content: center; padding: 0 6px; }
    button:hover:not(:disabled), select:hover { background: #f1f3f5; }
    button[aria-pressed='true'] { background: #e7efff; color: #1d4ed8; border-color: #c7d7fe; }
    button:disabled { opacity: 0.35; cursor: default; }
    button:focus-visible, select:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
    select { padding: 0 8px; min-width: 6.5em; }
    svg { width: 18px; height: 18px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
    .sep { width: 1px; height: 20px; background: #e3e6ea; margin: 0 4px; }
  `

  /** The editor to drive. */
  @property({ attribute: false }) editor: Editor | undefined

  private frame = 0
  private readonly locale = new LocaleController(this)
  private subscribed: Editor | undefined

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unsubscribe()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('editor') && this.subscribed !== this.editor) {
      this.unsubscribe()
      this.editor?.on('transaction', this.handleTransaction)
      this.subscribed = this.editor
    }
  }

  private unsubscribe(): void {
    this.subscribed?.off('transaction', this.handleTransaction)
    this.subscribed = undefined
    cancelAnimationFrame(this.frame)
  }

  private handleTransaction = (): void => {
    cancelAnimationFrame(this.frame)
    this.frame = requestAnimationFrame(() => this.requestUpdate())
  }

  private handleBlockChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value
    const chain = this.editor!.chain().focus()
    if (value === 'paragraph') chain.setParagraph().run()
    else chain.setHeading({ level: Number(value) as 1 | 2 | 3 | 4 }).run()
  }

  private currentBlock(): string {
    const editor = this.editor!
    for (const level of headingLevels) if (editor.isActive('heading', { level })) return String(level)
    return 'paragraph'
  }

  protected override render() {
    const editor = this.editor
    if (!editor) return nothing
    const editable = editor.isEditable
    const button = (key: MessageKey, icon: keyof typeof toolbarIcons, active: boolean, run: () => void, canRun = true, shortcut = '') =>
      html`<button
        type="button"
        title=${shortcut ? `${t(key)} (${shortcut})` : t(key)}
        aria-label=${t(key)}
        aria-pressed=${active ? 'true' : 'false'}
        data-command=${icon}
        ?disabled=${!editable || !canRun}
        @mousedown=${(e: Event) => e.preventDefault()}
        @click=${run}
      >${toolbarIcons[icon]}</button>`
    return html`<div part="toolbar" role="toolbar" aria-label=${t('toolbar.label')}>
      ${button('toolbar.undo', 'undo', false, () => editor.chain().focus().undo().run(), editor.can().undo(), 'Ctrl+Z')}
      ${button('toolbar.redo', 'redo', false, () => editor.chain().focus().redo().run(), editor.can().redo(), 'Ctrl+Shift+Z')}
      <span class="sep"></span>
      <select aria-label=${t('toolbar.paragraph')} .value=${this.currentBlock()} ?disabled=${!editable} @change=${this.handleBlockChange}>
        <option value="paragraph">${t('toolbar.paragraph')}</option>
        ${headingLevels.map((level) => html`<option value=${String(level)}>${t('toolbar.heading', { level })}</option>`)}
      </select>
      <span class="sep"></span>
      ${markButtons.map((m) =>
        button(m.label, m.name, editor.isActive(m.name), () => editor.chain().focus().toggleMark(m.name).run(), true, m.shortcut),
      )}
      <span class="sep"></span>
      ${button('toolbar.bulletList', 'bulletList', editor.isActive('bulletList'), () => editor.chain().focus().toggleBulletList().run())}
      ${button('toolbar.orderedList', 'orderedList', editor.isActive('orderedList'), () => editor.chain().focus().toggleOrderedList().run())}
      ${button('toolbar.blockquote', 'blockquote', editor.isActive('blockquote'), () => editor.chain().focus().toggleBlockquote().run())}
      ${button('toolbar.horizontalRule', 'horizontalRule', false, () => editor.chain().focus().setHorizontalRule().run())}
      <span class="sep"></span>
      ${textAlignments.map((align) =>
        button(alignLabels[align], `align-${align}`, editor.isActive({ textAlign: align }), () => editor.chain().focus().toggleTextAlign(align).run()),
      )}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-toolbar': DongbiToolbar
  }
}
