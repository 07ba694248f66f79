/**
 * The 公文 format checker's cost in the editor: per keystroke, what the editor extension
 * does on every change — read the blocks off the ProseMirror document, run the
 * IncrementalChecker, place the findings at document positions and build the underline
 * decorations — on a 5,000-character 公文-like document, typing at random positions.
 * Also a full check (a fresh checkDocument) of the same document, as the server and the CLI run it.
 *
 *   npm run bench:checker [-- --keystrokes=2000 --seed=42]
 *
 * Target (issue 5): under 20 ms per keystroke. Results: stdout and results/checker.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { checkDocument, IncrementalChecker, nodeBlocks, type ProseMirrorNodeLike } from '@dongbi/gongwen'
// The editor extension's own per-change work; imported by path because the package's entry
// point registers Lit custom elements, which need a browser.
import { decorateFindings, placeFindings } from '../packages/editor/src/formatCheck/placeFindings.ts'
import { editorSchema } from '@dongbi/schema'
import type { Node } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { seedSpeech } from './lib/fixtures.ts'
import { describeMachine } from './lib/machine.ts'
import { percentile } from './lib/stats.ts'

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const keystrokes = Number(arg('keystrokes') ?? 2000)
const warmup = 200
const fullRuns = 200
const seed = Number(arg('seed') ?? Date.now() % 1_000_000)
const targetChars = 5000

/** mulberry32 */
function random(state: number) {
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A 通知 built around the seed speech's paragraphs: 版头, title, 主送, four heading levels, 附件, 落款, 版记. */
function gongwenLikeDocument(): Node {
  const schema = editorSchema()
  const paragraphs = seedSpeech()
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 40)
  const p = (text: string, textAlign: string | null = null) => schema.node('paragraph', { textAlign }, text ? [schema.text(text)] : [])
  const head = [p('X党委办发〔2024〕12号', 'center'), schema.node('heading', { level: 1, textAlign: 'center' }, [schema.text('关于开展2024年学习教育月活动的通知')]), p('各党支部：')]
  const tail = [p('特此通知。'), p('附件：1.学习书目'), p('2.活动安排表'), p('X党委办公室', 'right'), p('2024年3月5日', 'right'), p('抄送：市委组织部，市委宣传部。'), p('X党委办公室 2024年3月5日印发')]
  const body: Node[] = []
  const labels = ['一、', '（一）', '1.', '（1）']
  let chars = [...head, ...tail].reduce((n, node) => n + node.textContent.length, 0)
  for (let i = 0; chars < targetChars; i++) {
    const label = `${labels[i % 4]!.replace('一', '一二三四五六七八九十'[Math.floor(i / 4) % 10]!).replace('1', String(Math.floor(i / 4) + 1))}学习要求`
    const text = paragraphs[i % paragraphs.length]!.slice(0, Math.min(300, targetChars - chars - label.length))
    body.push(p(label), p(text))
    chars += label.length + text.length
  }
  return schema.node('doc', null, [...head, ...body, ...tail])
}

const typed = '学习教育其它截止2024年一.（1）:。'

function main() {
  const machine = describeMachine()
  const next = random(seed)
  let state = EditorState.create({ doc: gongwenLikeDocument() })
  const chars = state.doc.textContent.length
  console.log(`checker bench: ${chars} characters, ${state.doc.childCount} blocks, ${keystrokes} keystrokes (+${warmup} warm-up), seed ${seed}`)

  const checker = new IncrementalChecker()
  const options = { kind: 'notice' as const }
  const samples: number[] = []
  /** CPU time of this process for the same work: the wall-clock numbers include waiting for a core on a shared machine. */
  const cpuSamples: number[] = []
  let findings = 0
  for (let k = 0; k < warmup + keystrokes; k++) {
    // A keystroke at a random position inside some block's text.
    const positions: number[] = []
    state.doc.descendants((node, pos) => {
      if (node.isTextblock) positions.push(pos + 1 + Math.floor(next() * (node.content.size + 1)))
      return !node.isTextblock
    })
    const at = positions[Math.floor(next() * positions.length)]!
    const tr = next() < 0.15 && at > 1 && state.doc.resolve(at).parentOffset > 0 ? state.tr.delete(at - 1, at) : state.tr.insertText(typed[Math.floor(next() * typed.length)]!, at)
    state = state.apply(tr)
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    const result = placeFindings(state.doc, checker, { ...options, disabledRules: [], english: false })
    decorateFindings(state.doc, result)
    const elapsed = performance.now() - start
    const cpu = process.cpuUsage(cpuStart)
    if (k >= warmup) {
      samples.push(elapsed)
      cpuSamples.push((cpu.user + cpu.system) / 1000)
      findings = result.length
    }
  }

  const text = nodeBlocks(state.doc as unknown as ProseMirrorNodeLike)
  const full: number[] = []
  for (let run = 0; run < fullRuns; run++) {
    const start = performance.now()
    checkDocument(text, options)
    full.push(performance.now() - start)
  }

  const round = (ms: number) => Math.round(ms * 1000) / 1000
  const result = {
    date: new Date().toISOString(),
    command: `npm run bench:checker -- --keystrokes=${keystrokes} --seed=${seed}`,
    machine,
    document: { characters: chars, blocks: state.doc.childCount },
    keystroke: { samples: samples.length, p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)), maxMs: round(Math.max(...samples)) },
    keystrokeCpu: { p50Ms: round(percentile(cpuSamples, 50)), p99Ms: round(percentile(cpuSamples, 99)), maxMs: round(Math.max(...cpuSamples)) },
    fullCheck: { runs: fullRuns, p50Ms: round(percentile(full, 50)), p99Ms: round(percentile(full, 99)), maxMs: round(Math.max(...full)) },
    findingsAtEnd: findings,
    targetMs: 20,
  }
  console.log(`per keystroke (the editor extension's work):      p50 ${result.keystroke.p50Ms} ms, p99 ${result.keystroke.p99Ms} ms, max ${result.keystroke.maxMs} ms`)
  console.log(`  CPU time per keystroke:                       p50 ${result.keystrokeCpu.p50Ms} ms, p99 ${result.keystrokeCpu.p99Ms} ms, max ${result.keystrokeCpu.maxMs} ms`)
  console.log(`full check (checkDocument):                      p50 ${result.fullCheck.p50Ms} ms, p99 ${result.fullCheck.p99Ms} ms, max ${result.fullCheck.maxMs} ms`)
  console.log(`${result.findingsAtEnd} findings at the end; target < 20 ms per keystroke: ${result.keystroke.p99Ms < 20 ? 'met' : 'NOT met'} (p99)`)
  fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true })
  fs.writeFileSync(path.join(import.meta.dirname, 'results/checker.json'), JSON.stringify(result, null, 2) + '\n')
}

main()
