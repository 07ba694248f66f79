import type { BranchRole, DocumentAccess } from '@dongbi/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LoginThrottle } from '../auth/LoginThrottle.ts'
import { hashSecret, newId, newSecret } from '../auth/secretToken.ts'
import { createApp } from '../createApp.ts'
import type { UserRow } from '../store/UserStore.ts'
import { startTestServer, type TestServer } from '../testing/index.ts'

/**
 * Route × role matrix: every REST route the app registers, asked by every kind of caller,
 * answers exactly the expected status. Each cell gets fresh fixtures (documents, shares,
 * invitations, tokens) so cells cannot depend on each other's side effects.
 */

const roles = ['admin', 'owner', 'editor', 'commenter', 'viewer', 'mentor', 'secretary', 'disabled', 'anonymous'] as const
type Role = (typeof roles)[number]
type Statuses = Record<Role, number>

const password = 'correct horse battery staple'

/**
 * Branch A (第一支部): `owner` is a member. Branch B (第二支部): `mentor` is a mentor,
 * `secretary` the secretary. The private document belongs to `owner` and is shared with
 * editor/commenter/viewer (and with `disabled`, at edit, before they were disabled); the
 * branch document belongs to branch B.
 */
interface World {
  server: TestServer
  users: Record<Exclude<Role, 'admin' | 'anonymous'> | 'bystander' | 'loginTarget' | 'userTarget', UserRow>
  tokens: Record<Role, string | undefined>
  branchA: string
  branchB: string
}

let world: World
let unique = 0
const next = (prefix: string) => `${prefix}${++unique}`

// ---- expectations -------------------------------------------------------------------------

/** Statuses per role; `signedIn` fills every signed-in role not named. A disabled user's token is refused (401) everywhere. */
function who(spec: Partial<Statuses> & { signedIn?: number }): Statuses {
  const out = {} as Statuses
  for (const role of roles) {
    const value = spec[role] ?? (role === 'disabled' ? 401 : role === 'anonymous' ? 401 : spec.signedIn)
    if (value === undefined) throw new Error(`no expectation for ${role}`)
    out[role] = value
  }
  return out
}

type AccessSpec = Record<DocumentAccess | 'none', number>

/** Each role's access to the private document and to branch B's document. */
const accessOf: Record<'private' | 'branch', Record<Exclude<Role, 'disabled' | 'anonymous'>, DocumentAccess | 'none'>> = {
  private: { admin: 'owner', owner: 'owner', editor: 'edit', commenter: 'comment', viewer: 'view', mentor: 'none', secretary: 'none' },
  branch: { admin: 'owner', owner: 'none', editor: 'none', commenter: 'none', viewer: 'none', mentor: 'edit', secretary: 'owner' },
}

/** Statuses from each role's access to a document: `none` must be 404 wherever the route hides existence. */
function byAccess(document: 'private' | 'branch', spec: AccessSpec): Statuses {
  const map = accessOf[document]
  return who({
    admin: spec[map.admin],
    owner: spec[map.owner],
    editor: spec[map.editor],
    commenter: spec[map.commenter],
    viewer: spec[map.viewer],
    mentor: spec[map.mentor],
    secretary: spec[map.secretary],
  })
}

const canRead: AccessSpec = { owner: 200, edit: 200, comment: 200, view: 200, none: 404 }
const canEdit: AccessSpec = { owner: 200, edit: 200, comment: 403, view: 403, none: 404 }
const canComment = (ok: number): AccessSpec => ({ owner: ok, edit: ok, comment: ok, view: 403, none: 404 })
/** A comment written by `commenter` on the private document: only its author may change it. */
const commentAuthorOnly = (ok: number) => who({ admin: 403, owner: 403, editor: 403, commenter: ok, viewer: 403, mentor: 404, secretary: 404 })
const ownerOnly = (ok: number): AccessSpec => ({ owner: ok, edit: 403, comment: 403, view: 403, none: 404 })

/** Branch B: admin and its secretary manage, its mentor may only look, everyone else is told it does not exist. */
const manageBranchB = (ok: number) => who({ admin: ok, secretary: ok, mentor: 403, signedIn: 404 })

// ---- fixtures -----------------------------------------------------------------------------

async function privateDocument(options: { trashed?: boolean } = {}): Promise<string> {
  const { store } = world.server
  const id = newId()
  await store.createDocument({ id, title: '我的心得', ownerId: world.users.owner.id })
  const shares: [UserRow, 'edit' | 'comment' | 'view'][] = [
    [world.users.editor, 'edit'],
    [world.users.commenter, 'comment'],
    [world.users.viewer, 'view'],
    [world.users.disabled, 'edit'],
  ]
  for (const [user, level] of shares) {
    await store.shares.set({ document_id: id, grantee_type: 'user', grantee_id: user.id, level, created_by: world.users.owner.id, created_at: new Date().toISOString() })
  }
  if (options.trashed) await store.updateDocument(id, { deletedAt: new Date().toISOString() })
  return id
}

async function branchDocument(options: { trashed?: boolean } = {}): Promise<string> {
  const id = newId()
  await world.server.store.createDocument({ id, title: '支部讨论纪要', branchId: world.branchB })
  if (options.trashed) await world.server.store.updateDocument(id, { deletedAt: new Date().toISOString() })
  return id
}

/** A template of `branchId`, stored directly; its id without the `branch:` prefix. */
async function branchTemplate(branchId: string): Promise<string> {
  const id = newId()
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] })
  await world.server.store.templates.insert({ id, branch_id: branchId, name: '模板', kind: 'minutes', description: '', title: '纪要', body, created_by: root.id, created_at: new Date().toISOString() })
  return id
}

