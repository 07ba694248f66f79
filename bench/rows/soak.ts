import { pool, sleep } from '../lib/stats.ts'
import type { ServerHandle, ServerKind } from '../servers/servers.ts'

export interface SoakOptions {
  connections: number
  concurrency: number
  documents: number
}

export interface SoakResult {
  connections: number
  baselineMb: number
  peakMb: number
  afterMb: number
  /** RSS left over after every connection closed and a full GC, MiB. */
  retainedMb: number
  /** V8 heap in use left over, MiB: what the server still holds, without the pages V8 and the allocator keep mapped. */
  heapRetainedMb: number
  seconds: number
}

const MiB = 1024 * 1024

async function settled(server: ServerHandle): Promise<{ rss: number; heapUsed: number }> {
  await sleep(1500)
  const { heapUsed } = await server.child.gc()
  await sleep(700)
  return { rss: server.child.rssBytes(), heapUsed }
}

/**
 * Row 4b. Opens and closes `connections` sockets (each syncs with one of a few documents,
 * then closes), `concurrency` at a time, and reads the server's RSS before, at the peak, and
 * after, each time after a full GC. A server that leaks per connection keeps the growth.
 */
export async function soak(kind: ServerKind, dataDir: string, options: SoakOptions): Promise<SoakResult> {
  const server = await kind.start(dataDir)
  try {
    const ids: string[] = []
    for (let i = 0; i < options.documents; i++) ids.push(await server.createDocument())
    // Warm up: the first connections load modules and documents; that is not a leak.
    await pool(200, options.concurrency, async (i) => {
      const client = server.raw(ids[i % ids.length]!)
      await client.ready
      client.close()
    })
    const baseline = await settled(server)
    let peak = baseline.rss
    const started = performance.now()
    await pool(options.connections, options.concurrency, async (i) => {
      const client = server.raw(ids[i % ids.length]!)
      await client.ready
      if (i % 500 === 0) peak = Math.max(peak, server.child.rssBytes())
      client.close()
    })
    const seconds = (performance.now() - started) / 1000
    const after = await settled(server)
    return {
      connections: options.connections,
      baselineMb: baseline.rss / MiB,
      peakMb: peak / MiB,
      afterMb: after.rss / MiB,
      retainedMb: (after.rss - baseline.rss) / MiB,
      heapRetainedMb: (after.heapUsed - baseline.heapUsed) / MiB,
      seconds,
    }
  } finally {
    await server.stop(60_000)
  }
}
