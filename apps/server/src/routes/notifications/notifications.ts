import { listNotificationsQuery, markReadBody, type NotificationListDto } from '@dongbi/schema'
import { Hono } from 'hono'
import { parseJson, parseQuery } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { pushUnreadCount } from '../../notifications/pushUnreadCount.ts'
import { presentNotification } from '../../presenters/presentNotification.ts'

/** `/api/notifications`: my inbox (review requests, returns, approvals; mentions and replies) with its unread count. */
export const notifications = new Hono()
  .get('/', async (c) => {
    const { user } = requireUser(c)
    const { unread, limit } = parseQuery(c, listNotificationsQuery)
    const { store } = c.var.services
    const [rows, count] = await Promise.all([store.notifications.list(user.id, { unreadOnly: unread === 'true', limit }), store.notifications.unreadCount(user.id)])
    return c.json({ notifications: rows.map(presentNotification), unread: count } satisfies NotificationListDto)
  })
  .post('/read', async (c) => {
    const { user } = requireUser(c)
    const which = await parseJson(c, markReadBody)
    const { store } = c.var.services
    // Ids that are not the caller's are ignored: no error tells whether they exist.
    if (await store.notifications.markRead(user.id, which)) await pushUnreadCount(c.var.services, user.id)
    return c.json({ unread: await store.notifications.unreadCount(user.id) })
  })
