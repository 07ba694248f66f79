import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  appendLine,
  contentOf,
  createDocument,
  saved,
  spawnServer,
  storedDocAt,
  synced,
  waitFor,
  yClient,
  type SpawnedServer,
  type YClient,
} from '@dongbi/server/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

let dir: string
let databaseFile: string
const servers: SpawnedServer[] = []
const clients: YClient[] = []

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-restart-'))
  databaseFile = path.join(dir, 'dongbi.db')
})
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')))
  fs.rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<SpawnedServer> {
  const server = await spawnServer(databaseFile)
  servers.push(server)
  return server
}

function connect(server: SpawnedServer, id: string): YClient {
  const client = yClient(server.collabUrl, id, { token: server.token })
  clients.push(client)
  return client
}

function expected(lines: string[]): { text: string; xml: string } {
  return { text: lines.map((l) => `${l}\n`).join(''), xml: lines.map((l) => `<paragraph>${l}</paragraph>`).join('') }
}

async function freshView(server: SpawnedServer, id: string): Promise<{ text: string; xml: string }> {
  const client = connect(server, id)
  await synced(client)
  return contentOf(client.doc)
}

describe('content survives the server process', () => {
  it('a graceful restart (SIGTERM → exit 0) and a kill -9 right after another client received an edit', async () => {
    const lines: string[] = []
    // 1. First process: write, confirm, stop gracefully with a client still connected.
    let server = await start()
    const { id } = await createDocument(server, '重启测试')
    const writer = connect(server, id)
    const reader = connect(server, id)
    await Promise.all([synced(writer), synced(reader)])
    for (let i = 0; i < 20; i++) {
      lines.push(`第一轮 ${i}`)
      appendLine(writer.doc, lines.at(-1)!)
    }
    await saved(writer)
    await waitFor(() => reader.text() === expected(lines).text, { message: 'the reader to catch up' })

    const stopped = await server.stop('SIGTERM')
    expect(stopped, server.output()).toEqual({ code: 0, signal: null })
    expect(server.output()).toContain('SIGTERM: flushing and closing')
    // A graceful stop compacts each loaded document to one row.
    const afterStop = await storedDocAt(`sqlite:${databaseFile}`, id)
    expect(afterStop.rows).toBe(1)
    expect(contentOf(afterStop.doc)).toEqual(expected(lines))
    for (const client of clients.splice(0)) client.destroy()

    // 2. Second process: everything is there; edit, and kill -9 the moment a reader has the edit.
    server = await start()
    expect(await freshView(server, id)).toEqual(expected(lines))
    const writer2 = connect(server, id)
    const reader2 = connect(server, id)
    await Promise.all([synced(writer2), synced(reader2)])
    for (let i = 0; i < 10; i++) {
      lines.push(`第二轮 ${i}`)
      appendLine(writer2.doc, lines.at(-1)!)
    }
    const last = lines.at(-1)!
    const victim = server
    let killed = false
    reader2.doc.on('update', () => {
      if (!killed && reader2.text().endsWith(`${last}\n`)) {
        killed = true
        victim.child.kill('SIGKILL')
      }
    })
    await waitFor(() => killed, { message: 'the reader to receive the last edit' })
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' })
    for (const client of clients.splice(0)) client.destroy()
    // Nothing was compacted: the rows written one by one are all there.
    const afterKill = await storedDocAt(`sqlite:${databaseFile}`, id)
    expect(afterKill.rows).toBeGreaterThan(1)

    // 3. Third process: a fresh client sees every edit, including the last one.
    server = await start()
    expect(await freshView(server, id)).toEqual(expected(lines))
  })
})
