import { replaceBody, searchQuery } from '@dongbi/schema'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createUser } from '../auth/createUser.ts'
import { newId } from '../auth/secretToken.ts'
import { openTestStore, paragraphs, type TestStore } from '../testing/index.ts'
import type { UserRow } from '../store/UserStore.ts'
import { createSearchIndex } from './createSearchIndex.ts'
import type { SearchIndex } from './SearchIndex.ts'
import { SearchIndexer } from './SearchIndexer.ts'

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc()
  replaceBody(doc, paragraphs(text))
  return doc
}

let opened: TestStore
let admin: UserRow
let index: SearchIndex
/** A live document of the admin's, not yet indexed. */
let id: string

beforeEach(async () => {
  opened = await openTestStore('indexer')
  admin = await createUser(opened.store, { username: 'admin', displayName: '管理员', password: 'correct horse battery staple', isAdmin: true })
  id = newId()
  await opened.store.createDocument({ id, title: '索引', ownerId: admin.id })
  index = createSearchIndex(opened.store.db)
})
afterEach(() => opened.close())

async function found(q: string): Promise<string[]> {
  return (await index.search(admin, searchQuery.parse({ q }))).hits.map((hit) => hit.record.id)
}

describe('SearchIndexer', () => {
  it('reads the document when it indexes, not when it heard of the change', async () => {
    const indexer = new SearchIndexer({ index, debounceMs: 60_000, maxWaitMs: 60_000 })
    let current = docWith('先写下：梧桐。')
    indexer.onChange(id, () => current)
    // A room's doc gains what was sent after the hook ran (see DocumentRoom.doc): the index must show that.
    current = docWith('后写下：银杏。')
    await indexer.close() // indexes what is waiting, now
    expect(await found('银杏')).toEqual([id])
    expect(await found('梧桐')).toEqual([])
  })

  it('waits, before a document unloads, for a write that is queued behind another', async () => {
    const indexer = new SearchIndexer({ index, debounceMs: 0, maxWaitMs: 0 })

    // A slow write holds the document's queue (a backfill reading from the store, say).
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const slow = indexer.reindex(id, async () => {
      await held
      return docWith('旧的正文。')
    })
    const live = docWith('卸载之前写下：木棉花。')
    indexer.onChange(id, () => live)
    // Its timer fires at once: the write is queued, no longer pending.
    await vi.waitFor(() => expect((indexer as unknown as { pending: Map<string, unknown> }).pending.size).toBe(0))

    const unloading = indexer.beforeUnload(id)
    release()
    await unloading
    live.destroy() // what unload does right after the hook
    await slow
    await indexer.close()
    expect(await found('木棉花')).toEqual([id])
  })
})
