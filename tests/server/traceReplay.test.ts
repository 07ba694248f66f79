import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { createDocument, saved, spawnServer, synced, yClient, type SpawnedServer, type YClient } from '@dongbi/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** josephg/editing-traces shape: see tests/fixtures/README.md. */
interface Trace {
  startContent: string
  endContent: string
  txns: { patches: [position: number, deleteCount: number, insert: string][] }[]
}

const patchesPerTransaction = 300

let dir: string
let trace: Trace
const servers: SpawnedServer[] = []
const clients: YClient[] = []

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-trace-'))
  const file = path.resolve(import.meta.dirname, '../fixtures/automerge-paper.json.gz')
  trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as Trace
})
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')))
  fs.rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<SpawnedServer> {
  const server = await spawnServer(path.join(dir, 'trace.db'))
  servers.push(server)
  return server
}

async function freshText(server: SpawnedServer, id: string): Promise<string> {
  const client = yClient(server.collabUrl, id, { token: server.token })
  clients.push(client)
  await synced(client)
  return client.text()
}

describe('the automerge-paper editing trace', () => {
  it('replayed through a stock client, reads back exactly, before and after a restart', async () => {
    const patchCount = trace.txns.reduce((n, txn) => n + txn.patches.length, 0)
    expect(patchCount).toBe(259_778)

    let server = await start()
    const { id } = await createDocument(server, 'automerge-paper')
    const typist = yClient(server.collabUrl, id, { token: server.token })
    clients.push(typist)
    await synced(typist)
    const text = typist.doc.getText('t')

    // The patches, a few hundred per transaction, each transaction one update on the wire.
    let pending: Trace['txns'][number]['patches'] = []
    const flush = () => {
      typist.doc.transact(() => {
        for (const [position, deleteCount, insert] of pending) {
          if (deleteCount > 0) text.delete(position, deleteCount)
          if (insert) text.insert(position, insert)
        }
      })
      pending = []
    }
    if (trace.startContent) text.insert(0, trace.startContent)
    for (const txn of trace.txns) {
      for (const patch of txn.patches) {
        pending.push(patch)
        if (pending.length === patchesPerTransaction) flush()
      }
    }
    flush()
    expect(text.toString()).toBe(trace.endContent)
    await saved(typist, { timeoutMs: 30_000 })

    const seen = await freshText(server, id)
    expect(seen.length).toBe(trace.endContent.length)
    expect(seen === trace.endContent, 'a fresh client sees exactly endContent').toBe(true)

    const stopped = await server.stop('SIGTERM')
    expect(stopped, server.output()).toEqual({ code: 0, signal: null })
    for (const client of clients.splice(0)) client.destroy()

    server = await start()
    const afterRestart = await freshText(server, id)
    expect(afterRestart === trace.endContent, 'after a restart, a fresh client sees exactly endContent').toBe(true)
  })
})
