import type { NotificationKind } from '@dongbi/schema'
import type { Kysely, Selectable } from 'kysely'
import { newId } from '../auth/secretToken.ts'
import type { Database, NotificationsTable } from './Database.ts'

export type NotificationRow = Selectable<NotificationsTable>
/** A notification with the names it shows. */
export type NotificationView = NotificationRow & { actor_name: string | null; document_title: string | null }

export interface NewNotification {
  userId: string
  kind: NotificationKind
  documentId: string | null
  actorId: string | null
  data?: Record<string, unknown>
}

/** The in-app inbox of every user. */
export class NotificationStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(notification: NewNotification): Promise<NotificationRow> {
    const row: NotificationRow = {
      id: newId(),
      user_id: notification.userId,
      kind: notification.kind,
      document_id: notification.documentId,
      actor_id: notification.actorId,
      data: JSON.stringify(notification.data ?? {}),
      created_at: new Date().toISOString(),
      read_at: null,
    }
    await this.db.insertInto('notifications').values(row).execute()
    return row
  }

  /** Newest first. */
  list(userId: string, { unreadOnly = false, limit = 50 }: { unreadOnly?: boolean; limit?: number } = {}): Promise<NotificationView[]> {
    let query = this.db
      .selectFrom('notifications')
      .leftJoin('users', 'users.id', 'notifications.actor_id')
      .leftJoin('documents', 'documents.id', 'notifications.document_id')
      .selectAll('notifications')
      .select(['users.display_name as actor_name', 'documents.title as document_title'])
      .where('notifications.user_id', '=', userId)
    if (unreadOnly) query = query.where('notifications.read_at', 'is', null)
    return query.orderBy('notifications.created_at', 'desc').orderBy('notifications.id').limit(limit).execute()
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /** Marks some (only the user's own: other ids are ignored) or all as read; answers how many changed. */
  async markRead(userId: string, which: { ids: string[] } | { all: true }): Promise<number> {
    let query = this.db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null)
    if ('ids' in which) query = query.where('id', 'in', which.ids)
    const result = await query.executeTakeFirst()
    return Number(result.numUpdatedRows)
  }
}
