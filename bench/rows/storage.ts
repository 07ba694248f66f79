import fs from 'node:fs'
import path from 'node:path'
import { sleep, waitUntil } from '../lib/stats.ts'
import type { PaperDocument } from '../lib/fixtures.ts'
import type { ServerKind } from '../servers/servers.ts'

export interface StorageResult {
  /** Bytes of every Yjs update sent. */
  updateBytes: number
  /** Bytes of the final document state (`encodeStateAsUpdate`). */
  stateBytes: number
  /** Growth of the server's data directory for the document, after it settled and stopped. */
  storedBytes: number
  /** storedBytes ÷ updateBytes. */
  perUpdateByte: number
  /** storedBytes ÷ stateBytes. */
  perStateByte: number
}

function directoryBytes(dir: string): number {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    total += entry.isDirectory() ? directoryBytes(full) : fs.statSync(full).size
  }
  return total
}

/**
 * Row 6. Sends the automerge-paper trace's updates to a new document through a raw client,
 * closes it, lets the server settle (unload, compaction, the peers' debounced stores), stops
 * it gracefully, and compares the data directory with one holding only an empty document.
 * Every server's own housekeeping decides what stays on disk; nothing is forced.
 */
export async function storage(kind: ServerKind, dataDir: string, paper: PaperDocument, settleMs: number): Promise<StorageResult> {
  const measure = async (dir: string, updates: Uint8Array[]) => {
    const server = await kind.start(dir)
    try {
      const id = await server.createDocument()
      const client = server.raw(id)
      await client.ready
      for (const update of updates) {
        client.sendUpdate(update)
        if (client.bufferedAmount > 1 << 20) await waitUntil(() => client.bufferedAmount < 1 << 18, 30_000, 'socket drained')
      }
      await waitUntil(() => client.bufferedAmount === 0, 30_000, 'socket drained')
      client.close()
      await sleep(settleMs)
    } finally {
      await server.stop(120_000)
    }
    return directoryBytes(dir)
  }
  const empty = await measure(path.join(dataDir, 'empty'), [])
  const full = await measure(path.join(dataDir, 'full'), paper.updates)
  const updateBytes = paper.updates.reduce((n, u) => n + u.byteLength, 0)
  const storedBytes = Math.max(0, full - empty)
  return { updateBytes, stateBytes: paper.stateBytes, storedBytes, perUpdateByte: storedBytes / updateBytes, perStateByte: storedBytes / paper.stateBytes }
}