/** A private document submitted by its owner to `reviewer` (moved on to `state` when asked). */
async function reviewedDocument(reviewer: UserRow, state: 'submitted' | 'approved' = 'submitted'): Promise<string> {
  const id = await privateDocument()
  const { reviews } = world.server.store
  const base = { documentId: id, actorId: world.users.owner.id, reviewerId: reviewer.id, submittedBy: world.users.owner.id, comment: null }
  await reviews.transition({ ...base, action: 'submit', from: 'draft', to: 'submitted' })
  if (state === 'approved') await reviews.transition({ ...base, action: 'approve', from: 'submitted', to: 'approved', actorId: reviewer.id })
  return id
}

/** A named version of `documentId` holding one paragraph. */
async function versionOf(documentId: string): Promise<string> {
  const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '旧版本' }] }] }
  const row = await world.server.store.versions.create({ documentId, kind: 'named', name: '初稿', createdBy: world.users.owner.id, content, characters: 3 })
  return row.id
}

/** A thread (with its first comment) on a document, written by `author`. */
async function thread(documentId: string, author: UserRow): Promise<{ threadId: string; commentId: string }> {
  const threadId = newId()
  const commentId = newId()
  const now = new Date().toISOString()
  await world.server.store.comments.insertThread(
    { id: threadId, document_id: documentId, author_id: author.id, anchor_start: 'AAAA', anchor_end: 'AAAA', quote: '原文', status: 'open', resolved_by: null, resolved_at: null, created_at: now },
    { id: commentId, thread_id: threadId, author_id: author.id, body: '意见', mentions: '[]', created_at: now, edited_at: null },
  )
  return { threadId, commentId }
}

/** A journal entry of `owner`, shared with `commenter` for comments (as with a mentor). */
async function journalEntry(): Promise<string> {
  const { store } = world.server
  const id = newId()
  const now = new Date().toISOString()
  await store.createDocument({ id, title: '5月4日学习日志', ownerId: world.users.owner.id, kind: 'journal' })
  await store.journal.insert({ document_id: id, user_id: world.users.owner.id, entry_date: '2026-05-04', prompt: null, characters: 0, excerpt: '', characters_seq: 0, created_at: now }, ['心得'])
  await store.shares.set({ document_id: id, grantee_type: 'user', grantee_id: world.users.commenter.id, level: 'comment', created_by: world.users.owner.id, created_at: now })
  return id
}

async function invitation(branchId: string, role: BranchRole = 'member'): Promise<{ id: string; secret: string }> {
  const secret = newSecret('dbi_')
  const id = newId()
  await world.server.store.branches.insertInvitation({
    id,
    token_hash: hashSecret(secret),
    branch_id: branchId,
    role,
    created_by: world.users.secretary.id,
    created_at: new Date().toISOString(),
    expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    max_uses: 10,
    uses: 0,
    revoked_at: null,
  })
  return { id, secret }
}

async function tokenOf(user: UserRow): Promise<string> {
  const id = newId()
  await world.server.store.sessions.insertToken({
    id,
    user_id: user.id,
    name: 'matrix',
    token_hash: hashSecret(newSecret('dbt_')),
    created_at: new Date().toISOString(),
    last_used_at: null,
    expires_at: null,
    revoked_at: null,
  })
  return id
}

/** The user behind a role, for fixtures that belong to the caller (anonymous borrows the owner's). */
function userOf(role: Role): UserRow {
  if (role === 'admin') return root
  if (role === 'anonymous') return world.users.owner
  return world.users[role]
}
let root: UserRow

/**
 * An assignment of `branch` (audience: the whole branch; one criterion; reviewed by `mentor`),
 * optionally with `owner`'s work on it — started, or submitted with a thread by the mentor.
 */
async function assignmentFixture(
  branch: 'A' | 'B',
  work: 'none' | 'started' | 'submitted' = 'none',
): Promise<{ id: string; documentId: string; threadId: string }> {
  const { store } = world.server
  const id = newId()
  const now = new Date().toISOString()
  await store.assignments.insert({
    id,
    branch_id: branch === 'A' ? world.branchA : world.branchB,
    created_by: world.users.secretary.id,
    title: '练习通知',
    prompt: '',
    kind: 'notice',
    template_id: null,
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    min_chars: null,
    max_chars: null,
    audience: JSON.stringify({ type: 'branch' }),
    rubric: JSON.stringify([{ id: 'c1', name: '结构', description: '', levels: [{ id: 'l1', label: '好', points: 5 }] }]),
    allocation: JSON.stringify({ type: 'mentor', mentorId: world.users.mentor.id }),
    status: 'open',
    created_at: now,
    updated_at: now,
  })
  if (work === 'none') return { id, documentId: missingId, threadId: missingId }
  const documentId = newId()
  await store.createDocument({ id: documentId, title: '练习通知', ownerId: world.users.owner.id, kind: 'notice' })
  await store.assignments.insertWork(
    { assignment_id: id, user_id: world.users.owner.id, document_id: documentId, started_at: now, submitted_at: null, late: 0 },
    [world.users.mentor.id],
  )
  if (work === 'started') return { id, documentId, threadId: missingId }
  const base = { documentId, actorId: world.users.owner.id, reviewerId: world.users.mentor.id, submittedBy: world.users.owner.id, comment: null }
  await store.reviews.transition({ ...base, action: 'submit', from: 'draft', to: 'submitted' })
  await store.assignments.markSubmitted(id, world.users.owner.id, now, false)
  await store.shares.set({ document_id: documentId, grantee_type: 'user', grantee_id: world.users.mentor.id, level: 'comment', created_by: world.users.owner.id, created_at: now })
  const { threadId } = await thread(documentId, world.users.mentor)
  return { id, documentId, threadId }
}

/** A valid new assignment for branch B, reviewed by its mentor. */
function newAssignmentBody() {
  return {
    branchId: world.branchB,
    title: '练习通知',
    kind: 'notice',
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
    audience: { type: 'branch' },
    allocation: { type: 'mentor', mentorId: world.users.mentor.id },
  }
}

