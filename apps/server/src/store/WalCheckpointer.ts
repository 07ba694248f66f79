import type SqliteDatabase from 'better-sqlite3'

export interface WalCheckpointerOptions {
  /** Appends after which a checkpoint runs on the next turn of the event loop. */
  afterWrites?: number
  /** A checkpoint at least this often, for writes that do not report themselves (comments, reviews…). */
  intervalMs?: number
  /** SQLite's own automatic checkpoint, in log pages: kept only as a backstop for bursts. */
  backstopPages?: number
}

/**
 * Copies SQLite's write-ahead log back into the database file off the keystroke path.
 *
 * SQLite's automatic checkpoint runs inside the commit that takes the log past 1,000 pages:
 * the commit of some keystroke, which then waits for the page copies and an fsync before
 * anyone sees it (≈ one keystroke in 200, a few ms each: the tail of the fan-out latency).
 * Here it is raised to a backstop, and a passive checkpoint runs instead on the turn after
 * `afterWrites` appends — once the keystroke that reached the count has been sent — or every
 * `intervalMs`. Passive: it never waits for readers; what it cannot copy yet the next one does.
 */
export class WalCheckpointer {
  private readonly afterWrites: number
  private writes = 0
  private scheduled = false
  private readonly timer: NodeJS.Timeout
  private closed = false

  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    { afterWrites = 100, intervalMs = 1000, backstopPages = 10_000 }: WalCheckpointerOptions = {},
  ) {
    this.afterWrites = afterWrites
    sqlite.pragma(`wal_autocheckpoint = ${backstopPages}`)
    this.timer = setInterval(() => this.checkpoint(), intervalMs)
    this.timer.unref()
  }

  /** Called after each committed append. */
  noteWrite(): void {
    if (++this.writes < this.afterWrites || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.checkpoint()
    })
  }

  /** Stops the timer; closing the database checkpoints what is left. */
  close(): void {
    this.closed = true
    clearInterval(this.timer)
  }

  private checkpoint(): void {
    if (this.closed || !this.sqlite.open) return
    this.writes = 0
    // Never inside a transaction (a checkpoint there fails): the next turn will do.
    if (this.sqlite.inTransaction) return
    try {
      this.sqlite.pragma('wal_checkpoint(PASSIVE)')
    } catch {
      // SQLITE_BUSY from another process's checkpoint: the next one copies the rest.
    }
  }
}
