import type { AppendEntry, Store } from '../store/Store.ts'

interface PendingWrite {
  entry: AppendEntry
  done: (error: Error | null, seq: number) => void
}

/**
 * Groups the update appends of one event-loop turn, across all documents, into one store
 * transaction. Callbacks run synchronously in append order once the batch is durable, then
 * `onBatchEnd` lets each room broadcast what the batch made visible.
 */
export class UpdateWriter {
  private queue: PendingWrite[] = []
  private scheduled = false
  private running: Promise<void> = Promise.resolve()

  constructor(
    private readonly store: Store,
    private readonly onBatchEnd: (docIds: Set<string>) => void,
  ) {}

  write(entry: AppendEntry, done: PendingWrite['done']): void {
    this.queue.push({ entry, done })
    if (this.scheduled) return
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
