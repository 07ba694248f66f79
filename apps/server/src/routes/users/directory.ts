import { Hono } from 'hono'
import { requireUser } from '../../http/requireUser.ts'

/** `/api/directory`: people and branches to share with — names only, for any signed-in user. */
export const directory = new Hono().get('/', async (c) => {
  requireUser(c)
  const q = (c.req.query('q') ?? '').trim().toLowerCase().slice(0, 40)
  const { store } = c.var.services
  const [users, branches] = await Promise.all([store.users.list(), store.branches.list()])
  const matches = (text: string) => q === '' || text.toLowerCase().includes(q)
  return c.json({
    users: users
      .filter((u) => !u.disabled_at && (matches(u.username) || matches(u.display_name)))
      .slice(0, 20)
      .map((u) => ({ id: u.id, username: u.username, displayName: u.display_name })),
    branches: branches.filter((b) => matches(b.name)).slice(0, 20).map((b) => ({ id: b.id, name: b.name })),
  })
})
