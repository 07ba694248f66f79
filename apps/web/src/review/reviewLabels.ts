import type { ReviewEventDto, VersionDto } from '@dongbi/schema'
import { tr } from '../messages.ts'

/** "刘洋 退回修改", "陈静 修改后重新提交给 刘洋": one line of the status history. */
export function reviewEventText(event: ReviewEventDto): string {
  const values = { actor: event.actorName, reviewer: event.reviewerName ?? '' }
  if (event.action === 'submit' && event.from === 'returned') return tr('review.action.resubmit', values)
  return tr(`review.action.${event.action}`, values)
}

/** A version's name, or what kind it is with its number: "初稿", "提交版本 #3". */
export function versionLabel(version: VersionDto): string {
  return version.name || `${tr(`versions.kind.${version.kind}`)} #${version.number}`
}
