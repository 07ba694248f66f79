/**
 * 动笔 collaboration-server benchmarks against @y/websocket-server and @hocuspocus/server.
 *
 *   pnpm --filter @dongbi/bench bench [--rows=fanout,sync,memory,throughput,soak,storage] [--servers=dongbi,ywss,hocuspocus]
 *     [--rounds=5] [--readers=50,200] [--quick]
 *
 * Every server runs in its own child process (started and killed here); the clients live in
 * this process. Results: a Markdown table on stdout and in results/latest.{md,json}.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { replayAutomergePaper, seedSpeech } from './lib/fixtures.ts'
import { describeMachine } from './lib/machine.ts'
import { renderTable, verdict, type Metric } from './lib/report.ts'
import { checkTypistEncoding } from './lib/updates.ts'
import { median, percentile } from './lib/stats.ts'
import { waitForIdleServer } from './lib/contention.ts'
import { fanout, type FanoutResult } from './rows/fanout.ts'
import { FirstSync } from './rows/firstSync.ts'
import { memory, type MemoryResult } from './rows/memory.ts'
import { soak, type SoakResult } from './rows/soak.ts'
import { storage, type StorageResult } from './rows/storage.ts'
import { throughput, type ThroughputResult } from './rows/throughput.ts'
import { allServers, benchDir, floor, type ServerHandle, type ServerKey, type ServerKind } from './servers/servers.ts'

const rowNames = ['fanout', 'sync', 'memory', 'throughput', 'soak', 'storage'] as const
type RowName = (typeof rowNames)[number]

function parseArgs(argv: string[]) {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const rows = (get('rows')?.split(',') ?? [...rowNames]) as RowName[]
  for (const row of rows) if (!rowNames.includes(row)) throw new Error(`unknown row "${row}"; rows: ${rowNames.join(', ')}`)
  const serverKeys = get('servers')?.split(',') ?? allServers.map((s) => s.key)
  const servers = allServers.filter((s) => serverKeys.includes(s.key))
  if (servers.length !== serverKeys.length) throw new Error(`unknown server in "${serverKeys.join(',')}"; servers: ${allServers.map((s) => s.key).join(', ')}`)
  const count = (value: string) => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1) throw new Error(`"${value}" is not a positive whole number`)
    return n
  }
  const rounds = get('rounds')
  const readers = get('readers')
  return {
    rows,
    servers,
    quick: argv.includes('--quick'),
    rounds: rounds === undefined ? undefined : count(rounds),
    readers: readers === undefined ? undefined : readers.split(',').map(count),
  }
}

const { rows, servers, quick, ...sizes } = parseArgs(process.argv.slice(2))
const has = (row: RowName) => rows.includes(row)

/** Every size in one place; `--quick` is a smoke test, not a result. */
const plan = {
  /** Rows 1 and 4 alternate the servers this many times (row 2 alternates run by run), so a burst of load from elsewhere on the machine hits them alike. */
  rounds: sizes.rounds ?? (quick ? 1 : 5),
  fanout: { readers: sizes.readers ?? [50, 200], keystrokes: quick ? 60 : 200, warmup: quick ? 10 : 20, perSecond: 20 },
  sync: { batchSize: 1000, coldRuns: quick ? 1 : 5, warmRuns: quick ? 2 : 20 },
  memory: { documents: quick ? 100 : 1000, updatesPerDocument: 8, charsPerUpdate: 40 },
  throughput: {
    shapes: [
      { documents: 16, writersPerDocument: 4 },
      { documents: 4, writersPerDocument: 16 },
      { documents: 1, writersPerDocument: 50 },
    ],
    window: 32,
    warmupMs: quick ? 500 : 1000,
    measureMs: quick ? 2000 : 5000,
  },
  soak: { connections: quick ? 1000 : 10_000, concurrency: 50, documents: 10 },
  /** automerge-paper in updates of 20 patches (≈ 13,000 updates), then time for each server's housekeeping. */
  storage: { batchSize: quick ? 200 : 20, settleMs: quick ? 3000 : 15_000 },
}

