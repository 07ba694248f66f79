import type { NotificationDto } from '@dongbi/schema'
import type { NotificationView } from '../store/NotificationStore.ts'

/** What the inbox shows of a notification. */
export function presentNotification(row: NotificationView): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    documentId: row.document_id,
    documentTitle: row.document_title,
    actorId: row.actor_id,
    actorName: row.actor_name,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: row.created_at,
    readAt: row.read_at,
  }
}
