import { afterSendDelayMs } from '../collaboration/afterSendDelayMs.ts'

/**
 * Moves `documents.updated_at` for appended updates a few milliseconds after the append, in
 * one transaction for every document touched meanwhile, instead of inside each keystroke's
 * commit.
 *
 * The touch rewrote two more pages per commit (the row and its place in the list's index):
 * half of what a keystroke wrote to SQLite's log, on the way to every reader. Written on the
 * next turn it still ran while the readers took the keystroke in; {@link afterSendDelayMs} later
 * they have. A request within those milliseconds reads the previous time. A process
 * killed within those milliseconds keeps the update and loses only its touch: the document
 * shows its previous edit's time, and the search backfill (which compares `updated_at` with
 * the time of indexing) may leave that last keystroke out of the index, until the next edit.
 */
export class TouchQueue {
  private due = new Map<string, string>()
  private scheduled = false
  private writing: Promise<void> = Promise.resolve()

  /** `write` sets each document's `updated_at` to its time unless it is later already. */
  constructor(private readonly write: (due: ReadonlyMap<string, string>) => Promise<void>) {}

  /** Notes that `docId` changed at `at` (an ISO time); written {@link afterSendDelayMs} later. */
  add(docId: string, at: string): void {
    const previous = this.due.get(docId)
    if (previous === undefined || previous < at) this.due.set(docId, at)
    if (this.scheduled) return
    this.scheduled = true
    setTimeout(() => void this.flush(), afterSendDelayMs)
  }

  /** Writes what is due now; resolves when it and every earlier write are done. Never rejects. */
  flush(): Promise<void> {
    this.scheduled = false
    if (this.due.size === 0) return this.writing
    const due = this.due
    this.due = new Map()
    this.writing = this.writing.then(() =>
      this.write(due).catch(() => {
        // The database refused (it is closing, or failing, and then appends fail too): keep the
        // times for the next flush rather than lose them.
        for (const [docId, at] of due) {
          const later = this.due.get(docId)
          if (later === undefined || later < at) this.due.set(docId, at)
        }
      }),
    )
    return this.writing
  }
}