/** Assignments: branch B's secretary and mentor (and admins) manage; branch A's member is addressed; everyone else 404. */
const assignmentRows: Row[] = [
  { route: 'GET /api/assignments', expect: who({ signedIn: 200 }) },
  { route: 'POST /api/assignments', cell: () => ({ path: '/api/assignments', body: newAssignmentBody() }), expect: who({ admin: 201, secretary: 201, mentor: 201, signedIn: 404 }) },
  {
    route: 'GET /api/assignments/:id',
    variant: 'branch B',
    cell: async () => ({ path: `/api/assignments/${(await assignmentFixture('B')).id}` }),
    expect: who({ admin: 200, secretary: 200, mentor: 200, signedIn: 404 }),
  },
  {
    route: 'GET /api/assignments/:id',
    variant: 'branch A, addressed to its member',
    cell: async () => ({ path: `/api/assignments/${(await assignmentFixture('A')).id}` }),
    // The secretary of branch B set it (the fixture's creator).
    expect: who({ admin: 200, owner: 200, secretary: 200, signedIn: 404 }),
  },
  {
    route: 'PATCH /api/assignments/:id',
    variant: 'branch B',
    cell: async () => ({ path: `/api/assignments/${(await assignmentFixture('B')).id}`, body: { status: 'closed' } }),
    expect: who({ admin: 200, secretary: 200, mentor: 200, signedIn: 404 }),
  },
  {
    route: 'PATCH /api/assignments/:id',
    variant: 'branch A: its member may not',
    cell: async () => ({ path: `/api/assignments/${(await assignmentFixture('A')).id}`, body: { status: 'closed' } }),
    // The secretary set it (the fixture's creator), so they manage it although not in branch A.
    expect: who({ admin: 200, secretary: 200, owner: 403, signedIn: 404 }),
  },
  {
    route: 'POST /api/assignments/:id/start',
    cell: async () => ({ path: `/api/assignments/${(await assignmentFixture('A')).id}/start` }),
    expect: who({ owner: 201, admin: 403, secretary: 403, signedIn: 404 }),
  },
  {
    route: 'POST /api/assignments/:id/submit',
    cell: async () => ({ path: `/api/assignments/${(await assignmentFixture('A', 'started')).id}/submit`, body: {} }),
    // Those it concerns who have not started one (managers, the allocated reviewer): 409.
    expect: who({ owner: 200, admin: 409, secretary: 409, mentor: 409, signedIn: 404 }),
  },
  {
    route: 'GET /api/assignments/:id/dashboard',
    cell: async () => ({ path: `/api/assignments/${(await assignmentFixture('A', 'submitted')).id}/dashboard` }),
    // The mentor reviews one work there (access "reviewer"), which is not enough.
    expect: who({ admin: 200, secretary: 200, owner: 403, mentor: 403, signedIn: 404 }),
  },
  {
    route: 'GET /api/documents/:id/assignment',
    cell: async () => ({ path: `/api/documents/${(await assignmentFixture('A', 'submitted')).documentId}/assignment` }),
    expect: who({ admin: 200, owner: 200, mentor: 200, signedIn: 404 }),
  },
  {
    route: 'PUT /api/documents/:id/assignment/scores',
    cell: async () => ({ path: `/api/documents/${(await assignmentFixture('A', 'submitted')).documentId}/assignment/scores`, body: { scores: [{ criterionId: 'c1', levelId: 'l1' }] } }),
    expect: who({ mentor: 200, admin: 403, owner: 403, signedIn: 404 }),
  },
  {
    route: 'PATCH /api/documents/:id/threads/:threadId',
    cell: async () => {
      const { documentId, threadId } = await assignmentFixture('A', 'submitted')
      return { path: `/api/documents/${documentId}/threads/${threadId}`, body: { criterionId: 'c1' } }
    },
    expect: who({ mentor: 200, admin: 403, owner: 403, signedIn: 404 }),
  },
]

// ---- the matrix ---------------------------------------------------------------------------

interface Cell {
  path: string
  body?: unknown
}

interface Row {
  /** `METHOD /api/path/:param`, exactly as the app registers it. */
  route: string
  /** What this row checks, when a route has several rows. */
  variant?: string
  /** Builds the request for one role (fresh fixtures); by default the route's path as is. */
  cell?: (role: Role) => Promise<Cell> | Cell
  expect: Statuses
}

const missingId = 'AAAAAAAAAAAAAAAA'

