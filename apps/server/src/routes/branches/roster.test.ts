import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KyselyStore } from '../../store/KyselyStore.ts'
import type { UserRow } from '../../store/UserStore.ts'
import { login, sessionCookieOf, startTestServer, type TestServer } from '../../testing/index.ts'

/** Roster import (preview, then all-or-nothing import) and invitation links. */

const password = 'correct horse battery staple'
type User = UserRow & { token: string }
type PreviewRow = { line: number; username: string; status: 'new' | 'existing' | 'error'; newBranch: boolean; errors: string[] }
type Preview = { rows: PreviewRow[]; errors: string[] }

let server: TestServer
let branch1: string
let branch2: string
const users = {} as Record<'sec1' | 'sec2' | 'mentor1' | 'member1' | 'wangfang', User>

/** Everything an import could write, to compare before and after. */
async function snapshot() {
  const db = (server.store as KyselyStore).db
  const count = async (table: 'users' | 'branches' | 'memberships') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  return {
    users: await count('users'),
    branches: await count('branches'),
    memberships: await count('memberships'),
    wangfang: await server.store.users.memberships(users.wangfang.id),
  }
}

function roster(csv: string, as: User | null, step: 'preview' | 'import') {
  return server.api(`/api/roster/${step}`, { method: 'POST', body: { csv }, token: as?.token })
}

async function me(cookie: string) {
  const response = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })
  expect(response.status).toBe(200)
  return (await response.json()) as { username: string; displayName: string; mustChangePassword: boolean; birthYear: number | null; memberships: { branchId: string; branchName: string; role: string }[] }
}

beforeAll(async () => {
  server = await startTestServer()
  const created = await Promise.all([
    server.addUser('sec1'),
    server.addUser('sec2'),
    server.addUser('mentor1'),
    server.addUser('member1'),
    server.addUser('wangfang', { displayName: '王芳' }),
  ])
  ;(['sec1', 'sec2', 'mentor1', 'member1', 'wangfang'] as const).forEach((name, i) => (users[name] = { ...created[i]!.user, token: created[i]!.token }))
  const branch = async (name: string) => ((await (await server.api('/api/branches', { method: 'POST', body: { name } })).json()) as { id: string }).id
  branch1 = await branch('一支部')
  branch2 = await branch('二支部')
  const setRole = (branchId: string, user: User, role: string) => server.api(`/api/branches/${branchId}/members/${user.id}`, { method: 'PUT', body: { role } })
  await setRole(branch1, users.sec1, 'secretary')
  await setRole(branch2, users.sec2, 'secretary')
  await setRole(branch1, users.mentor1, 'mentor')
  await setRole(branch1, users.member1, 'member')
})

afterAll(async () => {
  await server?.close()
})

describe('roster preview', () => {
  it('lists every bad row with its reasons and writes nothing', async () => {
    const before = await snapshot()
    const csv = [
      '姓名,用户名,支部,角色,出生年份',
      '李强,liqiang,一支部,党员,1990', // 2: fine, new
      '王芳,wangfang,二支部,导师,1985', // 3: fine, existing user joins another branch
      '张伟,Bad Name!,一支部,党员,', // 4: bad username
      '赵敏,zhaomin,一支部,队长,', // 5: unknown role
      '孙丽,sunli,一支部,党员,1850', // 6: bad birth year
      '李强,liqiang,一支部,党员,1990', // 7: duplicate of line 2
      '冒名,wangfang,一支部,党员,', // 8: username belongs to 王芳
      '周杰,zhoujie,新支部,党员,', // 9: fine for an admin, new branch
    ].join('\n')
    const response = await roster(csv, null, 'preview')
    expect(response.status).toBe(200)
    const { rows, errors } = (await response.json()) as Preview
    expect(errors).toEqual([])
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'new'],
      [3, 'existing'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [9, 'new'],
    ])
    expect(rows.find((r) => r.line === 5)!.errors.join()).toContain('队长')
    expect(rows.find((r) => r.line === 7)!.errors.join()).toContain('第 2 行')
    expect(rows.find((r) => r.line === 8)!.errors.join()).toContain('王芳')
    expect(rows.find((r) => r.line === 9)!.newBranch).toBe(true)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a file without the needed columns', async () => {
    const response = await roster('foo,bar\n1,2', null, 'preview')
    expect(response.status).toBe(200)
    expect(((await response.json()) as Preview).errors[0]).toContain('缺少列')
  })
})

