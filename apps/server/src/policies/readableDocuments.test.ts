import { documentKinds, type BranchRole, type ShareLevel } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../auth/secretToken.ts'
import type { KyselyStore } from '../store/KyselyStore.ts'
import type { DocumentRecord } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'
import { seededRandom, startTestServer, type TestServer } from '../testing/index.ts'
import { documentAccess } from './documentAccess.ts'
import { readableDocumentIds } from './readableDocuments.ts'

/**
 * The SQL condition and the policy must agree on every user × document: a seeded random
 * world of branches, roles, owners and shares (to users and to branches), plus an admin and
 * a disabled user, checked cell by cell.
 */
const seed = Number(process.env.SEED ?? Date.now() % 1_000_000)
console.log(`readableDocuments matrix seed: ${seed} (rerun with SEED=${seed})`)
const random = seededRandom(seed)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

let server: TestServer
let users: UserRow[]
let documents: DocumentRecord[]

beforeAll(async () => {
  server = await startTestServer()
  const { store } = server
  const now = new Date().toISOString()
  users = []
  for (let i = 0; i < 12; i++) {
    const row: UserRow = {
      id: newId(),
      username: `u${i}`,
      display_name: `用户${i}`,
      password_hash: 'x',
      is_admin: i === 0 ? 1 : 0,
      must_change_password: 0,
      birth_year: null,
      color: '#000',
      disabled_at: i === 1 ? now : null,
      created_at: now,
      updated_at: now,
    }
    await store.users.insert(row)
    users.push(row)
  }
  const branches: string[] = []
  for (let i = 0; i < 4; i++) {
    const id = newId()
    await store.branches.insert({ id, name: `第${i + 1}支部`, created_at: now })
    branches.push(id)
  }
  const roles: BranchRole[] = ['member', 'mentor', 'secretary']
  for (const user of users.slice(1)) {
    for (const branch of branches) if (random() < 0.3) await store.branches.setRole(branch, user.id, pick(roles))
  }
  // The disabled user keeps a membership, an owned document and a share: it must still read nothing.
  await store.branches.setRole(branches[0]!, users[1]!.id, 'member')
  documents = []
  for (let i = 0; i < 40; i++) {
    const branchOwned = random() < 0.35
    const record = await store.createDocument({
      id: newId(),
      title: `文档${i}`,
      ownerId: branchOwned ? null : i === 0 ? users[1]!.id : pick(users).id,
      branchId: branchOwned ? pick(branches) : null,
      // Every kind, journals often: a rule about one kind (a private journal) must show up here.
      kind: random() < 0.25 ? 'journal' : pick(documentKinds),
    })
    documents.push(record)
    const levels: ShareLevel[] = ['view', 'comment', 'edit']
    const shares = Math.floor(random() * 3)
    for (let s = 0; s < shares; s++) {
      const toBranch = random() < 0.4
      await store.shares.set({
        document_id: record.id,
        grantee_type: toBranch ? 'branch' : 'user',
        grantee_id: toBranch ? pick(branches) : pick(users).id,
        level: pick(levels),
        created_by: users[0]!.id,
        created_at: now,
      })
    }
    // Trashed documents stay in the condition; search filters the trash itself.
    if (random() < 0.15) documents[i] = (await store.updateDocument(record.id, { deletedAt: now }))!
  }
})

afterAll(async () => {
  await server?.close()
})

describe('readableDocumentIds', () => {
  it('says exactly what documentAccess says, for every user × document', async () => {
    const db = (server.store as KyselyStore).db
    let readable = 0
    for (const user of users) {
      const ids = new Set((await readableDocumentIds(db, user).execute()).map((row) => row.id))
      for (const document of documents) {
        const policy = (await documentAccess(server.store, user, document)) !== null
        expect(ids.has(document.id), `user ${user.username} × ${document.title} (seed ${seed})`).toBe(policy)
        if (policy) readable++
      }
    }
    // A matrix where everyone reads everything (or nothing) would prove little.
    expect(readable).toBeGreaterThan(documents.length * 2)
    expect(readable).toBeLessThan(users.length * documents.length)
  })

  it('gives a disabled user nothing, though they own, belong and are shared with', async () => {
    const db = (server.store as KyselyStore).db
    expect(await readableDocumentIds(db, users[1]!).execute()).toEqual([])
  })
})
