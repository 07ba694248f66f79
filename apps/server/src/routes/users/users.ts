import { createUserBody, updateUserBody } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { createUser } from '../../auth/createUser.ts'
import { hashPassword } from '../../auth/hashPassword.ts'
import { temporaryPassword } from '../../auth/temporaryPassword.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireAdmin } from '../../http/requireUser.ts'
import { presentUser } from '../../presenters/presentUser.ts'
import type { UserRow } from '../../store/UserStore.ts'

async function findUser(c: Context): Promise<UserRow> {
  const user = await c.var.services.store.users.byId(c.req.param('id') ?? '')
  if (!user) throw new ApiError('not_found', '没有这个用户 (no such user)')
  return user
}

/** `/api/users`: the org admin's account management. */
export const users = new Hono()
  .get('/', async (c) => {
    requireAdmin(c)
    const { store } = c.var.services
    const rows = await store.users.list()
    return c.json({ users: await Promise.all(rows.map(async (row) => presentUser(row, await store.users.memberships(row.id)))) })
  })
  .post('/', async (c) => {
    const admin = requireAdmin(c)
    const body = await parseJson(c, createUserBody)
    const { store } = c.var.services
    if (await store.users.byUsername(body.username)) throw new ApiError('conflict', `用户名 ${body.username} 已存在 (username taken)`)
    if (body.branchId && !(await store.branches.byId(body.branchId))) throw new ApiError('invalid_request', '没有这个支部 (no such branch)')
    const password = body.password ?? temporaryPassword()
    const user = await createUser(store, {
      username: body.username,
      displayName: body.displayName,
      password,
      isAdmin: body.isAdmin,
      birthYear: body.birthYear ?? null,
      mustChangePassword: true,
      membership: body.branchId ? { branchId: body.branchId, role: body.role ?? 'member' } : undefined,
    })
    await store.audit.record({ actorId: admin.user.id, action: 'user_created', targetType: 'user', targetId: user.id, ip: c.var.clientIp, details: { username: user.username, isAdmin: Boolean(body.isAdmin) } })
    return c.json({ user: presentUser(user, await store.users.memberships(user.id)), ...(body.password ? {} : { temporaryPassword: password }) }, 201)
  })
  .patch('/:id', async (c) => {
    const admin = requireAdmin(c)
    const target = await findUser(c)
    const body = await parseJson(c, updateUserBody)
    if (target.id === admin.user.id && (body.disabled === true || body.isAdmin === false)) {
      throw new ApiError('conflict', '不能停用自己或取消自己的管理员权限 (cannot lock yourself out)')
    }
    const { store } = c.var.services
    const updated = await store.users.update(target.id, {
      ...(body.displayName !== undefined && { display_name: body.displayName }),
      ...(body.birthYear !== undefined && { birth_year: body.birthYear }),
      ...(body.isAdmin !== undefined && { is_admin: body.isAdmin ? 1 : 0 }),
      ...(body.disabled !== undefined && { disabled_at: body.disabled ? new Date().toISOString() : null }),
    })
    if (body.disabled !== undefined) {
      await store.audit.record({ actorId: admin.user.id, action: body.disabled ? 'user_disabled' : 'user_enabled', targetType: 'user', targetId: target.id, ip: c.var.clientIp })
      if (body.disabled) await store.sessions.revokeUserSessions(target.id)
    }
    if (body.isAdmin !== undefined) {
      await store.audit.record({ actorId: admin.user.id, action: 'admin_changed', targetType: 'user', targetId: target.id, ip: c.var.clientIp, details: { isAdmin: body.isAdmin } })
    }
    await c.var.services.collab.recheck({ userId: target.id })
    return c.json(presentUser(updated!, await store.users.memberships(target.id)))
  })
  .post('/:id/reset-password', async (c) => {
    const admin = requireAdmin(c)
    const target = await findUser(c)
    const password = temporaryPassword()
    const { store } = c.var.services
    await store.users.update(target.id, { password_hash: await hashPassword(password), must_change_password: 1 })
    await store.sessions.revokeUserSessions(target.id)
    await store.audit.record({ actorId: admin.user.id, action: 'password_reset', targetType: 'user', targetId: target.id, ip: c.var.clientIp })
    await c.var.services.collab.recheck({ userId: target.id })
    return c.json({ temporaryPassword: password })
  })
