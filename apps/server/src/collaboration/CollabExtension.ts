import type { CollabEvent } from '@dongbi/schema'
import type * as Y from 'yjs'

/**
 * A hook into the life of loaded documents. Extensions run in the order given to
 * {@link CollabServer}; a failing hook is logged and never stops the others or the server.
 * `beforeUnload`: read what you need from `doc` before your first `await`, it is destroyed
 * after. `onChange`: call `readDoc` whenever you read, rather than keeping what it returns.
 */
export interface CollabExtension {
  /**
   * After updates to the document became durable, were broadcast and applied: once per settle,
   * `afterSendDelayMs` (20 ms) after sending. `readDoc` gives the document as it is when called, so a hook that
   * reads later (a debounce) sees what was sent meanwhile; keeping the Y.Doc itself would not.
   */
  onChange?(documentId: string, readDoc: () => Y.Doc): void | Promise<void>
  /** Before a loaded document leaves memory (idle unload or shutdown), once every update is durable. */
  beforeUnload?(documentId: string, doc: Y.Doc): void | Promise<void>
  /** A socket said `Hello`; `send` pushes it an `Event` (e.g. the current unread count). */
  onHello?(socket: { userId: string; documentId: string; send: (event: CollabEvent) => void }): void | Promise<void>
}
