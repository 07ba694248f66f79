import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import * as Y from 'yjs'
import { repoRoot } from '../servers/servers.ts'

interface Trace {
  startContent: string
  endContent: string
  txns: { patches: [number, number, string][] }[]
}

export interface PaperDocument {
  /** Updates to send, one per batch of `batchSize` patches, in order. */
  updates: Uint8Array[]
  endContent: string
  patches: number
  /** Size of the final state (`Y.encodeStateAsUpdate`). */
  stateBytes: number
}

/**
 * Replays the automerge-paper trace into a Y.Text `t` (the name every bench client reads),
 * `batchSize` patches per transaction, and keeps each transaction's update: the same
 * updates an editor replaying the trace through a provider would send.
 */
export function replayAutomergePaper(batchSize: number): PaperDocument {
  const file = path.join(repoRoot, 'tests/fixtures/automerge-paper.json.gz')
  const trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as Trace
  const doc = new Y.Doc()
  const text = doc.getText('t')
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const patches = trace.txns.flatMap((txn) => txn.patches)
  if (trace.startContent) text.insert(0, trace.startContent)
  for (let i = 0; i < patches.length; i += batchSize) {
    doc.transact(() => {
      for (const [pos, del, ins] of patches.slice(i, i + batchSize)) {
        if (del > 0) text.delete(pos, del)
        if (ins) text.insert(pos, ins)
      }
    })
  }
  if (text.toString() !== trace.endContent) throw new Error('automerge-paper replay does not reach endContent')
  const stateBytes = Y.encodeStateAsUpdate(doc).byteLength
  doc.destroy()
  return { updates, endContent: trace.endContent, patches: patches.length, stateBytes }
}

/** The Chinese seed speech, for small realistic documents. */
export function seedSpeech(): string {
  return fs.readFileSync(path.join(repoRoot, 'tests/fixtures/seed-speech-zh.txt'), 'utf8')
}
