import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { createStore } from '../src/store/createStore.ts'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-'))
const store = await createStore({ databaseUrl: `sqlite:${dir}/a.db`, sqliteSynchronous: 'normal' })
await store.createDocument({ id: 'doc-aaaa-0001', title: 'x' })
const doc = new Y.Doc()
const ups: Uint8Array[] = []
doc.on('update', (u: Uint8Array) => ups.push(u))
for (let i = 0; i < 400; i++) doc.getText('t').insert(i, 'x')
const sqlite = (store as any).sqlite
const insertOnly = sqlite.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)')
const insTx = sqlite.transaction((d: Uint8Array) => insertOnly.run('doc-aaaa-0001', d))
for (const [name, fn] of [['full', (u: Uint8Array) => store.appendUpdatesNow([{ docId: 'doc-aaaa-0001', data: u }])], ['insert only', (u: Uint8Array) => insTx(u)], ['decode', (u: Uint8Array) => Y.decodeUpdate(u)]] as const) {
  const t: number[] = []
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 30))
    const a = performance.now(); (fn as any)(ups[i + (name === 'insert only' ? 100 : 0)]!); t.push(performance.now() - a)
  }
  t.sort((a, b) => a - b)
  console.log(name, 'p50 µs', (t[50]! * 1000).toFixed(0), 'p90', (t[90]! * 1000).toFixed(0))
}
await store.close()
