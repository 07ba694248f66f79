import { rosterImportBody, type RosterRowDto } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { createUser } from '../../auth/createUser.ts'
import { newId } from '../../auth/secretToken.ts'
import { temporaryPassword } from '../../auth/temporaryPassword.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { branchAccess } from '../../policies/branchAccess.ts'
import { parseRoster } from '../../roster/parseRoster.ts'

/** Checks a roster against the database and the caller's rights; writes nothing. */
async function preview(c: Context, csv: string): Promise<{ rows: RosterRowDto[]; errors: string[] }> {
  const { user } = requireUser(c)
  const { store } = c.var.services
  const parsed = parseRoster(csv)
  const rows: RosterRowDto[] = []
  for (const row of parsed.rows) {
    const errors = [...row.errors]
    const branch = row.branch ? await store.branches.byName(row.branch) : undefined
    if (!branch && row.branch && !user.is_admin) errors.push(`支部「${row.branch}」不存在`)
    if (branch && (await branchAccess(store, user, branch.id)) !== 'manage') errors.push(`无权管理支部「${row.branch}」`)
    if (row.role === 'secretary' && !user.is_admin) errors.push('只有管理员可以设置支部书记')
    const existing = row.username ? await store.users.byUsername(row.username) : undefined
    if (existing && existing.display_name !== row.name && row.name) errors.push(`用户名已属于「${existing.display_name}」`)
    rows.push({ ...row, errors, newBranch: !branch && Boolean(row.branch), status: errors.length ? 'error' : existing ? 'existing' : 'new' })
  }
  return { rows, errors: parsed.errors }
}

/** `/api/roster`: CSV roster import in two steps — preview (lists bad rows), then import (all or nothing). */
export const roster = new Hono()
  .post('/preview', async (c) => {
    const { csv } = await parseJson(c, rosterImportBody)
    return c.json(await preview(c, csv))
  })
  .post('/import', async (c) => {
    const { csv } = await parseJson(c, rosterImportBody)
    const result = await preview(c, csv)
    const bad = result.rows.filter((r) => r.status === 'error')
    if (result.errors.length || bad.length || result.rows.length === 0) {
      throw new ApiError('invalid_request', `名单有 ${bad.length + result.errors.length} 处错误，未导入任何数据 (nothing imported)`, result)
    }
    const { store } = c.var.services
    const actor = c.var.principal!.user
    const credentials: { username: string; displayName: string; branch: string; temporaryPassword: string }[] = []
    for (const row of result.rows) {
      let branch = await store.branches.byName(row.branch)
      if (!branch) {
        branch = { id: newId(), name: row.branch, created_at: new Date().toISOString() }
        await store.branches.insert(branch)
        await store.audit.record({ actorId: actor.id, action: 'branch_created', targetType: 'branch', targetId: branch.id, ip: c.var.clientIp, details: { name: row.branch } })
      }
      const role = row.role || 'member'
      const existing = await store.users.byUsername(row.username)
      if (existing) {
        await store.branches.setRole(branch.id, existing.id, role)
        if (row.birthYear) await store.users.update(existing.id, { birth_year: row.birthYear })
        await c.var.services.collab.recheck({ userId: existing.id })
      } else {
        const password = temporaryPassword()
        await createUser(store, { username: row.username, displayName: row.name, password, birthYear: row.birthYear, mustChangePassword: true, membership: { branchId: branch.id, role } })
        credentials.push({ username: row.username, displayName: row.name, branch: row.branch, temporaryPassword: password })
      }
    }
    await store.audit.record({ actorId: actor.id, action: 'roster_imported', ip: c.var.clientIp, details: { rows: result.rows.length, created: credentials.length } })
    return c.json({ imported: result.rows.length, created: credentials.length, credentials }, 201)
  })
