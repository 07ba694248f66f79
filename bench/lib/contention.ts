import fs from 'node:fs'
import os from 'node:os'
import { sleep } from './stats.ts'

const CLK_TCK = 100

/** Busy CPU time of the whole machine so far, seconds (all cores, from /proc/stat). */
function machineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number)
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLK_TCK
}

function ownSeconds(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}

/**
 * Measures the CPU that processes other than this one and `servers` use: the machine has
 * two cores shared with whatever else runs on it, and that shows in every number here.
 */
export class ForeignCpu {
  private readonly start: number
  private readonly startOwn: number
  private readonly startAt = performance.now()

  constructor(private readonly servers: () => number) {
    this.start = machineBusySeconds()
    this.startOwn = ownSeconds() + servers()
  }

  /** Other processes' CPU since construction, in percent of one core. */
  percent(): number {
    const seconds = (performance.now() - this.startAt) / 1000
    const foreign = machineBusySeconds() - this.start - (ownSeconds() + this.servers() - this.startOwn)
    return Math.max(0, (100 * foreign) / seconds)
  }
}

/** Waiting for quiet may add at most this much to a whole bench run. */
let waitBudgetMs = 60_000

/**
 * Waits, at most `maxMs` (and within the run's overall budget), until other processes use
 * under `thresholdPercent` of one core over a 500 ms sample, so a measurement does not
 * start in the middle of someone else's build. Returns the last sample.
 */
export async function waitForQuiet(servers: () => number, thresholdPercent = 30, maxMs = 8_000): Promise<number> {
  const deadline = Date.now() + Math.min(maxMs, waitBudgetMs)
  for (;;) {
    const sample = new ForeignCpu(servers)
    await sleep(500)
    const percent = sample.percent()
    if (percent < thresholdPercent || Date.now() > deadline) return percent
    waitBudgetMs -= 500
  }
}

export const cores = os.availableParallelism()

/**
 * Waits until a server's own CPU use falls under `thresholdPercent` of one core over a 500 ms
 * sample, at most `maxMs`; returns how long that took. A server that acknowledges updates
 * before it stores them (y-websocket-server with y-leveldb) keeps writing its backlog after a
 * saturation run, and must not do so while another server is being measured.
 */
export async function waitForIdleServer(cpuSeconds: () => number, thresholdPercent = 5, maxMs = 120_000): Promise<number> {
  const start = performance.now()
  for (;;) {
    const before = cpuSeconds()
    await sleep(500)
    const percent = (100 * (cpuSeconds() - before)) / 0.5
    if (percent < thresholdPercent || performance.now() - start > maxMs) return performance.now() - start
  }
}
