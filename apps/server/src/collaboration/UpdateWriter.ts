import type { AppendEntry, Store } from '../store/Store.ts'

interface PendingWrite {
  entry: AppendEntry
  done: (error: Error | null, seq: number) => void
}

/** A write this long after the previous flush began is taken as a lone keystroke, not load. */
const idleAfterMs = 2

/**
 * Groups the update appends of one event-loop turn, across all documents, into one store
 * transaction. Callbacks run synchronously in append order once the batch is durable, then
 * `onBatchEnd` lets each room broadcast what the batch made visible.
 *
 * A write that arrives while the writer is idle (someone typing, nobody else busy) is
 * flushed at once instead of waiting for the end of the turn: batching only pays under
 * load, and the wait would sit on every keystroke's way to the other readers. Writes that
 * follow within {@link idleAfterMs} are batched per turn as before.
 */
export class UpdateWriter {
  private queue: PendingWrite[] = []
  private scheduled = false
  private running: Promise<void> = Promise.resolve()
  private lastFlushAt = -Infinity

  constructor(
    private readonly store: Store,
    private readonly onBatchEnd: (docIds: Set<string>) => void,
  ) {}

  write(entry: AppendEntry, done: PendingWrite['done']): void {
    this.queue.push({ entry, done })
    if (this.scheduled) return
    const now = performance.now()
    if (this.queue.length === 1 && now - this.lastFlushAt > idleAfterMs) {
      this.lastFlushAt = now
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

  private async flush(): Promise<void> {
    this.lastFlushAt = performance.now()
    const batch = this.queue
    this.queue = []
    if (batch.length === 0) return
    let seqs: number[] | undefined
    let failure: Error | null = null
    try {
      seqs = await this.store.appendUpdates(batch.map((w) => w.entry))
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error))
    }
    for (let i = 0; i < batch.length; i++) {
      batch[i]!.done(failure, seqs?.[i] ?? 0)
    }
    this.onBatchEnd(new Set(batch.map((w) => w.entry.docId)))
  }
}
