import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { replaceBody, searchQuery } from '@dongbi/schema'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createUser } from '../auth/createUser.ts'
import { newId } from '../auth/secretToken.ts'
import { loadConfig, type Config } from '../config.ts'
import { startServer, type RunningServer } from '../startServer.ts'
import { paragraphs, waitFor } from '../testing/index.ts'
import type { UserRow } from '../store/UserStore.ts'
import { SearchIndexer } from './SearchIndexer.ts'

/** The index across restarts: text lost or never indexed is rebuilt at startup, and an unloading document is indexed before it goes. */
let dir = ''
let running: RunningServer | undefined

afterEach(async () => {
  await running?.close()
  running = undefined
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

function configFor(overrides: Partial<Config> = {}): Config {
  dir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-search-'))
  return { ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: `sqlite:${path.join(dir, 'test.db')}`, webRoot: '', ...overrides }
}

async function found(server: RunningServer, user: UserRow, q: string): Promise<string[]> {
  const page = await server.search.search(user, searchQuery.parse({ q }))
  return page.hits.map((hit) => hit.record.id)
}

describe('search index across restarts', () => {
  it('rebuilds lost or never-indexed text at startup', async () => {
    const config = configFor()
    running = await startServer(config, () => {})
    const admin = await createUser(running.store, { username: 'admin', displayName: '管理员', password: 'correct horse battery staple', isAdmin: true })
    const ids = [newId(), newId()]
    for (const [i, id] of ids.entries()) {
      await running.store.createDocument({ id, title: `文档${i}`, ownerId: admin.id })
      await running.collab.changeDocument(id, (doc) => replaceBody(doc, paragraphs(`第${i}篇正文：雪松林${i}号。`)))
    }
    const server = running
    await waitFor(async () => (await found(server, admin, '雪松林')).length === 2, { message: 'both documents indexed' })
    await running.close()
    running = undefined

    // Lose the index (as after a crash inside the debounce, or a database from before search existed).
    const sqlite = new SqliteDatabase(path.join(dir, 'test.db'))
    sqlite.exec(`UPDATE search_fts SET body = ''; UPDATE search_entries SET indexed_at = NULL;`)
    expect(sqlite.prepare(`SELECT count(*) AS n FROM search_fts WHERE body LIKE '%雪松林%'`).get()).toEqual({ n: 0 })
    sqlite.close()

    const restarted = await startServer(config, () => {})
    running = restarted
    await waitFor(async () => (await found(restarted, admin, '雪松林')).length === 2, { message: 'the backfill to reindex both' })
    expect(new Set(await found(restarted, admin, '雪松林1号'))).toEqual(new Set([ids[1]]))
    // Titles were never lost: triggers keep them.
    expect(await found(restarted, admin, '文档0')).toEqual([ids[0]])
  })

  it('finishes even when a document stays stale (an edit time ahead of this clock) or cannot be read', async () => {
    const config = configFor()
    running = await startServer(config, () => {})
    const admin = await createUser(running.store, { username: 'admin', displayName: '管理员', password: 'correct horse battery staple', isAdmin: true })
    const ahead = newId()
    const broken = newId()
    await running.store.createDocument({ id: ahead, title: '未来', ownerId: admin.id })
    await running.store.createDocument({ id: broken, title: '坏的', ownerId: admin.id })
    await running.close()
    running = undefined
    const sqlite = new SqliteDatabase(path.join(dir, 'test.db'))
    sqlite.prepare(`UPDATE documents SET updated_at = '2999-01-01T00:00:00.000Z' WHERE id = ?`).run(ahead)
    sqlite.close()

    const restarted = await startServer(config, () => {})
    running = restarted
    // The startup backfill indexes `broken` and gives up on `ahead` after one try.
    await waitFor(async () => (await restarted.search.stale(10)).join() === ahead, { message: 'the startup backfill to finish' })
    const db = new SqliteDatabase(path.join(dir, 'test.db'))
    db.prepare(`UPDATE search_entries SET indexed_at = NULL WHERE doc_id = ?`).run(broken)
    db.close()

    const errors: string[] = []
    const indexer = new SearchIndexer({ index: restarted.search, log: (message) => errors.push(message) })
    const done = await indexer.backfill(async (id) => {
      if (id === broken) throw new Error('unreadable')
      return restarted.collab.readDocument(id)
    })
    expect(done).toBe(1) // `ahead`, once
    expect(new Set(await restarted.search.stale(10))).toEqual(new Set([ahead, broken]))
    expect(errors.filter((m) => m.includes(broken))).toHaveLength(1)
  })

  it('indexes a document that leaves memory before its debounce fires', async () => {
    const config = configFor({ unloadAfterMs: 0 })
    running = await startServer(config, () => {})
    const admin = await createUser(running.store, { username: 'admin', displayName: '管理员', password: 'correct horse battery staple', isAdmin: true })
    const id = newId()
    await running.store.createDocument({ id, title: '卸载测试', ownerId: admin.id })
    // changeDocument loads the room and schedules its unload at once (unloadAfterMs 0).
    await running.collab.changeDocument(id, (doc) => replaceBody(doc, paragraphs('卸载之前写下：香樟树。')))
    const server = running
    await waitFor(() => server.collab.loadedCount === 0, { message: 'the document to unload' })
    expect(await found(server, admin, '香樟树')).toEqual([id])
  })
})