const matrix: Row[] = [
  { route: 'GET /api/health', expect: who({ signedIn: 200, anonymous: 200 }) },
  { route: 'GET /api/openapi.json', expect: who({ signedIn: 200, anonymous: 200 }) },

  {
    route: 'POST /api/auth/login',
    cell: () => ({ path: '/api/auth/login', body: { username: world.users.loginTarget.username, password } }),
    // Logging in needs no session; a disabled user's stale token is still refused first.
    expect: who({ signedIn: 200, anonymous: 200 }),
  },
  { route: 'POST /api/auth/logout', expect: who({ signedIn: 204, anonymous: 204 }) },
  { route: 'GET /api/auth/me', expect: who({ signedIn: 200 }) },
  {
    route: 'POST /api/auth/password',
    cell: () => ({ path: '/api/auth/password', body: { currentPassword: password, newPassword: password } }),
    expect: who({ signedIn: 204 }),
  },

  { route: 'GET /api/tokens', expect: who({ signedIn: 200 }) },
  { route: 'POST /api/tokens', cell: () => ({ path: '/api/tokens', body: { name: 'cli' } }), expect: who({ signedIn: 201 }) },
  {
    route: 'DELETE /api/tokens/:id',
    variant: 'own token',
    cell: async (role) => ({ path: `/api/tokens/${await tokenOf(userOf(role))}` }),
    expect: who({ signedIn: 204 }),
  },
  {
    route: 'DELETE /api/tokens/:id',
    variant: "someone else's token (IDOR)",
    cell: async () => ({ path: `/api/tokens/${await tokenOf(world.users.bystander)}` }),
    expect: who({ signedIn: 404 }),
  },

  { route: 'GET /api/users', expect: who({ admin: 200, signedIn: 403 }) },
  {
    route: 'POST /api/users',
    cell: () => ({ path: '/api/users', body: { username: next('newuser'), displayName: '新同志', password } }),
    expect: who({ admin: 201, signedIn: 403 }),
  },
  {
    route: 'PATCH /api/users/:id',
    cell: () => ({ path: `/api/users/${world.users.userTarget.id}`, body: { displayName: '改名' } }),
    expect: who({ admin: 200, signedIn: 403 }),
  },
  {
    route: 'PATCH /api/users/:id',
    variant: 'unknown user',
    cell: () => ({ path: `/api/users/${missingId}`, body: { displayName: '改名' } }),
    expect: who({ admin: 404, signedIn: 403 }),
  },
  {
    route: 'POST /api/users/:id/reset-password',
    cell: () => ({ path: `/api/users/${world.users.userTarget.id}/reset-password` }),
    expect: who({ admin: 200, signedIn: 403 }),
  },

  { route: 'GET /api/directory', expect: who({ signedIn: 200 }) },

  { route: 'GET /api/branches', expect: who({ signedIn: 200 }) },
  { route: 'POST /api/branches', cell: () => ({ path: '/api/branches', body: { name: next('支部') } }), expect: who({ admin: 201, signedIn: 403 }) },
  {
    route: 'GET /api/branches/:id',
    variant: 'branch B',
    cell: () => ({ path: `/api/branches/${world.branchB}` }),
    expect: who({ admin: 200, mentor: 200, secretary: 200, signedIn: 404 }),
  },
  {
    route: 'GET /api/branches/:id',
    variant: 'branch A',
    cell: () => ({ path: `/api/branches/${world.branchA}` }),
    expect: who({ admin: 200, owner: 200, signedIn: 404 }),
  },
  {
    route: 'GET /api/branches/:id',
    variant: 'no such branch',
    cell: () => ({ path: `/api/branches/${missingId}` }),
    expect: who({ signedIn: 404 }),
  },
  {
    route: 'PUT /api/branches/:id/members/:userId',
    variant: 'set a member in branch B',
    cell: async () => {
      await world.server.store.branches.removeMember(world.branchB, world.users.bystander.id)
      return { path: `/api/branches/${world.branchB}/members/${world.users.bystander.id}`, body: { role: 'member' } }
    },
    expect: manageBranchB(200),
  },
  {
    route: 'PUT /api/branches/:id/members/:userId',
    variant: 'make someone secretary of branch B (admin only)',
    cell: async () => {
      await world.server.store.branches.setRole(world.branchB, world.users.bystander.id, 'member')
      return { path: `/api/branches/${world.branchB}/members/${world.users.bystander.id}`, body: { role: 'secretary' } }
    },
    expect: who({ admin: 200, secretary: 403, mentor: 403, signedIn: 404 }),
  },
  {
    route: 'PUT /api/branches/:id/members/:userId',
    variant: 'branch A',
    cell: () => ({ path: `/api/branches/${world.branchA}/members/${world.users.bystander.id}`, body: { role: 'member' } }),
    expect: who({ admin: 200, owner: 403, signedIn: 404 }),
  },
  {
    route: 'DELETE /api/branches/:id/members/:userId',
    cell: async () => {
      await world.server.store.branches.setRole(world.branchB, world.users.bystander.id, 'member')
      return { path: `/api/branches/${world.branchB}/members/${world.users.bystander.id}` }
    },
    expect: manageBranchB(204),
  },
  { route: 'GET /api/templates', expect: who({ signedIn: 200 }) },
  {
    route: 'POST /api/branches/:id/templates',
    cell: async () => ({ path: `/api/branches/${world.branchB}/templates`, body: { name: '支部纪要模板', kind: 'minutes', documentId: await branchDocument() } }),
    // Branch B's secretary and mentor (who can read its document) and admins; not its outsiders.
    expect: who({ admin: 201, secretary: 201, mentor: 201, signedIn: 404 }),
  },
  {
    route: 'DELETE /api/branches/:id/templates/:templateId',
    cell: async () => ({ path: `/api/branches/${world.branchB}/templates/branch:${await branchTemplate(world.branchB)}` }),
    expect: who({ admin: 204, secretary: 204, mentor: 204, signedIn: 404 }),
  },
  { route: 'GET /api/branches/:id/checker', cell: () => ({ path: `/api/branches/${world.branchB}/checker` }), expect: who({ admin: 200, secretary: 200, mentor: 200, signedIn: 404 }) },
  { route: 'PUT /api/branches/:id/checker', cell: () => ({ path: `/api/branches/${world.branchB}/checker`, body: { disabledRules: ['vague-date'] } }), expect: manageBranchB(200) },
  { route: 'GET /api/branches/:id/invitations', cell: () => ({ path: `/api/branches/${world.branchB}/invitations` }), expect: manageBranchB(200) },
  {
    route: 'POST /api/branches/:id/invitations',
    variant: 'member invitation',
    cell: () => ({ path: `/api/branches/${world.branchB}/invitations`, body: { role: 'member' } }),
    expect: manageBranchB(201),
  },
  {
    route: 'POST /api/branches/:id/invitations',
    variant: 'secretary invitation (admin only)',
    cell: () => ({ path: `/api/branches/${world.branchB}/invitations`, body: { role: 'secretary' } }),
    expect: who({ admin: 201, secretary: 403, mentor: 403, signedIn: 404 }),
  },
  {
    route: 'DELETE /api/branches/:id/invitations/:invitationId',
    variant: "branch B's invitation",
    cell: async () => ({ path: `/api/branches/${world.branchB}/invitations/${(await invitation(world.branchB)).id}` }),
    expect: manageBranchB(204),
  },
  {
    route: 'DELETE /api/branches/:id/invitations/:invitationId',
    variant: "branch A's invitation through branch B's URL (IDOR)",
    cell: async () => ({ path: `/api/branches/${world.branchB}/invitations/${(await invitation(world.branchA)).id}` }),
    expect: who({ admin: 404, secretary: 404, mentor: 403, signedIn: 404 }),
  },

  {
    route: 'GET /api/invitations/:token',
    cell: async () => ({ path: `/api/invitations/${(await invitation(world.branchB)).secret}` }),
    expect: who({ signedIn: 200, anonymous: 200 }),
  },
  {
    route: 'GET /api/invitations/:token',
    variant: 'unknown token',
    cell: () => ({ path: `/api/invitations/${newSecret('dbi_')}` }),
    expect: who({ signedIn: 404, anonymous: 404 }),
  },
  {
    route: 'POST /api/invitations/:token/accept',
    cell: async () => ({
      path: `/api/invitations/${(await invitation(world.branchB)).secret}/accept`,
      body: { username: next('invitee'), displayName: '新党员', password },
    }),
    expect: who({ signedIn: 201, anonymous: 201 }),
  },

  {
    route: 'POST /api/roster/preview',
    cell: () => ({ path: '/api/roster/preview', body: { csv: `name,username,branch\n新人,${next('preview')},第二支部` } }),
    expect: who({ signedIn: 200 }),
  },
  {
    route: 'POST /api/roster/import',
    cell: () => ({ path: '/api/roster/import', body: { csv: `name,username,branch\n新人,${next('imported')},第二支部` } }),
    // Anyone may ask; only rows into branches the caller manages pass (others: 400, nothing written).
    expect: who({ admin: 201, secretary: 201, signedIn: 400 }),
  },

  { route: 'GET /api/documents', expect: who({ signedIn: 200 }) },
  { route: 'POST /api/documents', variant: 'private', cell: () => ({ path: '/api/documents', body: { title: '新文档' } }), expect: who({ signedIn: 201 }) },
  {
    route: 'POST /api/documents',
    variant: 'in branch B',
    cell: () => ({ path: '/api/documents', body: { title: '支部文档', branchId: world.branchB } }),
    expect: who({ admin: 201, mentor: 201, secretary: 201, signedIn: 403 }),
  },
  { route: 'GET /api/documents/:id', variant: 'private', cell: async () => ({ path: `/api/documents/${await privateDocument()}` }), expect: byAccess('private', canRead) },
  { route: 'GET /api/documents/:id', variant: 'branch B', cell: async () => ({ path: `/api/documents/${await branchDocument()}` }), expect: byAccess('branch', canRead) },
  { route: 'GET /api/documents/:id', variant: 'no such document', cell: () => ({ path: `/api/documents/${missingId}` }), expect: who({ signedIn: 404 }) },
  { route: 'GET /api/documents/:id', variant: 'malformed id', cell: () => ({ path: '/api/documents/..%2F..%2Fetc' }), expect: who({ signedIn: 404 }) },
  {
    route: 'PATCH /api/documents/:id',
    variant: 'private',
    cell: async () => ({ path: `/api/documents/${await privateDocument()}`, body: { title: '改名' } }),
    expect: byAccess('private', canEdit),
  },
  {
    route: 'PATCH /api/documents/:id',
    variant: 'branch B',
    cell: async () => ({ path: `/api/documents/${await branchDocument()}`, body: { title: '改名' } }),
    expect: byAccess('branch', canEdit),
  },
  { route: 'DELETE /api/documents/:id', variant: 'private', cell: async () => ({ path: `/api/documents/${await privateDocument()}` }), expect: byAccess('private', ownerOnly(200)) },
  { route: 'DELETE /api/documents/:id', variant: 'branch B', cell: async () => ({ path: `/api/documents/${await branchDocument()}` }), expect: byAccess('branch', ownerOnly(200)) },
  {
    route: 'POST /api/documents/:id/restore',
    variant: 'private',
    cell: async () => ({ path: `/api/documents/${await privateDocument({ trashed: true })}/restore` }),
    expect: byAccess('private', ownerOnly(200)),
  },
  {
    route: 'POST /api/documents/:id/restore',
    variant: 'branch B',
    cell: async () => ({ path: `/api/documents/${await branchDocument({ trashed: true })}/restore` }),
    expect: byAccess('branch', ownerOnly(200)),
  },
  {
    route: 'DELETE /api/documents/:id/permanent',
    cell: async () => ({ path: `/api/documents/${await privateDocument({ trashed: true })}/permanent` }),
    expect: byAccess('private', ownerOnly(204)),
  },
  { route: 'GET /api/documents/:id/check', cell: async () => ({ path: `/api/documents/${await privateDocument()}/check` }), expect: byAccess('private', canRead) },
  { route: 'GET /api/documents/:id/check', variant: 'branch B', cell: async () => ({ path: `/api/documents/${await branchDocument()}/check` }), expect: byAccess('branch', canRead) },
  { route: 'GET /api/documents/:id/content', cell: async () => ({ path: `/api/documents/${await privateDocument()}/content?format=text` }), expect: byAccess('private', canRead) },
  { route: 'GET /api/documents/:id/export', cell: async () => ({ path: `/api/documents/${await privateDocument()}/export?format=md` }), expect: byAccess('private', canRead) },
  { route: 'GET /api/documents/:id/shares', cell: async () => ({ path: `/api/documents/${await privateDocument()}/shares` }), expect: byAccess('private', canRead) },
  {
    route: 'PUT /api/documents/:id/shares',
    cell: async () => ({ path: `/api/documents/${await privateDocument()}/shares`, body: { granteeType: 'user', granteeId: world.users.bystander.id, level: 'view' } }),
    expect: byAccess('private', ownerOnly(200)),
  },
  {
    route: 'DELETE /api/documents/:id/shares/:granteeType/:granteeId',
    cell: async () => {
      const id = await privateDocument()
      await world.server.store.shares.set({ document_id: id, grantee_type: 'user', grantee_id: world.users.bystander.id, level: 'view', created_by: world.users.owner.id, created_at: new Date().toISOString() })
      return { path: `/api/documents/${id}/shares/user/${world.users.bystander.id}` }
    },
    expect: byAccess('private', ownerOnly(204)),
  },

  { route: 'GET /api/documents/:id/review', cell: async () => ({ path: `/api/documents/${await privateDocument()}/review` }), expect: byAccess('private', canRead) },
  {
    route: 'POST /api/documents/:id/review/submit',
    variant: 'a draft',
    cell: async () => ({ path: `/api/documents/${await privateDocument()}/review/submit`, body: { reviewerId: world.users.bystander.id } }),
    expect: byAccess('private', ownerOnly(200)),
  },
  {
    route: 'POST /api/documents/:id/review/submit',
    variant: 'already submitted (illegal: 409 for the author)',
    cell: async () => ({ path: `/api/documents/${await reviewedDocument(world.users.bystander)}/review/submit`, body: { reviewerId: world.users.bystander.id } }),
    expect: byAccess('private', { owner: 409, edit: 403, comment: 403, view: 403, none: 404 }),
  },
  {
    route: 'POST /api/documents/:id/review/withdraw',
    cell: async () => ({ path: `/api/documents/${await reviewedDocument(world.users.bystander)}/review/withdraw` }),
    expect: byAccess('private', ownerOnly(200)),
  },
  {
    route: 'POST /api/documents/:id/review/return',
    variant: 'submitted to the commenter',
    cell: async () => ({ path: `/api/documents/${await reviewedDocument(world.users.commenter)}/review/return`, body: { comment: '请再改改' } }),
    expect: byAccess('private', { owner: 403, edit: 403, comment: 200, view: 403, none: 404 }),
  },
  {
    route: 'POST /api/documents/:id/review/return',
    variant: 'already approved (illegal: 409 for its reviewer)',
    cell: async () => ({ path: `/api/documents/${await reviewedDocument(world.users.commenter, 'approved')}/review/return`, body: { comment: '请再改改' } }),
    expect: byAccess('private', { owner: 403, edit: 403, comment: 409, view: 403, none: 404 }),
  },
  {
    route: 'POST /api/documents/:id/review/approve',
    variant: 'submitted to the commenter',
    cell: async () => ({ path: `/api/documents/${await reviewedDocument(world.users.commenter)}/review/approve`, body: {} }),
    expect: byAccess('private', { owner: 403, edit: 403, comment: 200, view: 403, none: 404 }),
  },
  {
    route: 'POST /api/documents/:id/review/approve',
    variant: 'a draft (no reviewer yet)',
    cell: async () => ({ path: `/api/documents/${await privateDocument()}/review/approve`, body: {} }),
    expect: byAccess('private', { owner: 403, edit: 403, comment: 403, view: 403, none: 404 }),
  },
  { route: 'GET /api/documents/:id/versions', cell: async () => ({ path: `/api/documents/${await privateDocument()}/versions` }), expect: byAccess('private', canRead) },
  {
    route: 'POST /api/documents/:id/versions',
    cell: async () => ({ path: `/api/documents/${await privateDocument()}/versions`, body: { name: '第一稿' } }),
    expect: byAccess('private', { ...canEdit, owner: 201, edit: 201 }),
  },
  {
    route: 'GET /api/documents/:id/versions/:versionId',
    cell: async () => {
      const id = await privateDocument()
      return { path: `/api/documents/${id}/versions/${await versionOf(id)}?format=text` }
    },
    expect: byAccess('private', canRead),
  },
  {
    route: 'GET /api/documents/:id/versions/:versionId',
    variant: "another document's version through this one's URL (IDOR)",
    cell: async () => ({ path: `/api/documents/${await privateDocument()}/versions/${await versionOf(await branchDocument())}` }),
    expect: byAccess('private', { ...canRead, owner: 404, edit: 404, comment: 404, view: 404 }),
  },
  {
    route: 'PATCH /api/documents/:id/versions/:versionId',
    cell: async () => {
      const id = await privateDocument()
      return { path: `/api/documents/${id}/versions/${await versionOf(id)}`, body: { name: '改名' } }
    },
    expect: byAccess('private', canEdit),
  },
  {
    route: 'POST /api/documents/:id/versions/:versionId/restore',
    cell: async () => {
      const id = await privateDocument()
      return { path: `/api/documents/${id}/versions/${await versionOf(id)}/restore` }
    },
    expect: byAccess('private', canEdit),
  },
  {
    route: 'GET /api/documents/:id/diff',
    cell: async () => {
      const id = await privateDocument()
      return { path: `/api/documents/${id}/diff?from=${await versionOf(id)}` }
    },
    expect: byAccess('private', canRead),
  },

  { route: 'GET /api/reviews', expect: who({ signedIn: 200 }) },
  { route: 'GET /api/notifications', expect: who({ signedIn: 200 }) },
  { route: 'GET /api/search', cell: () => ({ path: '/api/search?q=%E5%AD%A6%E4%B9%A0' }), expect: who({ signedIn: 200 }) },
  { route: 'POST /api/notifications/read', cell: () => ({ path: '/api/notifications/read', body: { all: true } }), expect: who({ signedIn: 200 }) },

  { route: 'GET /api/documents/:id/threads', cell: async () => ({ path: `/api/documents/${await privateDocument()}/threads` }), expect: byAccess('private', canRead) },
  {
    route: 'POST /api/documents/:id/threads',
    cell: async () => ({
      path: `/api/documents/${await privateDocument()}/threads`,
      body: { anchor: { start: 'AAAA', end: 'AAAA' }, quote: '原文', body: '这里要改' },
    }),
    expect: byAccess('private', canComment(201)),
  },
  {
    route: 'POST /api/documents/:id/threads/:threadId/comments',
    cell: async () => {
      const id = await privateDocument()
      const { threadId } = await thread(id, world.users.owner)
      return { path: `/api/documents/${id}/threads/${threadId}/comments`, body: { body: '同意' } }
    },
    expect: byAccess('private', canComment(201)),
  },
  {
    route: 'POST /api/documents/:id/threads/:threadId/resolve',
    cell: async () => {
      const id = await privateDocument()
      const { threadId } = await thread(id, world.users.owner)
      return { path: `/api/documents/${id}/threads/${threadId}/resolve` }
    },
    expect: byAccess('private', ownerOnly(200)),
  },
  {
    route: 'POST /api/documents/:id/threads/:threadId/reopen',
    cell: async () => {
      const id = await privateDocument()
      const { threadId } = await thread(id, world.users.owner)
      return { path: `/api/documents/${id}/threads/${threadId}/reopen` }
    },
    expect: byAccess('private', ownerOnly(200)),
  },
  {
    route: 'PATCH /api/documents/:id/comments/:commentId',
    cell: async () => {
      const id = await privateDocument()
      const { commentId } = await thread(id, world.users.commenter)
      return { path: `/api/documents/${id}/comments/${commentId}`, body: { body: '改一下' } }
    },
    expect: commentAuthorOnly(200),
  },
  {
    route: 'DELETE /api/documents/:id/comments/:commentId',
    cell: async () => {
      const id = await privateDocument()
      const { commentId } = await thread(id, world.users.commenter)
      return { path: `/api/documents/${id}/comments/${commentId}` }
    },
    expect: commentAuthorOnly(204),
  },

  { route: 'GET /api/audit', expect: who({ admin: 200, signedIn: 403 }) },
  ...assignmentRows,
  { route: 'GET /api/journal/entries', cell: () => ({ path: '/api/journal/entries?from=2026-05-01' }), expect: who({ signedIn: 200 }) },
  { route: 'POST /api/journal/entries', cell: () => ({ path: '/api/journal/entries', body: { date: '2026-05-04', tags: ['心得'] } }), expect: who({ signedIn: 201 }) },
  {
    route: 'GET /api/journal/entries/:id',
    variant: "owner's entry shared with commenter; private even from the admin",
    cell: async () => ({ path: `/api/journal/entries/${await journalEntry()}` }),
    expect: who({ owner: 200, commenter: 200, signedIn: 404 }),
  },
  {
    route: 'PATCH /api/journal/entries/:id',
    cell: async () => ({ path: `/api/journal/entries/${await journalEntry()}`, body: { tags: ['实践'] } }),
    expect: who({ owner: 200, commenter: 403, signedIn: 404 }),
  },
  { route: 'GET /api/journal/calendar', cell: () => ({ path: '/api/journal/calendar?month=2026-05&today=2026-05-04' }), expect: who({ signedIn: 200 }) },
  { route: 'GET /api/journal/today', cell: () => ({ path: '/api/journal/today?date=2026-05-04' }), expect: who({ signedIn: 200 }) },
  { route: 'GET /api/journal/tags', expect: who({ signedIn: 200 }) },
  { route: 'GET /api/journal/mentors', expect: who({ signedIn: 200 }) },
  {
    route: 'GET /api/branches/:id/study-topics',
    cell: () => ({ path: `/api/branches/${world.branchB}/study-topics?month=2026-05` }),
    expect: who({ admin: 200, mentor: 200, secretary: 200, signedIn: 404 }),
  },
  {
    route: 'PUT /api/branches/:id/study-topics',
    cell: () => ({ path: `/api/branches/${world.branchB}/study-topics?month=2026-05`, body: { topics: [{ title: '学习条例' }] } }),
    expect: manageBranchB(200),
  },
]

