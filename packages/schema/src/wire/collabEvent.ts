import { z } from 'zod'
import { threadSchema } from '../api/commentSchemas.ts'

/** The version of the {@link MessageType.Hello} handshake this schema describes. */
export const helloVersion = 1

/**
 * What the server pushes to 动笔 sockets in an `Event` message, as JSON. A discriminated
 * union so later events (comment threads, …) add a member without breaking old clients,
 * which ignore types they do not know.
 */
export const collabEvent = z.discriminatedUnion('type', [
  /** The user's unread notification count changed (a new notification, or some were read). */
  z.object({ type: z.literal('notifications'), unread: z.number().int().min(0) }),
  /** A comment thread on this document was opened, replied to, edited, resolved or reopened. */
  z.object({ type: z.literal('thread.changed'), thread: threadSchema }),
  /** A comment thread on this document was deleted (its first comment was). */
  z.object({ type: z.literal('thread.deleted'), threadId: z.string() }),
])
export type CollabEvent = z.infer<typeof collabEvent>
