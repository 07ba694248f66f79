import { accessAtLeast, CloseCode } from '@dongbi/schema'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { Authorization } from './CollabAuthorizer.ts'
import { binaryFrame } from './binaryFrame.ts'
import { encodePermissionDenied, encodeReadOnly, encodeSaved } from './encodeMessages.ts'

/** One client socket on one document. */
export class Connection {
  /** Awareness client ids this socket has announced; removed when it closes. */
  readonly awarenessClients = new Set<number>()
  private writesQueued = 0
  private writesDone = 0
  private savedWaiters: { until: number; n: number }[] = []
  closed = false
  /** Set by a `Hello`: this is 动笔's editor, which reads `Event` messages. */
  acceptsEvents = false
  private toldReadOnly = false

  constructor(
    readonly socket: WebSocket,
    readonly documentId: string,
    /** Remote address, for logs. */
    readonly address: string,
    /** Who this is and what they may do; `access` changes when rechecked. */
    readonly authorization: Authorization,
  ) {}

  /** May this socket change the document? */
  get canEdit(): boolean {
    return accessAtLeast(this.authorization.access, 'edit')
  }

  /** May this socket make suggestions (comment access and above)? */
  get canSuggest(): boolean {
    return accessAtLeast(this.authorization.access, 'comment')
  }

  /** Tells the client that an update was dropped: it changed more than its own suggestions. */
  refuseUpdate(): void {
    this.send(encodePermissionDenied('refused: only suggestions are accepted'))
  }

  /** Tells the client, once per change of access, that its edits are not accepted. */
  tellReadOnly(): void {
    if (this.toldReadOnly) return
    this.toldReadOnly = true
    this.send(encodeReadOnly(this.authorization.access))
  }

  /** Applies a new access level from a recheck. */
  changeAccess(access: Authorization['access']): void {
    const couldEdit = this.canEdit
    const previous = this.authorization.access
    this.authorization.access = access
    if (!this.canEdit && (couldEdit || previous !== access)) {
      // Read-only now, or read-only at another level (comment ⇄ view: suggestions or nothing).
      this.toldReadOnly = false
      this.tellReadOnly()
    } else if (!couldEdit && this.canEdit) {
      // The client is in read-only mode; a fresh connection lets it start editing cleanly.
      this.close(CloseCode.AccessChanged, 'access changed')
    }
  }

  send(message: Uint8Array): void {
    this.sendFrame(binaryFrame(message))
  }

  /**
   * Writes a frame made by {@link binaryFrame} straight to the TCP socket. A broadcast frames
   * its message once and hands every socket the same buffer: one write each, where `ws.send`
   * would build a header and write twice per socket. Safe because the server never compresses
   * (`perMessageDeflate: false`) and never sends Blobs, the only cases in which ws queues
   * frames instead of writing them at once; so frames cannot interleave.
   */
  sendFrame(frame: Buffer): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    const raw = this.rawSocket()
    if (raw && !raw.destroyed) raw.write(frame)
  }

  /**
   * Resolves once everything sent so far has left the process (is in the kernel's socket
   * buffer), or after `maxWaitMs`, or at once if the socket is gone. Lets a long synchronous
   * job wait until a large answer is out instead of holding its tail back.
   */
  whenFlushed(maxWaitMs: number): Promise<void> {
    const raw = this.rawSocket()
    if (!raw || raw.destroyed || raw.writableLength === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxWaitMs)
      // Callbacks run in write order, so this one runs after every earlier write is out.
      raw.write(Buffer.alloc(0), () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  private rawSocket(): Duplex | undefined {
    return (this.socket as unknown as { _socket?: Duplex })._socket
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    // Close reasons are limited to 123 bytes.
    this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString())
  }

  /** Called when one of this socket's updates is handed to the writer. */
  writeQueued(): void {
    this.writesQueued++
  }

  /** Called when one of this socket's updates is durable; answers SavedRequests it unblocks. */
  writeDone(): void {
    this.writesDone++
    while (this.savedWaiters.length > 0 && this.savedWaiters[0]!.until <= this.writesDone) {
      this.send(encodeSaved(this.savedWaiters.shift()!.n))
    }
  }

  /** Answers `[Saved, n]` once every update this socket sent before now is durable. */
  requestSaved(n: number): void {
    if (this.writesDone >= this.writesQueued) this.send(encodeSaved(n))
    else this.savedWaiters.push({ until: this.writesQueued, n })
  }

  /** Closes with the right code for a failure while handling this socket's messages. */
  fail(error: unknown): void {
    if (error instanceof Error && error.name === 'BadMessageError') {
      this.close(CloseCode.BadMessage, error.message)
    } else {
      this.close(CloseCode.InternalError, 'internal error')
    }
  }
}
