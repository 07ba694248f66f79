import type { Services } from '../http/ContextVariables.ts'
import type { NewNotification } from '../store/NotificationStore.ts'
import { pushUnreadCount } from './pushUnreadCount.ts'

/**
 * Puts a notification in a user's inbox and pushes their new unread count to their open
 * editors. Telling someone about their own action is skipped.
 */
export async function notify(services: Pick<Services, 'store' | 'collab'>, notification: NewNotification): Promise<void> {
  if (notification.actorId === notification.userId) return
  await services.store.notifications.create(notification)
  await pushUnreadCount(services, notification.userId)
}