interface FanoutSummary {
  readers: number
  /** p50, p99 and max over every round's samples; the detail lines are medians over rounds. */
  foreignCpuPercent: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  samples: number
  serverCpuMsPerKeystroke: number
  firstReaderP50Ms: number
  spreadP50Ms: number
  rounds: { p50Ms: number; p99Ms: number; maxMs: number; foreignCpuPercent: number }[]
  /** Over every round's samples. */
  pooled: { p50Ms: number; p99Ms: number; maxMs: number }
}

interface ThroughputSummary {
  documents: number
  writersPerDocument: number
  /** Best round. */
  updatesPerSecond: number
  /** Median over rounds. */
  serverCpuMicrosPerUpdate: number
  rounds: ThroughputResult[]
}

interface ServerResults {
  fanout?: FanoutSummary[]
  /** Cold is absent for the floor, which has no storage. */
  sync?: { coldMs?: number; warmMs: number; coldRunsMs?: number[]; warmRunsMs: number[]; loadMs: number }
  memory?: MemoryResult
  throughput?: ThroughputSummary[]
  soak?: SoakResult
  storage?: StorageResult
  stopAfterLoadMs?: number
}

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

async function main(): Promise<void> {
  // y-websocket's provider adds a process 'exit' listener per instance; a thousand are expected here.
  process.setMaxListeners(0)
  const startedAt = new Date()
  const machine = describeMachine()
  log(`${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, node ${machine.node}, load ${machine.loadAverage}; rows ${rows.join(',')}; ${quick ? 'QUICK' : 'full'}`)
  checkTypistEncoding()
  const seed = seedSpeech()
  const results: Partial<Record<ServerKey, ServerResults>> = {}
  for (const kind of servers) results[kind.key] = {}
  /** Rows a server failed (e.g. a peer that lost a document): reported under the table, the run goes on. */
  const failures: string[] = []
  const attempt = async <T,>(kind: ServerKind, row: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run()
    } catch (error) {
      const message = `${kind.key}, row ${row}: ${error instanceof Error ? error.message : String(error)}`
      failures.push(message)
      log(`FAILED ${message}`)
      return undefined
    }
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-bench-'))
  const dataDir = (kind: ServerKind, row: string) => path.join(root, kind.key, row)

  try {
    // Rows 1 and 4: every server up at once (idle ones cost nothing), measured in alternation.
    if (has('fanout') || has('throughput')) {
      const live: ServerHandle[] = []
      try {
        for (const kind of servers) live.push(await kind.start(dataDir(kind, 'live')))
        // Row 1 only: the bare relay that gives the floor (servers/floor-main.ts).
        if (has('fanout')) {
          live.push(await floor.start(dataDir(floor, 'live')))
          results.floor = {}
        }
        const fanouts = new Map<string, FanoutResult[]>()
        const throughputs = new Map<string, ThroughputResult[]>()
        for (let round = 1; round <= plan.rounds; round++) {
          for (const server of live) {
            if (has('fanout')) {
              for (const readers of plan.fanout.readers) {
                const r = await fanout(server, { ...plan.fanout, readers })
                log(`round ${round} ${server.key} fan-out ${readers}: p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(2)} ms; first reader ${r.firstReaderP50Ms.toFixed(2)} ms, spread ${r.spreadP50Ms.toFixed(2)} ms; server CPU ${r.serverCpuMsPerKeystroke.toFixed(2)} ms/keystroke; other processes ${r.foreignCpuPercent.toFixed(0)}%`)
                if (r.missing > 0) throw new Error(`${server.key}: ${r.missing} keystrokes never reached their readers`)
                push(fanouts, `${server.key}/${readers}`, r)
              }
            }
            if (has('throughput') && server.key !== 'floor') {
              for (const shape of plan.throughput.shapes) {
                const r = await throughput(server, { ...plan.throughput, ...shape })
                log(
                  `round ${round} ${server.key} throughput ${shape.documents}×${shape.writersPerDocument}: ${r.updatesPerSecond.toFixed(0)} updates/s, server CPU ${r.serverCpuPercent.toFixed(0)}% (${r.serverCpuMicrosPerUpdate.toFixed(1)} µs/update), bench CPU ${r.clientCpuPercent.toFixed(0)}%, other processes ${r.foreignCpuPercent.toFixed(0)}%`,
                )
                if (r.unacknowledged > 0) throw new Error(`${server.key}: ${r.unacknowledged} updates never acknowledged`)
                push(throughputs, `${server.key}/${shape.documents}x${shape.writersPerDocument}`, r)
              }
              const drainMs = await waitForIdleServer(() => server.child.cpuSeconds())
              if (drainMs > 1_000) log(`round ${round} ${server.key} was still busy for ${(drainMs / 1000).toFixed(1)} s after its throughput runs (storing what it had acknowledged)`)
            }
          }
        }
        for (const server of live) {
          const result = results[server.key]!
          if (has('fanout')) {
            result.fanout = plan.fanout.readers.map((readers) => {
              const runs = fanouts.get(`${server.key}/${readers}`)!
              const all = concat(runs.map((r) => r.latenciesMs))
              const pooled = { p50Ms: percentile(all, 50), p99Ms: percentile(all, 99), maxMs: percentile(all, 100) }
              return {
                readers,
                foreignCpuPercent: median(runs.map((r) => r.foreignCpuPercent)),
                ...pooled,
                samples: all.length,
                pooled,
                serverCpuMsPerKeystroke: median(runs.map((r) => r.serverCpuMsPerKeystroke)),
                firstReaderP50Ms: median(runs.map((r) => r.firstReaderP50Ms)),
                spreadP50Ms: median(runs.map((r) => r.spreadP50Ms)),
                rounds: runs.map((r) => ({ p50Ms: r.p50Ms, p99Ms: r.p99Ms, maxMs: r.maxMs, foreignCpuPercent: r.foreignCpuPercent })),
              }
            })
          }
          if (has('throughput') && server.key !== 'floor') {
            result.throughput = plan.throughput.shapes.map((shape) => {
              const runs = throughputs.get(`${server.key}/${shape.documents}x${shape.writersPerDocument}`)!
              return {
                ...shape,
                updatesPerSecond: Math.max(...runs.map((r) => r.updatesPerSecond)),
                serverCpuMicrosPerUpdate: median(runs.map((r) => r.serverCpuMicrosPerUpdate)),
                rounds: runs,
              }
            })
          }
        }
      } finally {
        // A peer that acknowledges before storing may still be writing: give it time, then kill.
        for (const server of live) {
          const stopStart = performance.now()
          await server.stop(120_000).catch((error: unknown) => log(String(error)))
          const ms = performance.now() - stopStart
          results[server.key]!.stopAfterLoadMs = ms
          log(`${server.key} stopped in ${(ms / 1000).toFixed(1)} s`)
        }
      }
    }

    // Row 2: warm runs alternate between the servers (and the floor, warm only), then cold runs (each a restart) do.
    if (has('sync')) {
      const paper = replayAutomergePaper(plan.sync.batchSize)
      log(`automerge-paper: ${paper.patches} patches → ${paper.updates.length} updates, ${paper.endContent.length} chars, state ${paper.stateBytes} B`)
      const benches = servers.map((kind) => new FirstSync(kind, dataDir(kind, 'sync'), paper))
      const floorBench = new FirstSync(floor, dataDir(floor, 'sync'), paper)
      const all = [...benches, floorBench]
      try {
        for (const bench of all) {
          await bench.prepare()
          log(`${bench.kind.key} first sync: trace loaded through a client in ${bench.loadMs.toFixed(0)} ms`)
        }
        const warm = new Map<string, number[]>()
        const cold = new Map<string, number[]>()
        for (let i = 0; i < plan.sync.warmRuns; i++) for (const bench of all) push(warm, bench.kind.key, await bench.warm())
        await floorBench.close()
        for (let i = 0; i < plan.sync.coldRuns; i++) for (const bench of benches) push(cold, bench.kind.key, await bench.cold())
        for (const bench of all) {
          const warmRunsMs = warm.get(bench.kind.key)!
          const coldRunsMs = cold.get(bench.kind.key)
          results[bench.kind.key] ??= {}
          results[bench.kind.key]!.sync = { coldMs: coldRunsMs && median(coldRunsMs), warmMs: median(warmRunsMs), coldRunsMs, warmRunsMs, loadMs: bench.loadMs }
          log(`${bench.kind.key} first sync: cold ${coldRunsMs?.map((v) => v.toFixed(1)).join('/') ?? '—'} ms, warm ${warmRunsMs.map((v) => v.toFixed(1)).join('/')} ms`)
        }
      } finally {
        for (const bench of all) await bench.close().catch((error: unknown) => log(String(error)))
      }
    }

    // Row 3: one server at a time, alone on the machine's memory.
    if (has('memory')) {
      for (const kind of servers) {
        const result = await attempt(kind, 'memory', () => memory(kind, dataDir(kind, 'memory'), seed, plan.memory))
        if (!result) continue
        results[kind.key]!.memory = result
        log(`${kind.key} memory: RSS ${result.baselineMb.toFixed(1)} → ${result.loadedMb.toFixed(1)} MiB for ${result.documents} documents (V8 heap + external: ${result.heapPerThousandMb.toFixed(1)} MiB per 1,000)`)
      }
    }

    // Row 4b: connection churn, one server at a time.
    if (has('soak')) {
      for (const kind of servers) {
        const result = await attempt(kind, 'soak', () => soak(kind, dataDir(kind, 'soak'), plan.soak))
        if (!result) continue
        results[kind.key]!.soak = result
        log(`${kind.key} soak: ${result.connections} connections in ${result.seconds.toFixed(1)} s; RSS ${result.baselineMb.toFixed(1)} → peak ${result.peakMb.toFixed(1)} → ${result.afterMb.toFixed(1)} MiB (retained ${result.retainedMb.toFixed(1)} MiB; V8 heap used ${result.heapRetainedMb.toFixed(1)} MiB)`)
      }
    }

    // Row 6: bytes on disk for the automerge-paper document after each server's own housekeeping.
    if (has('storage')) {
      const paper = replayAutomergePaper(plan.storage.batchSize)
      for (const kind of servers) {
        const result = await attempt(kind, 'storage', () => storage(kind, dataDir(kind, 'storage'), paper, plan.storage.settleMs))
        if (!result) continue
        results[kind.key]!.storage = result
        log(`${kind.key} storage: ${result.storedBytes} B on disk for ${paper.updates.length} updates of ${result.updateBytes} B (state ${result.stateBytes} B): ×${result.perUpdateByte.toFixed(3)} per update byte`)
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }

  const metrics: Metric[] = []
  const metric = (name: string, unit: string, better: 'lower' | 'higher', digits: number, pick: (r: ServerResults) => number | undefined, detail = false) => {
    const values: Metric['values'] = {}
    for (const [key, r] of Object.entries(results) as [ServerKey, ServerResults][]) {
      const value = pick(r)
      if (value !== undefined) values[key] = value
    }
    if (Object.keys(values).length > 0) metrics.push({ name, unit, better, digits, values, detail })
  }
  plan.fanout.readers.forEach((readers, i) => {
    metric(`1. Fan-out p50, ${readers} clients`, 'ms', 'lower', 2, (r) => r.fanout?.[i]?.p50Ms)
    metric(`1. Fan-out p99, ${readers} clients`, 'ms', 'lower', 2, (r) => r.fanout?.[i]?.p99Ms)
    metric(`first reader's latency (median), ${readers} clients`, 'ms', 'lower', 2, (r) => r.fanout?.[i]?.firstReaderP50Ms, true)
    metric(`first → last reader (median), ${readers} clients`, 'ms', 'lower', 2, (r) => r.fanout?.[i]?.spreadP50Ms, true)
  })
  metric('2. First sync, automerge-paper, cold', 'ms', 'lower', 1, (r) => r.sync?.coldMs)
  metric('2. First sync, automerge-paper, warm', 'ms', 'lower', 1, (r) => r.sync?.warmMs)
  metric('3. RSS per 1,000 idle loaded documents', 'MiB', 'lower', 1, (r) => r.memory?.perThousandMb)
  metric('V8 heap + external per 1,000 documents', 'MiB', 'lower', 1, (r) => r.memory?.heapPerThousandMb, true)
  plan.throughput.shapes.forEach((shape, i) => {
    const label = `${shape.documents * shape.writersPerDocument} writers on ${shape.documents} docs`
    metric(`4. Appended updates/s, ${label}`, 'updates/s', 'higher', 0, (r) => r.throughput?.[i]?.updatesPerSecond)
    metric(`server CPU per update, ${label}`, 'µs', 'lower', 1, (r) => r.throughput?.[i]?.serverCpuMicrosPerUpdate, true)
  })

  metric('4b. RSS retained after 10,000 connections opened and closed', 'MiB', 'lower', 1, (r) => r.soak?.retainedMb)
  metric('V8 heap in use retained after the connection soak', 'MiB', 'lower', 1, (r) => r.soak?.heapRetainedMb, true)
  metric('peak RSS during the connection soak', 'MiB', 'lower', 1, (r) => r.soak?.peakMb, true)
  metric('6. Stored bytes per byte of update, automerge-paper, after housekeeping', 'B/B', 'lower', 3, (r) => r.storage?.perUpdateByte)
  metric('stored bytes per byte of Yjs state', 'B/B', 'lower', 2, (r) => r.storage?.perStateByte, true)

  const table = renderTable(metrics)
  const command = `pnpm --filter @dongbi/bench bench${process.argv.length > 2 ? ` ${process.argv.slice(2).join(" ")}` : ""}`
  const foreign = Object.values(results).flatMap((r) => [
    ...(r?.fanout ?? []).map((f) => f.foreignCpuPercent),
    ...(r?.throughput ?? []).flatMap((t) => t.rounds.map((x) => x.foreignCpuPercent)),
  ])
  const header = [
    `- Date: ${startedAt.toISOString()}`,
    `- Machine: ${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB RAM, ${machine.kernel}, Node ${machine.node}; load average at start ${machine.loadAverage}`,
    `- Command: \`${command}\`${quick ? '  (QUICK: smoke-test sizes, not results)' : ''}`,
    ...(foreign.length > 0
      ? [`- Other processes' CPU during the rows 1 and 4 measurements reported: median ${median(foreign).toFixed(0)} %, max ${Math.max(...foreign).toFixed(0)} % of one core`]
      : []),
  ].join('\n')
  console.log(`\n${header}\n\n${table}\n`)
  const worse = metrics.filter((m) => !m.detail && verdict(m).oursWorse)
  const worseDetails = metrics.filter((m) => m.detail && verdict(m).oursWorse)
  const summary = [
    worse.length === 0 ? '动笔 is not worse than the better peer on any row.' : `动笔 is worse than the better peer on: ${worse.map((m) => m.name).join('; ')}.`,
    ...(worseDetails.length > 0 ? [`Detail lines where it is worse: ${worseDetails.map((m) => m.name).join('; ')}.`] : []),
    ...failures.map((failure) => `Failed (no value in the table): ${failure}.`),
  ].join('\n')
  console.log(summary)

  fs.mkdirSync(path.join(benchDir, 'results'), { recursive: true })
  fs.writeFileSync(path.join(benchDir, 'results/latest.md'), `${header}\n\n${table}\n\n${summary}\n`)
  fs.writeFileSync(
    path.join(benchDir, 'results/latest.json'),
    `${JSON.stringify({ date: startedAt.toISOString(), machine, command, quick, plan, results, metrics: metrics.map((m) => ({ ...m, ...verdict(m) })) }, (key, value) => (key === 'latenciesMs' ? undefined : value), 2)}\n`,
  )
  log(`done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s; results in bench/results/latest.{md,json}`)
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function concat(arrays: Float64Array[]): Float64Array {
  const all = new Float64Array(arrays.reduce((n, a) => n + a.length, 0))
  let offset = 0
  for (const a of arrays) {
    all.set(a, offset)
    offset += a.length
  }
  return all
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
