import type { DongbiEditor } from '@dongbi/editor'
import type { ReactiveController, ReactiveControllerHost } from 'lit'

/**
 * Listens to one event of the editor element a panel follows, across changes of that
 * element, and stops when the panel leaves the page. `start` gives the current value when
 * the panel meets a new editor (the events only tell of changes).
 *
 * @example
 * new EditorEventController(this, () => this.editorElement, 'dongbi-suggestions', (e) => (this.suggestions = e.detail), (editor) => (this.suggestions = editor?.suggestions ?? []))
 */
export class EditorEventController<T> implements ReactiveController {
  private bound: DongbiEditor | null = null

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly editor: () => DongbiEditor | null,
    private readonly type: string,
    private readonly onEvent: (event: CustomEvent<T>) => void,
    private readonly start: (editor: DongbiEditor | null) => void,
  ) {
    host.addController(this)
  }

  private readonly listener = (event: Event) => this.onEvent(event as CustomEvent<T>)

  hostUpdate(): void {
    const editor = this.editor()
    if (editor === this.bound) return
    this.bound?.removeEventListener(this.type, this.listener)
    editor?.addEventListener(this.type, this.listener)
    this.bound = editor
    this.start(editor)
  }

  hostDisconnected(): void {
    this.bound?.removeEventListener(this.type, this.listener)
    this.bound = null
  }

  hostConnected(): void {
    // Back on the page: bind again at the next update.
    if (this.editor()) this.host.requestUpdate()
  }
}
