import { nodeToText, ydocToNode } from '@dongbi/schema'
import type * as Y from 'yjs'
import type { CollabExtension } from '../collaboration/CollabExtension.ts'
import type { SearchIndex } from './SearchIndex.ts'

export interface SearchIndexerOptions {
  index: SearchIndex
  /** Reindex this long after the last stored change of a document. Default 300 ms. */
  debounceMs?: number
  /** …but never later than this after the first change still waiting, so steady typing is indexed too. Default 500 ms. */
  maxWaitMs?: number
  log?: (message: string, error?: unknown) => void
}

interface Pending {
  /** The live document, read when the timer fires (see `CollabExtension.onChange`). */
  read: () => Y.Doc
  timer: NodeJS.Timeout
  firstAt: number
}

/** A document's searchable text: the body as plain text, without pending suggestions. */
export function searchableText(doc: Y.Doc): string {
  return nodeToText(ydocToNode(doc))
}

/**
 * Keeps a {@link SearchIndex} following the documents: as a collaboration extension it
 * reindexes a document's body `debounceMs` after its last stored change (at most `maxWaitMs`
 * after the first), and right away when the document leaves memory; at startup
 * {@link backfill} indexes whatever was never indexed or changed since. Writes for one
 * document run one after another, each reading the text when it runs, so an older text
 * never overwrites a newer one.
 */
export class SearchIndexer implements CollabExtension {
  private readonly index: SearchIndex
  private readonly debounceMs: number
  private readonly maxWaitMs: number
  private readonly log: (message: string, error?: unknown) => void
  private readonly pending = new Map<string, Pending>()
  private readonly queues = new Map<string, Promise<void>>()
  private closed = false

  constructor({ index, debounceMs = 300, maxWaitMs = 500, log = console.error }: SearchIndexerOptions) {
    this.index = index
    this.debounceMs = debounceMs
    this.maxWaitMs = maxWaitMs
    this.log = log
  }

  onChange(documentId: string, readDoc: () => Y.Doc): void {
    if (this.closed) return
    const now = Date.now()
    const previous = this.pending.get(documentId)
    if (previous) clearTimeout(previous.timer)
    const firstAt = previous?.firstAt ?? now
    const delay = Math.max(0, Math.min(this.debounceMs, firstAt + this.maxWaitMs - now))
    const timer = setTimeout(() => this.flush(documentId), delay)
    this.pending.set(documentId, { read: readDoc, timer, firstAt })
  }

  beforeUnload(documentId: string): Promise<void> | void {
    // The doc is destroyed right after this hook: read it now, not when a timer fires, and
    // wait for a write whose timer fired but which still queues behind an earlier one.
    if (this.pending.has(documentId)) return this.flush(documentId)
    return this.queues.get(documentId)
  }

  /** Reindexes a document now from `doc` (e.g. one read from the store). */
  reindex(documentId: string, read: () => Y.Doc | Promise<Y.Doc>): Promise<void> {
    return this.enqueue(documentId, async () => {
      const doc = await read()
      await this.write(documentId, doc)
    })
  }

  /**
   * Indexes every document whose text was never indexed or predates its last edit, a batch
   * at a time, reading each through `readDocument` (the live doc when loaded). Resolves with
   * how many it indexed; stops early when the indexer closes.
   */
  async backfill(readDocument: (id: string) => Promise<Y.Doc>, { batch = 50 } = {}): Promise<number> {
    let done = 0
    // Each document once: one that fails, or stays stale (an edit time ahead of this clock),
    // must not keep the loop going. Live edits meanwhile are the extension's business.
    const attempted = new Set<string>()
    while (!this.closed) {
      const ids = (await this.index.stale(batch + attempted.size)).filter((id) => !attempted.has(id))
      if (ids.length === 0) break
      for (const id of ids) {
        if (this.closed) break
        attempted.add(id)
        try {
          await this.reindex(id, () => readDocument(id))
          done++
        } catch (error) {
          this.log(`search: cannot index document ${id}`, error)
        }
      }
    }
    return done
  }

  /** Indexes what is still waiting (from docs still in memory), then waits for every write. */
  async close(): Promise<void> {
    for (const id of [...this.pending.keys()]) void this.flush(id)
    this.closed = true
    await Promise.all(this.queues.values())
  }

  private flush(documentId: string): Promise<void> {
    const pending = this.pending.get(documentId)
    if (!pending) return Promise.resolve()
    clearTimeout(pending.timer)
    this.pending.delete(documentId)
    return this.enqueue(documentId, async () => {
      const doc = pending.read()
      // A document discarded before it was purged has nothing left to index.
      if (!doc.isDestroyed) await this.write(documentId, doc)
    }).catch((error) => {
      this.log(`search: indexing document ${documentId} failed`, error)
    })
  }

  /** Reads the text synchronously, so it is the doc's state at this moment. */
  private async write(documentId: string, doc: Y.Doc): Promise<void> {
    const at = new Date().toISOString()
    await this.index.setBody(documentId, searchableText(doc), at)
  }

  private enqueue(documentId: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(documentId) ?? Promise.resolve()
    const run = previous.then(task, task)
    const settled = run.catch(() => {})
    this.queues.set(documentId, settled)
    void settled.then(() => {
      if (this.queues.get(documentId) === settled) this.queues.delete(documentId)
    })
    return run
  }
}