describe('roster import', () => {
  it('is all or nothing: one bad row and nothing at all is written', async () => {
    const before = await snapshot()
    const csv = ['name,username,branch,role', '甲,jia,一支部,member', '乙,yi,全新支部,mentor', '王芳,wangfang,一支部,mentor', '丙,BAD NAME,一支部,member'].join('\n')
    const response = await roster(csv, null, 'import')
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; details: Preview } }
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.details.rows.filter((r) => r.status === 'error').map((r) => r.line)).toEqual([5])
    expect(await snapshot()).toEqual(before)
    expect(await server.store.users.byUsername('jia')).toBeUndefined()
    expect(await server.store.branches.byName('全新支部')).toBeUndefined()
  })

  it('creates users with working temporary passwords that must be changed, and adds existing users', async () => {
    const before = await snapshot()
    const csv = ['用户名,姓名,支部,角色,出生年份', 'chenjing,陈静,一支部,导师,1979', 'liuyang,刘洋,三支部,,2001', 'wangfang,王芳,一支部,党员,1985'].join('\n')
    const response = await roster(csv, null, 'import')
    expect(response.status).toBe(201)
    const result = (await response.json()) as { imported: number; created: number; credentials: { username: string; branch: string; temporaryPassword: string }[] }
    expect(result).toMatchObject({ imported: 3, created: 2 })
    expect(result.credentials.map((c) => c.username).sort()).toEqual(['chenjing', 'liuyang'])
    const after = await snapshot()
    expect(after.users).toBe(before.users + 2)
    expect(after.branches).toBe(before.branches + 1)
    expect(after.wangfang.map((m) => [m.branchName, m.role])).toEqual([['一支部', 'member']])

    const branch3 = (await server.store.branches.byName('三支部'))!.id
    const expected: Record<string, { birthYear: number; memberships: { branchId: string; role: string }[] }> = {
      chenjing: { birthYear: 1979, memberships: [{ branchId: branch1, role: 'mentor' }] },
      liuyang: { birthYear: 2001, memberships: [{ branchId: branch3, role: 'member' }] },
    }
    for (const { username, temporaryPassword } of result.credentials) {
      expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/)
      const who = await me(await login(server.url, username, temporaryPassword))
      expect(who.mustChangePassword).toBe(true)
      expect(who.birthYear).toBe(expected[username]!.birthYear)
      expect(who.memberships.map(({ branchId, role }) => ({ branchId, role }))).toEqual(expected[username]!.memberships)
    }
    // The existing user's password was not touched.
    expect(result.credentials.some((c) => c.username === 'wangfang')).toBe(false)
    await login(server.url, 'wangfang', password)
  })

  it("lets a secretary import into their own branch only", async () => {
    const own = await roster('name,username,branch\n新党员,xindangyuan,一支部', users.sec1, 'import')
    expect(own.status).toBe(201)
    expect((await server.store.users.byUsername('xindangyuan'))!.id).toBeTruthy()

    const before = await snapshot()
    const refusals: [string, string][] = [
      ['name,username,branch\n外人,wairen,二支部', '无权管理支部'], // another branch
      ['name,username,branch\n外人,wairen,未有支部', '不存在'], // a branch that does not exist
      ['name,username,branch,role\n外人,wairen,一支部,书记', '只有管理员'], // appointing a secretary
      ['name,username,branch\n自己人,zijiren,一支部\n外人,wairen,二支部', '无权管理支部'], // one foreign row spoils the file
    ]
    for (const [csv, reason] of refusals) {
      const response = await roster(csv, users.sec1, 'import')
      expect(response.status, csv).toBe(400)
      const { details } = ((await response.json()) as { error: { details: Preview } }).error
      expect(details.rows.flatMap((r) => r.errors).join(), csv).toContain(reason)
    }
    const mentor = await roster('name,username,branch\n外人,wairen,一支部', users.mentor1, 'import')
    expect(mentor.status).toBe(400)
    const anonymous = await fetch(`${server.url}/api/roster/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ csv: 'name,username,branch\n外人,wairen,一支部' }) })
    expect(anonymous.status).toBe(401)
    expect(await snapshot()).toEqual(before)
  })
})

describe('invitations', () => {
  async function invite(as: User | null, branchId: string, body: Record<string, unknown> = {}) {
    return server.api(`/api/branches/${branchId}/invitations`, { method: 'POST', token: as?.token, body })
  }
  async function accept(token: string, username: string) {
    return fetch(`${server.url}/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, displayName: `${username} 同志`, password: 'invited passphrase' }),
    })
  }

  it('a secretary or an admin creates them; only an admin invites a secretary', async () => {
    expect((await invite(users.sec1, branch1, { role: 'member' })).status).toBe(201)
    expect((await invite(users.sec1, branch1, { role: 'mentor' })).status).toBe(201)
    expect((await invite(users.sec1, branch1, { role: 'secretary' })).status).toBe(403)
    expect((await invite(null, branch1, { role: 'secretary' })).status).toBe(201)
    expect((await invite(users.mentor1, branch1)).status).toBe(403)
    expect((await invite(users.member1, branch1)).status).toBe(403)
    expect((await invite(users.sec2, branch1)).status).toBe(404)
  })

  it('accepting creates a signed-in user in the branch with the offered role', async () => {
    const created = await invite(users.sec1, branch1, { role: 'mentor', maxUses: 5 })
    const { id, token, path } = (await created.json()) as { id: string; token: string; path: string }
    expect(path).toBe(`/invite/${token}`)
    const offer = await fetch(`${server.url}/api/invitations/${token}`)
    expect(offer.status).toBe(200)
    expect(await offer.json()).toMatchObject({ branchName: '一支部', role: 'mentor' })

    const accepted = await accept(token, 'daoshi')
    expect(accepted.status).toBe(201)
    const cookie = sessionCookieOf(accepted)!
    expect(cookie).toBeTruthy()
    const who = await me(cookie)
    expect(who.username).toBe('daoshi')
    expect(who.mustChangePassword).toBe(false)
    expect(who.memberships.map(({ branchId, role }) => ({ branchId, role }))).toEqual([{ branchId: branch1, role: 'mentor' }])
    await login(server.url, 'daoshi', 'invited passphrase')
    const listed = (await (await server.api(`/api/branches/${branch1}/invitations`, { token: users.sec1.token })).json()) as { invitations: { id: string; uses: number }[] }
    expect(listed.invitations.find((i) => i.id === id)?.uses).toBe(1)
  })

  it('a taken username is 409 and does not use the invitation up', async () => {
    const { token } = (await (await invite(users.sec1, branch1, { maxUses: 1 })).json()) as { token: string }
    expect((await accept(token, 'wangfang')).status).toBe(409)
    expect((await accept(token, 'fresh-name')).status).toBe(201)
  })

  it('an expired, exhausted or revoked invitation is 404 and creates no one', async () => {
    const expired = (await (await invite(users.sec1, branch1)).json()) as { id: string; token: string }
    await (server.store as KyselyStore).db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.id).execute()

    const exhausted = (await (await invite(users.sec1, branch1, { maxUses: 1 })).json()) as { id: string; token: string }
    expect((await accept(exhausted.token, 'first-comer')).status).toBe(201)

    const revoked = (await (await invite(users.sec1, branch1)).json()) as { id: string; token: string }
    expect((await server.api(`/api/branches/${branch1}/invitations/${revoked.id}`, { method: 'DELETE', token: users.sec1.token })).status).toBe(204)
    const listed = (await (await server.api(`/api/branches/${branch1}/invitations`, { token: users.sec1.token })).json()) as { invitations: { id: string }[] }
    expect(listed.invitations.map((i) => i.id)).not.toContain(revoked.id)

    const before = await snapshot()
    for (const [name, { token }] of Object.entries({ expired, exhausted, revoked })) {
      expect((await fetch(`${server.url}/api/invitations/${token}`)).status, name).toBe(404)
      const response = await accept(token, `late-${name}`)
      expect(response.status, name).toBe(404)
      expect(sessionCookieOf(response)).toBeUndefined()
    }
    expect((await fetch(`${server.url}/api/invitations/dbi_${'x'.repeat(43)}`)).status).toBe(404)
    expect(await snapshot()).toEqual(before)
  })

  it('a single-use invitation accepted twice at once admits one person', async () => {
    const { token } = (await (await invite(users.sec1, branch1, { maxUses: 1 })).json()) as { token: string }
    const before = await snapshot()
    const statuses = (await Promise.all([accept(token, 'racer-one'), accept(token, 'racer-two'), accept(token, 'racer-three')])).map((r) => r.status)
    expect(statuses.sort()).toEqual([201, 404, 404])
    expect((await snapshot()).users).toBe(before.users + 1)
  })
})
