import type { NotificationDto } from '@dongbi/schema'
import { tr } from '../messages.ts'

/**
 * One sentence for a notification, e.g. "刘洋 退回了《学习心得》", and the comment or excerpt
 * that came with it (the overall comment of a return, the words of a mention or reply).
 */
export function notificationText(notification: NotificationDto): { sentence: string; detail: string } {
  const values = { actor: notification.actorName ?? tr('inbox.someone'), title: notification.documentTitle ?? tr('inbox.untitled') }
  const data = notification.data
  const resubmitted = notification.kind === 'review_requested' && data.resubmission === true
  const sentence = tr(resubmitted ? 'inbox.review_resubmitted' : `inbox.${notification.kind}`, values)
  const detail = typeof data.comment === 'string' ? data.comment : typeof data.excerpt === 'string' ? data.excerpt : ''
  return { sentence, detail }
}
