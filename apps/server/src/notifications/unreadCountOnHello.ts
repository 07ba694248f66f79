import type { CollabExtension } from '../collaboration/CollabExtension.ts'
import type { Store } from '../store/Store.ts'

/** Greets every 动笔 editor with its user's unread count, so the badge is right from the first moment. */
export function unreadCountOnHello(store: Store): CollabExtension {
  return {
    async onHello({ userId, send }) {
      send({ type: 'notifications', unread: await store.notifications.unreadCount(userId) })
    },
  }
}