// ---- running it ---------------------------------------------------------------------------

async function request(role: Role, method: string, cell: Cell): Promise<Response> {
  const headers: Record<string, string> = {}
  const token = world.tokens[role]
  if (token) headers.authorization = `Bearer ${token}`
  if (cell.body !== undefined) headers['content-type'] = 'application/json'
  return fetch(`${world.server.url}${cell.path}`, { method, headers, body: cell.body === undefined ? undefined : JSON.stringify(cell.body) })
}

beforeAll(async () => {
  const server = await startTestServer()
  const names = ['owner', 'editor', 'commenter', 'viewer', 'mentor', 'secretary', 'disabled', 'bystander', 'loginTarget', 'userTarget'] as const
  const created = await Promise.all(names.map((name) => server.addUser(name.toLowerCase())))
  const users = Object.fromEntries(names.map((name, i) => [name, created[i]!.user])) as World['users']
  const tokens = Object.fromEntries(names.map((name, i) => [name, created[i]!.token])) as Record<string, string>
  root = (await server.store.users.byUsername('root'))!

  const branch = async (name: string) => {
    const response = await server.api('/api/branches', { method: 'POST', body: { name } })
    return ((await response.json()) as { id: string }).id
  }
  const branchA = await branch('第一支部')
  const branchB = await branch('第二支部')
  await server.store.branches.setRole(branchA, users.owner.id, 'member')
  await server.store.branches.setRole(branchB, users.mentor.id, 'mentor')
  await server.store.branches.setRole(branchB, users.secretary.id, 'secretary')
  world = {
    server,
    users,
    branchA,
    branchB,
    tokens: {
      admin: server.token,
      owner: tokens.owner,
      editor: tokens.editor,
      commenter: tokens.commenter,
      viewer: tokens.viewer,
      mentor: tokens.mentor,
      secretary: tokens.secretary,
      disabled: tokens.disabled,
      anonymous: undefined,
    },
  }
  // `disabled` had an edit share (every private document below grants it), then was disabled.
  const disable = await server.api(`/api/users/${users.disabled.id}`, { method: 'PATCH', body: { disabled: true } })
  expect(disable.status).toBe(200)
})

