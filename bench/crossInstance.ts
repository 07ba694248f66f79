/**
 * Rows 5 and 6 for 动笔's multi-instance deployment (PostgreSQL + Redis); row 5 also for
 * @hocuspocus/server with @hocuspocus/extension-redis (two instances on one SQLite file):
 *
 *   pnpm --filter @dongbi/bench bench:cluster [--quick]
 *
 * Row 5: fan-out latency when the typist and the readers are on different instances (the
 * update goes typist → instance A → PostgreSQL → Redis → instance B → readers) against the same
 * deployment with everyone on one instance. Row 6: stored bytes per byte of update after
 * compaction. Needs PostgreSQL on 127.0.0.1:5432 (database `test`) and Redis on 6379; the
 * bench works in its own schema and drops it at the end.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { describeMachine } from './lib/machine.ts'
import { percentile, sleep } from './lib/stats.ts'
import { Typist } from './lib/updates.ts'
import { fanout, type FanoutResult } from './rows/fanout.ts'
import { benchDir, dongbiWith, hocuspocusWith, type ServerHandle } from './servers/servers.ts'

const quick = process.argv.includes('--quick')
const plan = { rounds: quick ? 1 : 3, readers: 50, keystrokes: quick ? 60 : 200, warmup: quick ? 10 : 20, perSecond: 20, compactionKeystrokes: quick ? 2_000 : 10_000 }
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

async function sql<T extends pg.QueryResultRow>(query: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  try {
    return (await client.query<T>(query, values)).rows
  } finally {
    await client.end()
  }
}

async function main(): Promise<void> {
  process.setMaxListeners(0)
  const machine = describeMachine()
  const startedAt = new Date()
  const schema = `dongbi_bench_${process.pid}`
  const url = new URL(postgresUrl)
  url.searchParams.set('schema', schema)
  const env = { DATABASE_URL: url.toString(), REDIS_URL: redisUrl }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-bench-cluster-'))
  const instances: ServerHandle[] = []
  try {
    const kind = dongbiWith(env)
    instances.push(await kind.start(path.join(root, 'a')))
    instances.push(await kind.start(path.join(root, 'b')))
    const [a, b] = instances as [ServerHandle, ServerHandle]
    const hocuspocusEnv = { HOCUSPOCUS_DB: path.join(root, 'hocuspocus.db'), HOCUSPOCUS_REDIS_URL: redisUrl, HOCUSPOCUS_REDIS_PREFIX: String(process.pid) }
    const hocuspocusKind = hocuspocusWith(hocuspocusEnv)
    instances.push(await hocuspocusKind.start(path.join(root, 'ha')))
    instances.push(await hocuspocusKind.start(path.join(root, 'hb')))
    const pairs = [
      ['dongbi', a, b],
      ['hocuspocus', instances[2]!, instances[3]!],
    ] as const

    // Row 5, alternating single and cross, server by server, round by round.
    const results = new Map<string, FanoutResult[]>()
    for (let round = 1; round <= plan.rounds; round++) {
      for (const [key, first, second] of pairs) {
        for (const [name, writerServer] of [
          ['single', first],
          ['cross', second],
        ] as const) {
          const r = await fanout(first, { ...plan, writerServer })
          if (r.missing > 0) throw new Error(`${key} ${name}: ${r.missing} keystrokes never reached their readers`)
          log(`round ${round} ${key} ${name}: p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms; first reader ${r.firstReaderP50Ms.toFixed(2)} ms; other processes ${r.foreignCpuPercent.toFixed(0)}%`)
          results.set(`${key}/${name}`, [...(results.get(`${key}/${name}`) ?? []), r])
        }
      }
    }
    const quietest = (results: FanoutResult[]) => results.reduce((best, r) => (r.foreignCpuPercent < best.foreignCpuPercent ? r : best))
    const pooled = (results: FanoutResult[]) => {
      const all = Float64Array.from(results.flatMap((r) => [...r.latenciesMs]))
      return { p50Ms: percentile(all, 50), p99Ms: percentile(all, 99) }
    }
    for (const instance of instances.splice(2)) await instance.stop()

    // Row 6: type keystrokes (one character each, as an editor sends them), stop gracefully
    // (compaction), compare the stored bytes with the bytes of the updates.
    const documentId = await a.createDocument()
    const writer = a.raw(documentId)
    await writer.ready
    const typist = new Typist(500_000 + Math.floor(Math.random() * 1_000_000))
    let updateBytes = 0
    for (let k = 0; k < plan.compactionKeystrokes; k++) {
      const update = typist.next()
      updateBytes += update.byteLength
      writer.sendUpdate(update)
      if (k % 200 === 199) await sleep(20)
    }
    await sleep(500)
    writer.close()
    const [before] = await sql<{ rows: number; bytes: number }>(`select count(*)::int as rows, coalesce(sum(octet_length(data)), 0)::int as bytes from "${schema}".doc_updates where doc_id = $1`, [documentId])
    await Promise.all(instances.splice(0).map((instance) => instance.stop()))
    const [after] = await sql<{ rows: number; bytes: number }>(`select count(*)::int as rows, coalesce(sum(octet_length(data)), 0)::int as bytes from "${schema}".doc_updates where doc_id = $1`, [documentId])

    const labels = { dongbi: '动笔 (PostgreSQL + Redis)', hocuspocus: 'hocuspocus (SQLite + extension-redis)' } as const
    const row5 = pairs.flatMap(([key]) => {
      const s = quietest(results.get(`${key}/single`)!)
      const c = quietest(results.get(`${key}/cross`)!)
      const ps = pooled(results.get(`${key}/single`)!)
      const pc = pooled(results.get(`${key}/cross`)!)
      return [
        `| 5. ${labels[key]}: fan-out p50 (ms) | ${s.p50Ms.toFixed(2)} | ${c.p50Ms.toFixed(2)} | ${(c.p50Ms - s.p50Ms).toFixed(2)} | ${key === 'dongbi' ? `within 2 ms: ${c.p50Ms - s.p50Ms <= 2 ? 'met' : '**missed**'}` : '—'} |`,
        `| 5. ${labels[key]}: fan-out p99 (ms) | ${s.p99Ms.toFixed(2)} | ${c.p99Ms.toFixed(2)} | ${(c.p99Ms - s.p99Ms).toFixed(2)} | — |`,
        `| ↳ first reader's latency (median, ms) | ${s.firstReaderP50Ms.toFixed(2)} | ${c.firstReaderP50Ms.toFixed(2)} | ${(c.firstReaderP50Ms - s.firstReaderP50Ms).toFixed(2)} | — |`,
        `| ↳ pooled over rounds p50 / p99 (ms) | ${ps.p50Ms.toFixed(2)} / ${ps.p99Ms.toFixed(2)} | ${pc.p50Ms.toFixed(2)} / ${pc.p99Ms.toFixed(2)} | | |`,
      ]
    })
    const crossP50 = (key: string) => quietest(results.get(`${key}/cross`)!).p50Ms
    const lines = [
      '# 动笔 rows 5–6: several instances (PostgreSQL + Redis)',
      '',
      `- Date: ${startedAt.toISOString()}`,
      `- Machine: ${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB RAM, Node ${machine.node}; load average at start ${machine.loadAverage}`,
      `- Command: \`pnpm --filter @dongbi/bench bench:cluster${quick ? ' --quick' : ''}\``,
      `- Two instances of each server (动笔 on one PostgreSQL schema, hocuspocus on one SQLite file; both through Redis); ${plan.readers} readers on instance A; ${plan.keystrokes} keystrokes at ${plan.perSecond}/s (first ${plan.warmup} not measured), ${plan.rounds} round(s) each, alternating; the round with the least CPU used by other processes`,
      '',
      '| Row | typist on A (single instance) | typist on B (across instances) | difference | target |',
      '| --- | ---: | ---: | ---: | --- |',
      ...row5,
      `| 5. across instances, 动笔 ÷ hocuspocus (p50) | | ${(crossP50('dongbi') / crossP50('hocuspocus')).toFixed(2)} | | |`,
      '',
      '| Row | updates | update bytes | stored while loaded (compacted every 500 rows) | stored after a graceful stop | stored ÷ update bytes |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| 6. One-character keystrokes, one document | ${plan.compactionKeystrokes} | ${updateBytes} | ${before!.bytes} B in ${before!.rows} rows | ${after!.bytes} B in ${after!.rows} row(s) | ${(after!.bytes / updateBytes).toFixed(3)} |`,
      '',
    ]
    const table = lines.join('\n')
    console.log(table)
    if (!quick) fs.writeFileSync(path.join(benchDir, 'results/cluster-latest.md'), table)
  } finally {
    await Promise.all(instances.map((instance) => instance.stop().catch(() => {})))
    await sql(`drop schema if exists "${schema}" cascade`).catch((error: unknown) => log(`dropping ${schema}: ${String(error)}`))
    fs.rmSync(root, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
