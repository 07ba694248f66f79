import { z } from 'zod'

/**
 * What a notification is about. Review events now; mentions and replies are for the comment
 * threads, which reuse the same inbox; `journal_shared` when a journal entry is shared with
 * someone for their comments.
 */
export const notificationKind = z.enum([
  'review_requested',
  'review_withdrawn',
  'review_returned',
  'review_approved',
  'mention',
  'reply',
  /** A new assignment addressed to the user (no document yet; data has assignmentId, title, deadline). */
  'assignment_set',
  /** A reviewer finished scoring the user's assignment work (actor hidden for anonymous peers). */
  'assignment_scored',
  /** Someone shared a journal entry with the user for comments. */
  'journal_shared',
])
export type NotificationKind = z.infer<typeof notificationKind>

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: notificationKind,
    documentId: z.string().nullable(),
    documentTitle: z.string().nullable(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    /** Kind-specific details, e.g. the overall comment of a return. */
    data: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' })
export type NotificationDto = z.infer<typeof notificationSchema>

export const notificationListSchema = z
  .object({ notifications: z.array(notificationSchema), unread: z.number().int() })
  .meta({ id: 'NotificationList' })
export type NotificationListDto = z.infer<typeof notificationListSchema>

export const listNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const markReadBody = z
  .union([
    z.object({ ids: z.array(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)).min(1).max(500) }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ])
  .meta({ id: 'MarkNotificationsRead' })
export type MarkReadBody = z.input<typeof markReadBody>

export const unreadCountSchema = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' })