afterAll(async () => {
  await world?.server.close()
})

/** `METHOD /path/:param` of every route the app serves (the same app the server runs, on its services). */
function registeredRoutes(): Set<string> {
  const { server } = world
  const app = createApp({
    store: server.store,
    collab: server.collab,
    config: server.config,
    loginThrottle: new LoginThrottle({ perAccount: 5, perAddress: 30, windowMs: 60_000 }),
    search: server.search,
  })
  return new Set(
    app.routes
      // Middleware and the catch-all 404 are registered as `ALL …*`; routes have a method.
      .filter((route) => !(route.method === 'ALL' && route.path.endsWith('*')))
      .map((route) => `${route.method} ${route.path}`),
  )
}

describe('route × role matrix', () => {
  it('has a row for every route the app registers, and no row for a route it does not', () => {
    const registered = registeredRoutes()
    expect(registered.size).toBeGreaterThan(30)
    const covered = new Set(matrix.map((row) => row.route))
    expect([...registered].filter((route) => !covered.has(route)), 'routes without a row in the matrix').toEqual([])
    expect([...covered].filter((route) => !registered.has(route)), 'matrix rows for routes the app does not register').toEqual([])
  })

  for (const row of matrix) {
    it(`${row.route}${row.variant ? ` — ${row.variant}` : ''}`, async () => {
      const method = row.route.split(' ')[0]!
      const actual = {} as Statuses
      const bodies: Partial<Record<Role, string>> = {}
      for (const role of roles) {
        const cell = row.cell ? await row.cell(role) : { path: row.route.split(' ')[1]! }
        const response = await request(role, method, cell)
        actual[role] = response.status
        bodies[role] = await response.text()
      }
      expect(actual).toEqual(row.expect)
      // Every refusal is the API's JSON error shape, and a hidden resource is told apart from
      // nothing: its 404 says not_found like a missing one.
      for (const role of roles) {
        if (actual[role] < 400) continue
        const body = JSON.parse(bodies[role]!) as { error?: { code?: string; message?: string } }
        expect(body.error?.code, `${role}: ${bodies[role]}`).toBeTypeOf('string')
        if (actual[role] === 404) expect(body.error?.code).toBe('not_found')
      }
    })
  }
})

