/**
 * Search latency on a realistic corpus: 1,000 documents of speech-sized Chinese text (the
 * study-month speech, paragraphs shuffled per document, about 5,000 characters each), in a
 * real server with its SQLite FTS5 trigram index (or, with DONGBI_TEST_DATABASE=postgres, its
 * PostgreSQL pg_trgm index). Times each kind of query end to end
 * (GET /api/search: auth, SQL with the readability condition, the policy check per hit,
 * excerpts, JSON) and at the index alone, for an org admin (reads everything) and a branch
 * member (reads about half). Also the cost of keeping the index current: extracting a
 * document's text from its Y.Doc and storing it.
 *
 *   npm run bench:search [-- --documents=1000 --runs=30 --seed=42]
 *
 * Results: stdout (a Markdown table for README.md) and results/search.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { nodeToText, replaceBody, searchQuery, ydocToNode, type DocumentKind } from '@dongbi/schema'
import { paragraphs, seededRandom, startTestServer } from '@dongbi/server/testing'
import * as Y from 'yjs'
import { describeMachine } from './lib/machine.ts'
import { percentile } from './lib/stats.ts'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const documentCount = Number(arg('documents') ?? 1000)
const runs = Number(arg('runs') ?? 30)
const seed = Number(arg('seed') ?? Date.now() % 1_000_000)
const benchDir = import.meta.dirname
console.log(`search bench: ${documentCount} documents, ${runs} runs per query, seed ${seed}`)

const speech = fs
  .readFileSync(path.resolve(benchDir, '../tests/fixtures/seed-speech-zh.txt'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.trim())
  .filter(Boolean)
const random = seededRandom(seed)
const kinds: DocumentKind[] = ['speech', 'reflection', 'study-notes', 'summary', 'minutes', 'notice', 'report']

function shuffled<T>(items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const server = await startTestServer()
try {
  const member = await server.addUser('member', { displayName: '李华' })
  const other = await server.addUser('other', { displayName: '王强' })
  const admin = (await server.store.users.byUsername('root'))!
  const branchId = 'benchBranch01'
  await server.store.branches.insert({ id: branchId, name: '第一支部', created_at: new Date().toISOString() })
  await server.store.branches.setRole(branchId, member.user.id, 'member')

  // The corpus: a third the member's own, a sixth their branch's, a few shared with them, the rest another user's.
  let characters = 0
  const storeTimes: number[] = []
  for (let i = 0; i < documentCount; i++) {
    const id = `benchDoc${String(i).padStart(6, '0')}`
    const slot = i % 6
    await server.store.createDocument({
      id,
      title: i % 10 === 0 ? `关于党建工作的第${i}号学习心得` : `第${i}号学习材料`,
      ownerId: slot === 5 ? null : slot < 2 ? member.user.id : other.user.id,
      branchId: slot === 5 ? branchId : null,
      kind: kinds[i % kinds.length]!,
    })
    if (slot === 4 && random() < 0.1) {
      await server.store.shares.set({ document_id: id, grantee_type: 'user', grantee_id: member.user.id, level: 'view', created_by: other.user.id, created_at: new Date().toISOString() })
    }
    const text = [...shuffled(speech).slice(0, speech.length - 1), `本篇编号：文档${i}号。`].join('\n\n')
    characters += text.length
    const started = performance.now()
    await server.search.setBody(id, text, new Date().toISOString())
    storeTimes.push(performance.now() - started)
  }
  // The SQLite file's size; in PostgreSQL mode (DONGBI_TEST_DATABASE=postgres) not measured.
  const dbFile = server.config.databaseUrl.startsWith('sqlite:') ? server.config.databaseUrl.replace(/^sqlite:/, '') : null
  const dbBytes = dbFile ? fs.statSync(dbFile).size + (fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0) : NaN

  // Extracting the text from a Y.Doc, as the indexer does after each debounced change.
  const doc = new Y.Doc()
  replaceBody(doc, paragraphs(...speech))
  const extractTimes: number[] = []
  for (let i = 0; i < 100; i++) {
    const started = performance.now()
    const text = nodeToText(ydocToNode(doc))
    extractTimes.push(performance.now() - started)
    if (text.length < 4000) throw new Error(`extracted only ${text.length} characters`)
  }

  const queries: { label: string; q: string }[] = [
    { label: '3+ chars, in every document', q: '学习教育月' },
    { label: '3+ chars, in one document', q: `文档${Math.floor(documentCount * 0.777)}号` },
    { label: '2 chars (substring path)', q: '党建' },
    { label: '1 char (substring path)', q: '学' },
    { label: 'two terms, long + short', q: '党建 实事求是' },
    { label: 'three long terms', q: '学习教育月 解放思想 党员队伍' },
    { label: 'no match', q: '量子纠缠态' },
    { label: 'hostile', q: '"党建" OR )(*' },
  ]
  const who = [
    { name: 'admin (reads all)', token: server.token, user: admin },
    { name: 'member (reads ~1/2)', token: member.token, user: member.user },
  ]
  const rows: { query: string; q: string; who: string; total: number; httpP50: number; httpP95: number; indexP50: number; indexP95: number }[] = []
  for (const { label, q } of queries) {
    for (const person of who) {
      const http: number[] = []
      const index: number[] = []
      let total = 0
      for (let r = 0; r < runs + 3; r++) {
        let started = performance.now()
        const response = await server.api(`/api/search?q=${encodeURIComponent(q)}&limit=20`, { token: person.token })
        const body = (await response.json()) as { total: number }
        if (!response.ok) throw new Error(`${q}: ${response.status} ${JSON.stringify(body)}`)
        const httpMs = performance.now() - started
        started = performance.now()
        await server.search.search(person.user, searchQuery.parse({ q, limit: 20 }))
        const indexMs = performance.now() - started
        if (r < 3) continue // warm-up
        http.push(httpMs)
        index.push(indexMs)
        total = body.total
      }
      rows.push({ query: label, q, who: person.name, total, httpP50: percentile(http, 50), httpP95: percentile(http, 95), indexP50: percentile(index, 50), indexP95: percentile(index, 95) })
    }
  }

  const ms = (n: number) => n.toFixed(1)
  const machine = describeMachine()
  const lines = [
    `${documentCount} documents, ${Math.round(characters / documentCount)} characters each on average (${(characters / 1e6).toFixed(1)} M in all), database ${(dbBytes / 2 ** 20).toFixed(0)} MiB; ${runs} runs per cell after 3 warm-up runs; limit 20; seed ${seed}.`,
    `Machine: ${machine.nproc} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverage} at start.`,
    '',
    '| query | q | who | matches | HTTP p50 | HTTP p95 | index p50 | index p95 |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.query} | \`${r.q}\` | ${r.who} | ${r.total} | ${ms(r.httpP50)} ms | ${ms(r.httpP95)} ms | ${ms(r.indexP50)} ms | ${ms(r.indexP95)} ms |`),
    '',
    `Keeping the index current, per document of ~${Math.round(characters / documentCount)} characters: text extraction from the Y.Doc p50 ${ms(percentile(extractTimes, 50))} ms (p95 ${ms(percentile(extractTimes, 95))} ms); storing it in FTS5 p50 ${ms(percentile(storeTimes, 50))} ms (p95 ${ms(percentile(storeTimes, 95))} ms).`,
  ]
  console.log(lines.join('\n'))
  fs.mkdirSync(path.join(benchDir, 'results'), { recursive: true })
  fs.writeFileSync(
    path.join(benchDir, 'results/search.json'),
    JSON.stringify({ seed, documentCount, runs, characters, dbBytes, machine, rows, extractTimes, storeTimes }, null, 1),
  )
} finally {
  await server.close()
}
