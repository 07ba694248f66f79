import { openRawClients, type RawClient } from '../lib/rawClient.ts'
import { sleep } from '../lib/stats.ts'
import { ClockTracker, Typist } from '../lib/updates.ts'
import type { ServerHandle } from '../servers/servers.ts'
import { ForeignCpu, waitForQuiet } from '../lib/contention.ts'

export interface ThroughputOptions {
  documents: number
  writersPerDocument: number
  /** Updates a writer may have sent but not yet seen acknowledged. */
  window: number
  warmupMs: number
  measureMs: number
}

export interface ThroughputResult {
  updatesPerSecond: number
  writers: number
  serverCpuPercent: number
  /** Server CPU time per acknowledged update, µs: what a saturated core would allow, contention aside. */
  serverCpuMicrosPerUpdate: number
  clientCpuPercent: number
  /** CPU other processes on the machine used meanwhile, % of one core. */
  foreignCpuPercent: number
  /** Updates sent but never acknowledged once writers stopped; must be 0. */
  unacknowledged: number
}

/**
 * Row 4. `documents` × `writersPerDocument` raw writers each type one-character updates as
 * fast as the server takes them, with at most `window` unacknowledged; one raw observer per
 * document counts the updates the server has acknowledged, i.e. broadcast (ours broadcasts
 * only once stored). Rate = acknowledged updates per second over the measuring window.
 */
export async function throughput(server: ServerHandle, options: ThroughputOptions): Promise<ThroughputResult> {
  const { documents, writersPerDocument, window } = options
  const documentIds: string[] = []
  for (let d = 0; d < documents; d++) documentIds.push(await server.createDocument())

  let acknowledged = 0
  let running = true
  const typists: Typist[] = []
  const writers: RawClient[] = []
  const observers: RawClient[] = []
  const writerOf = new Map<number, number>()
  const ackedBy = new Map<number, number>()
  const pump = (w: number) => {
    if (!running) return
    const typist = typists[w]!
    const writer = writers[w]!
    const acked = ackedBy.get(typist.clientId) ?? 0
    while (typist.sent - acked < window) writer.sendUpdate(typist.next())
  }
  try {
    for (let w = 0; w < documents * writersPerDocument; w++) {
      const typist = new Typist(1_000_000 + w)
      typists.push(typist)
      writerOf.set(typist.clientId, w)
    }
    observers.push(
      ...(await openRawClients(documents, 16, (d) => {
        const observer = server.raw(documentIds[d]!)
        const tracker = new ClockTracker()
        observer.onUpdate = (update) => {
          tracker.add(update, (client, from, to) => {
            acknowledged += to - from
            ackedBy.set(client, to)
            const w = writerOf.get(client)
            if (w !== undefined) pump(w)
          })
        }
        return observer
      })),
    )
    writers.push(...(await openRawClients(documents * writersPerDocument, 16, (w) => server.raw(documentIds[Math.floor(w / writersPerDocument)]!))))
    await sleep(300)
    await waitForQuiet(() => server.child.cpuSeconds())

    for (let w = 0; w < writers.length; w++) pump(w)
    await sleep(options.warmupMs)
    const countBefore = acknowledged
    const foreign = new ForeignCpu(() => server.child.cpuSeconds())
    const cpuBefore = server.child.cpuSeconds()
    const clientCpuBefore = process.cpuUsage()
    const start = performance.now()
    await sleep(options.measureMs)
    const seconds = (performance.now() - start) / 1000
    const count = acknowledged - countBefore
    const serverCpu = server.child.cpuSeconds() - cpuBefore
    const clientCpu = process.cpuUsage(clientCpuBefore)
    const foreignCpuPercent = foreign.percent()
    running = false
    const sent = typists.reduce((sum, t) => sum + t.sent, 0)
    const deadline = Date.now() + 15_000
    while (acknowledged < sent && Date.now() < deadline) await sleep(20)
    return {
      updatesPerSecond: count / seconds,
      writers: writers.length,
      serverCpuPercent: (100 * serverCpu) / seconds,
      serverCpuMicrosPerUpdate: (1e6 * serverCpu) / count,
      clientCpuPercent: (100 * (clientCpu.user + clientCpu.system)) / 1e6 / seconds,
      foreignCpuPercent,
      unacknowledged: sent - acknowledged,
    }
  } finally {
    running = false
    for (const client of [...writers, ...observers]) client.close()
    await sleep(300)
  }
}
