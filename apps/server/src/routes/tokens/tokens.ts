import { createTokenBody, type TokenDto } from '@dongbi/schema'
import { Hono } from 'hono'
import { hashSecret, newId, newSecret } from '../../auth/secretToken.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import type { ApiTokenRow } from '../../store/SessionStore.ts'

function presentToken(row: ApiTokenRow): TokenDto {
  return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at, expiresAt: row.expires_at }
}

/** `/api/tokens`: personal API tokens. The secret is shown once, at creation; only its hash is kept. */
export const tokens = new Hono()
  .get('/', async (c) => {
    const { user } = requireUser(c)
    return c.json({ tokens: (await c.var.services.store.sessions.tokens(user.id)).map(presentToken) })
  })
  .post('/', async (c) => {
    const { user } = requireUser(c)
    const { name, expiresInDays } = await parseJson(c, createTokenBody)
    const secret = newSecret('dbt_')
    const now = new Date()
    const row: ApiTokenRow = {
      id: newId(),
      user_id: user.id,
      name,
      token_hash: hashSecret(secret),
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000).toISOString() : null,
      revoked_at: null,
    }
    const { store } = c.var.services
    await store.sessions.insertToken(row)
    await store.audit.record({ actorId: user.id, action: 'token_created', targetType: 'token', targetId: row.id, ip: c.var.clientIp, details: { name } })
    return c.json({ ...presentToken(row), token: secret }, 201)
  })
  .delete('/:id', async (c) => {
    const { user } = requireUser(c)
    const { store } = c.var.services
    if (!(await store.sessions.revokeToken(user.id, c.req.param('id')))) throw new ApiError('not_found', '没有这个令牌 (no such token)')
    await store.audit.record({ actorId: user.id, action: 'token_revoked', targetType: 'token', targetId: c.req.param('id'), ip: c.var.clientIp })
    await c.var.services.collab.recheck({ userId: user.id })
    return c.body(null, 204)
  })
