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
  seconds: number
}

const MiB = 1024 * 1024

async function settledRss(server: ServerHandle): Promise<number> {
  await sleep(1500)
  await server.child.gc()
  await sleep(700)
  return server.child.rssBytes()
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
    const baseline = await settledRss(server)
    let peak = baseline
    const started = performance.now()
    await pool(options.connections, options.concurrency, async (i) => {
      const client = server.raw(ids[i % ids.length]!)
      await client.ready
      if (i % 500 === 0) peak = Math.max(peak, server.child.rssBytes())
      client.close()
    })
    const seconds = (performance.now() - started) / 1000
    const after = await settledRss(server)
    return {
      connections: options.connections,
      baselineMb: baseline / MiB,
      peakMb: peak / MiB,
      afterMb: after / MiB,
      retainedMb: (after - baseline) / MiB,
      seconds,
    }
  } finally {
    await server.stop(60_000)
  }
}
