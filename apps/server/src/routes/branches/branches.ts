import { createBranchBody, createInvitationBody, updateMemberBody, type BranchDto, type BranchRole } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { hashSecret, newId, newSecret } from '../../auth/secretToken.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireAdmin, requireUser } from '../../http/requireUser.ts'
import { branchAccess } from '../../policies/branchAccess.ts'
import type { BranchRow } from '../../store/BranchStore.ts'

export async function findBranch(c: Context, needed: 'view' | 'manage'): Promise<BranchRow> {
  const { user } = requireUser(c)
  const { store } = c.var.services
  const branch = await store.branches.byId(c.req.param('id') ?? '')
  const access = branch ? await branchAccess(store, user, branch.id) : null
  // Not a member: the same 404 as a missing branch, so ids cannot be probed.
  if (!branch || !access) throw new ApiError('not_found', '没有这个支部 (no such branch)')
  if (needed === 'manage' && access !== 'manage') throw new ApiError('forbidden', '只有支部书记或管理员可以管理支部 (secretary or admin only)')
  return branch
}

/** A secretary runs their branch's members and mentors; only an org admin changes a secretary. */
function assertMayChange(c: Context, currentRole: BranchRole | undefined): void {
  if (currentRole === 'secretary' && !c.var.principal!.user.is_admin) {
    throw new ApiError('forbidden', '只有管理员可以更改支部书记 (admin only)')
  }
}

/** `/api/branches`: branches, members and roles, invitation links. */
export const branches = new Hono()
  .get('/', async (c) => {
    const { user } = requireUser(c)
    const rows = await c.var.services.store.branches.list(user.is_admin ? undefined : user.id)
    const list: BranchDto[] = rows.map((b) => ({ id: b.id, name: b.name, createdAt: b.created_at, memberCount: b.memberCount }))
    return c.json({ branches: list })
  })
  .post('/', async (c) => {
    const admin = requireAdmin(c)
    const { name } = await parseJson(c, createBranchBody)
    const { store } = c.var.services
    if (await store.branches.byName(name)) throw new ApiError('conflict', `支部「${name}」已存在 (branch exists)`)
    const row = { id: newId(), name, created_at: new Date().toISOString() }
    await store.branches.insert(row)
    await store.audit.record({ actorId: admin.user.id, action: 'branch_created', targetType: 'branch', targetId: row.id, ip: c.var.clientIp, details: { name } })
    return c.json({ id: row.id, name, createdAt: row.created_at, memberCount: 0 } satisfies BranchDto, 201)
  })
  .get('/:id', async (c) => {
    const branch = await findBranch(c, 'view')
    const members = await c.var.services.store.branches.members(branch.id)
    return c.json({ id: branch.id, name: branch.name, createdAt: branch.created_at, members })
  })
  .put('/:id/members/:userId', async (c) => {
    const branch = await findBranch(c, 'manage')
    const { role } = await parseJson(c, updateMemberBody)
    // As for invitations and roster imports: only an org admin makes someone a secretary.
    if (role === 'secretary' && !c.var.principal!.user.is_admin) throw new ApiError('forbidden', '只有管理员可以设置支部书记 (admin only)')
    const { store } = c.var.services
    const target = await store.users.byId(c.req.param('userId'))
    if (!target) throw new ApiError('not_found', '没有这个用户 (no such user)')
    const before = await store.branches.role(branch.id, target.id)
    assertMayChange(c, before)
    await store.branches.setRole(branch.id, target.id, role)
    await store.audit.record({ actorId: c.var.principal!.user.id, action: 'role_changed', targetType: 'user', targetId: target.id, ip: c.var.clientIp, details: { branchId: branch.id, from: before ?? null, to: role } })
    await c.var.services.collab.recheck({ userId: target.id })
    return c.json({ branchId: branch.id, userId: target.id, role })
  })
  .delete('/:id/members/:userId', async (c) => {
    const branch = await findBranch(c, 'manage')
    const { store } = c.var.services
    const userId = c.req.param('userId')
    assertMayChange(c, await store.branches.role(branch.id, userId))
    if (!(await store.branches.removeMember(branch.id, userId))) throw new ApiError('not_found', '不是本支部成员 (not a member)')
    await store.audit.record({ actorId: c.var.principal!.user.id, action: 'member_removed', targetType: 'user', targetId: userId, ip: c.var.clientIp, details: { branchId: branch.id } })
    await c.var.services.collab.recheck({ userId })
    return c.body(null, 204)
  })
  .get('/:id/invitations', async (c) => {
    const branch = await findBranch(c, 'manage')
    const rows = await c.var.services.store.branches.invitations(branch.id)
    return c.json({
      invitations: rows.map((r) => ({ id: r.id, role: r.role, createdAt: r.created_at, expiresAt: r.expires_at, maxUses: r.max_uses, uses: r.uses })),
    })
  })
  .post('/:id/invitations', async (c) => {
    const branch = await findBranch(c, 'manage')
    const { role, expiresInDays, maxUses } = await parseJson(c, createInvitationBody)
    const { user } = c.var.principal!
    if (role === 'secretary' && !user.is_admin) throw new ApiError('forbidden', '只有管理员可以邀请支部书记 (admin only)')
    const secret = newSecret('dbi_')
    const now = new Date()
    const row = {
      id: newId(),
      token_hash: hashSecret(secret),
      branch_id: branch.id,
      role,
      created_by: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(),
      max_uses: maxUses,
      uses: 0,
      revoked_at: null,
    }
    await c.var.services.store.branches.insertInvitation(row)
    await c.var.services.store.audit.record({ actorId: user.id, action: 'invitation_created', targetType: 'branch', targetId: branch.id, ip: c.var.clientIp, details: { role } })
    return c.json({ id: row.id, role, expiresAt: row.expires_at, maxUses, uses: 0, token: secret, path: `/invite/${secret}` }, 201)
  })
  .delete('/:id/invitations/:invitationId', async (c) => {
    const branch = await findBranch(c, 'manage')
    if (!(await c.var.services.store.branches.revokeInvitation(branch.id, c.req.param('invitationId')))) {
      throw new ApiError('not_found', '没有这个邀请 (no such invitation)')
    }
    return c.body(null, 204)
  })