describe('the OpenAPI document', () => {
  it('describes exactly the routes the app serves', async () => {
    const response = await fetch(`${world.server.url}/api/openapi.json`)
    const { paths } = (await response.json()) as { paths: Record<string, Record<string, unknown>> }
    const methods = new Set(['get', 'put', 'post', 'patch', 'delete'])
    const documented = new Set(
      Object.entries(paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => methods.has(key))
          .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    )
    const registered = registeredRoutes()
    expect([...registered].filter((route) => !documented.has(route)), 'served but not documented').toEqual([])
    expect([...documented].filter((route) => !registered.has(route)), 'documented but not served').toEqual([])
  })
})

describe('what each role can find', () => {
  it('lists show a document only to those who may read it', async () => {
    const privateId = await privateDocument()
    const branchId = await branchDocument()
    const visible: Partial<Record<Role, string[]>> = {}
    for (const role of ['owner', 'editor', 'commenter', 'viewer', 'mentor', 'secretary'] as const) {
      const found: string[] = []
      for (const scope of ['mine', 'shared', 'branch', 'trash']) {
        const response = await request(role, 'GET', { path: `/api/documents?scope=${scope}` })
        expect(response.status).toBe(200)
        const { documents } = (await response.json()) as { documents: { id: string; access: string }[] }
        for (const doc of documents) {
          if (doc.id === privateId || doc.id === branchId) found.push(`${scope}:${doc.id === privateId ? 'private' : 'branch'}:${doc.access}`)
        }
      }
      visible[role] = found
    }
    expect(visible).toEqual({
      owner: ['mine:private:owner'],
      editor: ['shared:private:edit'],
      commenter: ['shared:private:comment'],
      viewer: ['shared:private:view'],
      mentor: ['branch:branch:edit'],
      secretary: ['branch:branch:owner'],
    })
  })

  it('an unreadable document and a missing one answer the same 404 (no id probing)', async () => {
    const id = await privateDocument()
    for (const path of [`/api/documents/${id}`, `/api/documents/${id}/content`, `/api/documents/${id}/shares`]) {
      const hidden = await request('mentor', 'GET', { path })
      const missing = await request('mentor', 'GET', { path: path.replace(id, missingId) })
      expect([hidden.status, missing.status]).toEqual([404, 404])
      const hiddenBody = ((await hidden.json()) as { error: { code: string; message: string } }).error
      const missingBody = ((await missing.json()) as { error: { code: string; message: string } }).error
      expect(hiddenBody.code).toBe(missingBody.code)
      expect(hiddenBody.message.replace(id, 'ID')).toBe(missingBody.message.replace(missingId, 'ID'))
    }
    const hiddenBranch = await request('editor', 'GET', { path: `/api/branches/${world.branchB}` })
    const missingBranch = await request('editor', 'GET', { path: `/api/branches/${missingId}` })
    expect(await hiddenBranch.text()).toBe(await missingBranch.text())
  })
})
