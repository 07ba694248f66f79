import { changePasswordBody, loginBody } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/hashPassword.ts'
import { sessionCookieName } from '../../auth/sessionCookie.ts'
import { isHttps, startSession } from '../../auth/startSession.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { presentUser } from '../../presenters/presentUser.ts'

async function me(c: Context) {
  const { user } = requireUser(c)
  return presentUser(user, await c.var.services.store.users.memberships(user.id))
}

/** `/api/auth`: sign in and out, who am I, change my password. */
export const auth = new Hono()
  .post('/login', async (c) => {
    const { username, password } = await parseJson(c, loginBody)
    const { store, loginThrottle } = c.var.services
    const ip = c.var.clientIp
    const wait = loginThrottle.retryAfter(username, ip)
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)))
      await store.audit.record({ actorId: null, action: 'login_throttled', ip, details: { username } })
      throw new ApiError('too_many_requests', `尝试次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试 (too many attempts)`)
    }
    const user = await store.users.byUsername(username)
    const ok = user ? await verifyPassword(password, user.password_hash) : await verifyAgainstDummy(password)
    if (!user || !ok || user.disabled_at) {
      loginThrottle.fail(username, ip)
      await store.audit.record({ actorId: user?.id ?? null, action: 'login_failed', ip, details: { username, disabled: Boolean(user?.disabled_at) } })
      throw new ApiError('unauthorized', '用户名或密码错误 (wrong username or password)')
    }
    loginThrottle.succeed(username)
    await startSession(c, user)
    await store.audit.record({ actorId: user.id, action: 'login', targetType: 'user', targetId: user.id, ip })
    return c.json(presentUser(user, await store.users.memberships(user.id)))
  })
  .post('/logout', async (c) => {
    const principal = c.var.principal
    if (principal?.sessionId) {
      await c.var.services.store.sessions.revokeSession(principal.sessionId)
      await c.var.services.store.audit.record({ actorId: principal.user.id, action: 'logout', ip: c.var.clientIp })
      await c.var.services.collab.recheck({ userId: principal.user.id })
    }
    deleteCookie(c, sessionCookieName, { path: '/', secure: isHttps(c) })
    return c.body(null, 204)
  })
  .get('/me', async (c) => c.json(await me(c)))
  .post('/password', async (c) => {
    const principal = requireUser(c)
    const { currentPassword, newPassword } = await parseJson(c, changePasswordBody)
    const { store } = c.var.services
    if (!(await verifyPassword(currentPassword, principal.user.password_hash))) {
      throw new ApiError('invalid_request', '当前密码不正确 (current password is wrong)')
    }
    await store.users.update(principal.user.id, { password_hash: await hashPassword(newPassword), must_change_password: 0 })
    await store.sessions.revokeUserSessions(principal.user.id, principal.sessionId)
    await store.audit.record({ actorId: principal.user.id, action: 'password_changed', targetType: 'user', targetId: principal.user.id, ip: c.var.clientIp })
    await c.var.services.collab.recheck({ userId: principal.user.id })
    return c.body(null, 204)
  })
