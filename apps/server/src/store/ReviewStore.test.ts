import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../testing/openTestStore.ts'
import type { KyselyStore } from './KyselyStore.ts'

let store: KyselyStore
let opened: TestStore

beforeEach(async () => {
  opened = await openTestStore('store')
  store = opened.store
  await store.createDocument({ id: 'doc-00000001', title: '心得' })
})
afterEach(() => opened.close())

const submit = { documentId: 'doc-00000001', action: 'submit', from: 'draft', to: 'submitted', actorId: 'author-01', reviewerId: 'mentor-01', submittedBy: 'author-01', comment: null } as const
const content = { type: 'doc', content: [{ type: 'paragraph' }] }

describe('ReviewStore.transition', () => {
  it('moves only from the expected state (compare-and-set), writing nothing when it lost', async () => {
    const version = { documentId: 'doc-00000001', kind: 'submission', createdBy: 'author-01', content, characters: 0 } as const
    const results = await Promise.all([store.reviews.transition({ ...submit, version }), store.reviews.transition({ ...submit, version })])
    expect(results.filter((r) => r === null)).toHaveLength(1)
    expect(await store.reviews.history('doc-00000001')).toHaveLength(1)
    // The loser's version was rolled back with it.
    expect(await store.versions.list('doc-00000001')).toHaveLength(1)
    expect(await store.reviews.get('doc-00000001')).toMatchObject({ state: 'submitted', reviewer_id: 'mentor-01' })
  })

  it('treats a document without a row as a draft', async () => {
    expect(await store.reviews.get('doc-00000001')).toBeUndefined()
    expect(await store.reviews.transition({ ...submit, action: 'return', from: 'submitted', to: 'returned' })).toBeNull()
    expect(await store.reviews.transition(submit)).not.toBeNull()
  })
})

describe('VersionStore', () => {
  it('numbers versions per document, 1, 2, 3…', async () => {
    await store.createDocument({ id: 'doc-00000002', title: '另一篇' })
    const make = (documentId: string) => store.versions.create({ documentId, kind: 'named', createdBy: null, content, characters: 0 })
    const numbers = await Promise.all([make('doc-00000001'), make('doc-00000001'), make('doc-00000002'), make('doc-00000001')])
    // Concurrent creates each get the next number; which call wins the race is up to the
    // database (on PostgreSQL several pool connections queue on the advisory lock).
    const numbersOf = (id: string) => numbers.filter((v) => v.document_id === id).map((v) => v.number).sort((a, b) => a - b)
    expect(numbersOf('doc-00000001')).toEqual([1, 2, 3])
    expect(numbersOf('doc-00000002')).toEqual([1])
  })
})
