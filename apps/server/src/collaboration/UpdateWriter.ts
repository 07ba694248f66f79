import type { AppendEntry, Store } from '../store/Store.ts'

interface PendingWrite {
  entry: AppendEntry
  /** `lastOfDocument`: no later write of this batch is for the same document. */
  done: (error: Error | null, seq: number, lastOfDocument: boolean) => void
}

/** A write this long after the previous flush began is taken as a lone keystroke, not load. */
const idleAfterMs = 2

/**
 * Groups the update appends of one event-loop turn, across all documents, into one store
 * transaction. Callbacks run synchronously in append order once the batch is durable, each
 * told whether it is its document's last in the batch.
 *
 * A write that arrives while the writer is idle (someone typing, nobody else busy) is
 * flushed at once instead of waiting for the end of the turn: batching only pays under
 * load, and the wait would sit on every keystroke's way to the other readers. Writes that
 * follow within {@link idleAfterMs} are batched per turn as before. When the store can
 * append synchronously (SQLite), that lone write is stored and sent before `write`
 * returns: no promise hop or timer between a keystroke and its readers.
 */
export class UpdateWriter {
  private queue: PendingWrite[] = []
  private scheduled = false
  private running: Promise<void> = Promise.resolve()
  private lastFlushAt = -Infinity
  /** Flushes started and not finished: a synchronous append must not overtake them. */
  private flushing = 0

  constructor(private readonly store: Store) {}

  write(entry: AppendEntry, done: PendingWrite['done']): void {
    this.queue.push({ entry, done })
    if (this.scheduled) return
    const now = performance.now()
    if (this.queue.length === 1 && now - this.lastFlushAt > idleAfterMs) {
      this.lastFlushAt = now
      if (this.flushing === 0 && this.flushNow()) return
      this.running = this.running.then(() => this.flush())
      return
    }
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.running = this.running.then(() => this.flush())
    })
  }

  /** Resolves once everything written so far is durable (or failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.scheduled) {
      await new Promise((resolve) => setImmediate(resolve))
      await this.running
    }
    await this.running
  }

  /** Appends the queue synchronously if the store can; answers whether it did. */
  private flushNow(): boolean {
    const batch = this.queue
    let seqs: number[] | undefined
    let failure: Error | null = null
    try {
      seqs = this.store.appendUpdatesNow?.(batch.map((w) => w.entry))
      if (!seqs) return false
    } catch (error) {
      failure = toError(error)
    }
    this.queue = []
    this.finish(batch, failure, seqs)
    return true
  }

  private async flush(): Promise<void> {
    this.lastFlushAt = performance.now()
    const batch = this.queue
    this.queue = []
    if (batch.length === 0) return
    let seqs: number[] | undefined
    let failure: Error | null = null
    this.flushing++
    try {
      seqs = await this.store.appendUpdates(batch.map((w) => w.entry))
    } catch (error) {
      failure = toError(error)
    } finally {
      this.flushing--
    }
    this.finish(batch, failure, seqs)
  }

  private finish(batch: PendingWrite[], failure: Error | null, seqs: number[] | undefined): void {
    const last = new Map<string, number>()
    batch.forEach((write, i) => last.set(write.entry.docId, i))
    for (let i = 0; i < batch.length; i++) {
      batch[i]!.done(failure, seqs?.[i] ?? 0, last.get(batch[i]!.entry.docId) === i)
    }
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
