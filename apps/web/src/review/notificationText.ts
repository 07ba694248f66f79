import { peerAliasSchema, type NotificationDto } from '@dongbi/schema'
import { peerAliasName } from '../assignments/personName.ts'
import { tr } from '../messages.ts'

/**
 * One sentence for a notification, e.g. "刘洋 退回了《学习心得》", and the comment or excerpt
 * that came with it (the overall comment of a return, the words of a mention or reply).
 */
export function notificationText(notification: NotificationDto): { sentence: string; detail: string } {
  // An anonymous peer reviewer is named by their alias (同伴评审 1/2), never by name.
  const peer = peerAliasSchema.safeParse(notification.data.peerAlias)
  const alias = peer.success ? peerAliasName(peer.data) : typeof notification.data.actorAlias === 'string' ? notification.data.actorAlias : null
  const values = { actor: notification.actorName ?? alias ?? tr('inbox.someone'), title: notification.documentTitle ?? (typeof notification.data.title === 'string' ? notification.data.title : tr('inbox.untitled')) }
  const data = notification.data
  const resubmitted = notification.kind === 'review_requested' && data.resubmission === true
  const sentence = tr(resubmitted ? 'inbox.review_resubmitted' : `inbox.${notification.kind}`, values)
  const detail = typeof data.comment === 'string' ? data.comment : typeof data.excerpt === 'string' ? data.excerpt : ''
  return { sentence, detail }
}
