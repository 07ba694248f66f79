import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit'

/**
 * A page's passing message (已移到回收站 …), optionally with 撤销, gone after six seconds or
 * once undone. The page calls {@link show} and puts {@link render} where the toast goes.
 */
export class ToastController implements ReactiveController {
  private toast: { message: string; undo?: () => void } | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this)
  }

  show(message: string, undo?: () => void): void {
    clearTimeout(this.timer)
    this.toast = { message, undo }
    this.timer = setTimeout(() => this.dismiss(), 6000)
    this.host.requestUpdate()
  }

  hostDisconnected(): void {
    clearTimeout(this.timer)
  }

  private dismiss(): void {
    this.toast = undefined
    this.host.requestUpdate()
  }

  render(undoLabel: string) {
    const toast = this.toast
    if (!toast) return nothing
    return html`<div class="toast" role="status">
      ${toast.message}
      ${toast.undo
        ? html`<button type="button" @click=${() => {
            toast.undo?.()
            this.dismiss()
          }}>${undoLabel}</button>`
        : nothing}
    </div>`
  }
}
