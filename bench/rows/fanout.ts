import * as Y from 'yjs'
import { openRawClients, type RawClient } from '../lib/rawClient.ts'
import { percentile, sleep, waitUntil } from '../lib/stats.ts'
import { Typist } from '../lib/updates.ts'
import { ForeignCpu, waitForQuiet } from '../lib/contention.ts'
import type { ServerHandle } from '../servers/servers.ts'

export interface FanoutOptions {
  readers: number
  /** Keystrokes sent, of which the first `warmup` are not measured. */
  keystrokes: number
  warmup: number
  perSecond: number
  /** Where the typist connects, when not to the readers' server (row 5: another instance). */
  writerServer?: ServerHandle
}

export interface FanoutResult {
  readers: number
  /** Arrival − send time of every measured (reader, keystroke) pair, ms. */
  latenciesMs: Float64Array
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** Measured (reader, keystroke) pairs that never arrived; must be 0. */
  missing: number
  /** Median over keystrokes of the first reader's latency: the server's pipeline before it starts sending. */
  firstReaderP50Ms: number
  /** Median over keystrokes of last − first reader's arrival: the time to send to every reader. */
  spreadP50Ms: number
  /** Server CPU time per keystroke (all its fan-out included), ms. */
  serverCpuMsPerKeystroke: number
  /** CPU other processes on the machine used meanwhile, % of one core. */
  foreignCpuPercent: number
}

/**
 * Row 1. One typist sends `keystrokes` one-character updates at `perSecond` to a document
 * that `readers` other sockets have open. Keystroke k is the typist's clock k, so a reader
 * learns from each update's metadata which keystrokes it carries (one or several, merged or
 * not) and records arrival time − send time for each. Typist and readers are raw protocol
 * clients in this process (no Y.Doc), so the process stays idle enough to time arrivals.
 */
export async function fanout(server: ServerHandle, options: FanoutOptions): Promise<FanoutResult> {
  const { readers: readerCount, keystrokes, warmup, perSecond } = options
  const documentId = await server.createDocument()
  const typist = new Typist(100_000 + Math.floor(Math.random() * 1_000_000))
  const sentAt = new Float64Array(keystrokes)
  const measured = keystrokes - warmup
  const latencies = new Float64Array(readerCount * measured)
  let recorded = 0
  const first = new Float64Array(keystrokes).fill(Infinity)
  const last = new Float64Array(keystrokes)
  const reached = new Int32Array(readerCount)
  let readers: RawClient[] = []
  let writer: RawClient | undefined
  try {
    readers = await openRawClients(readerCount, 25, (i) => {
      const reader = server.raw(documentId)
      reader.onUpdate = (update, receivedAt) => {
        const to = Y.parseUpdateMeta(update).to.get(typist.clientId) ?? 0
        for (let k = reached[i]!; k < to; k++) {
          if (k < warmup) continue
          const latency = receivedAt - sentAt[k]!
          latencies[recorded++] = latency
          if (latency < first[k]!) first[k] = latency
          if (latency > last[k]!) last[k] = latency
        }
        if (to > reached[i]!) reached[i] = to
      }
      return reader
    })
    writer = (options.writerServer ?? server).raw(documentId)
    await writer.ready
    await sleep(200)
    await waitForQuiet(() => server.child.cpuSeconds())

    const foreign = new ForeignCpu(() => server.child.cpuSeconds())
    const cpuBefore = server.child.cpuSeconds()
    const start = performance.now()
    const interval = 1000 / perSecond
    for (let k = 0; k < keystrokes; k++) {
      const due = start + k * interval
      const wait = due - performance.now()
      if (wait > 1) await sleep(wait)
      sentAt[k] = performance.now()
      writer.sendUpdate(typist.next())
    }
    await waitUntil(() => reached.every((r) => r >= keystrokes), 15_000, 'every reader to receive every keystroke').catch(() => {})
    const cpu = server.child.cpuSeconds() - cpuBefore
    const foreignCpuPercent = foreign.percent()
    const samples = latencies.slice(0, recorded)
    return {
      readers: readerCount,
      latenciesMs: samples,
      p50Ms: percentile(samples, 50),
      p99Ms: percentile(samples, 99),
      maxMs: percentile(samples, 100),
      missing: readerCount * measured - recorded,
      firstReaderP50Ms: percentile(first.subarray(warmup), 50),
      spreadP50Ms: percentile(Float64Array.from(first.subarray(warmup), (f, i) => last[warmup + i]! - f), 50),
      serverCpuMsPerKeystroke: (1000 * cpu) / keystrokes,
      foreignCpuPercent,
    }
  } finally {
    writer?.close()
    for (const reader of readers) reader.close()
    await sleep(300)
  }
}
