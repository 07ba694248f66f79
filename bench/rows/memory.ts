import * as Y from 'yjs'
import { whenTextLength } from '../lib/content.ts'
import { pool, sleep } from '../lib/stats.ts'
import type { ProviderClient, ServerHandle, ServerKind } from '../servers/servers.ts'

export interface MemoryOptions {
  documents: number
  /** Updates per document, each inserting `charsPerUpdate` characters of the seed speech. */
  updatesPerDocument: number
  charsPerUpdate: number
}

export interface MemoryResult {
  documents: number
  baselineMb: number
  loadedMb: number
  /** RSS growth per 1,000 loaded documents, MiB. */
  perThousandMb: number
  /** Growth of V8's used heap plus external memory (ArrayBuffers etc.) per 1,000 documents, MiB: what the RSS growth is made of. */
  heapPerThousandMb: number
  /** Characters per document. */
  documentChars: number
}

const MiB = 1024 * 1024

/** The updates of one small document: `count` inserts at varying places, like a short note typed in bursts. */
function smallDocumentUpdates(seed: string, index: number, count: number, chars: number): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) {
    const from = ((index * 7919 + i * 104_729) % (seed.length - chars)) | 0
    const at = i === 0 ? 0 : (index + i * 31) % (text.length + 1)
    text.insert(at, seed.slice(from, from + chars))
  }
  const result = { updates, text: text.toString() }
  doc.destroy()
  return result
}

async function settled(server: ServerHandle): Promise<{ rss: number; heap: number }> {
  await sleep(1500)
  const usage = await server.child.gc()
  await sleep(700)
  return { rss: server.child.rssBytes(), heap: usage.heapUsed + usage.external }
}

/**
 * Row 3. Seeds `documents` small documents through raw clients, restarts the server so they
 * are only on disk, reads its RSS, then opens every one with a stock provider (one idle
 * socket per document, as an open editor tab) and reads RSS again once all hold their
 * text. Both reads follow a full GC in the server (the bench's preload hook).
 */
export async function memory(kind: ServerKind, dataDir: string, seed: string, options: MemoryOptions): Promise<MemoryResult> {
  const { documents, updatesPerDocument, charsPerUpdate } = options
  let server: ServerHandle | undefined = await kind.start(dataDir)
  const clients: ProviderClient[] = []
  try {
    const ids: string[] = []
    const texts: string[] = []
    await pool(documents, 20, async (i) => {
      const id = await server!.createDocument()
      const { updates, text } = smallDocumentUpdates(seed, i, updatesPerDocument, charsPerUpdate)
      ids[i] = id
      texts[i] = text
      const client = server!.raw(id)
      await client.ready
      for (const update of updates) client.sendUpdate(update)
      // Every server handles a socket's messages in order and stores them even if it closes;
      // the restart below (a graceful stop) makes them durable, and the reload checks the text.
      client.close()
    })
    await sleep(500)
    await server.stop()
    server = undefined

    server = await kind.start(dataDir)
    const baseline = await settled(server)
    await pool(documents, 25, async (i) => {
      const client = server!.provider(ids[i]!, new Y.Doc())
      clients.push(client)
      await whenTextLength(client.doc, texts[i]!.length, 30_000)
      if (client.doc.getText('t').toString() !== texts[i]) throw new Error(`${kind.key}: document ${i} differs after restart`)
    })
    const loaded = await settled(server)
    return {
      documents,
      baselineMb: baseline.rss / MiB,
      loadedMb: loaded.rss / MiB,
      perThousandMb: ((loaded.rss - baseline.rss) / MiB) * (1000 / documents),
      heapPerThousandMb: ((loaded.heap - baseline.heap) / MiB) * (1000 / documents),
      documentChars: texts[0]!.length,
    }
  } finally {
    for (const client of clients) {
      client.destroy()
      client.doc.destroy()
    }
    await sleep(300)
    await server?.stop()
  }
}
