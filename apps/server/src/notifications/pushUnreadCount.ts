import type { Services } from '../http/ContextVariables.ts'

/** Sends a user's current unread count to every open 动笔 socket of theirs. */
export async function pushUnreadCount({ store, collab }: Pick<Services, 'store' | 'collab'>, userId: string): Promise<void> {
  collab.notifyUser(userId, { type: 'notifications', unread: await store.notifications.unreadCount(userId) })
}
