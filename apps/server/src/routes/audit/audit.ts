import { Hono } from 'hono'
import { requireAdmin } from '../../http/requireUser.ts'

/** `/api/audit`: security events, newest first, for the org admin. `?before=<id>` pages back. */
export const audit = new Hono().get('/', async (c) => {
  requireAdmin(c)
  const before = Number(c.req.query('before') ?? 0)
  const action = c.req.query('action')
  const rows = await c.var.services.store.audit.recent({ limit: 100, before: Number.isInteger(before) && before > 0 ? before : undefined, action })
  return c.json({
    events: rows.map((row) => ({
      id: Number(row.id),
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      ip: row.ip,
      details: JSON.parse(row.details) as unknown,
    })),
  })
})
