import type { ClassifiedBlock } from '../structure/classifyBlocks.ts'
import { trimmedRange } from './findAll.ts'
import type { DocumentRule } from './Rule.ts'

type DocumentHit = ReturnType<DocumentRule['check']>[number]

/** 正文 paragraphs (headings included) in order. */
export function bodyBlocks(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  return blocks.filter((b) => b.role === 'body' || b.role === 'heading')
}

/** The last `count` 正文 paragraphs: where a closing formula (特此通知, 妥否，请批示) sits. */
export function closingBlocks(blocks: ClassifiedBlock[], count = 2): ClassifiedBlock[] {
  return bodyBlocks(blocks).slice(-count)
}

/** Whether the closing paragraphs contain `pattern`. */
export function closesWith(blocks: ClassifiedBlock[], pattern: RegExp): boolean {
  return closingBlocks(blocks).some((b) => pattern.test(b.text))
}

/** A hit on the last 正文 paragraph, or nothing when there is no 正文 yet. */
export function onClosing(blocks: ClassifiedBlock[]): DocumentHit[] {
  const last = bodyBlocks(blocks).at(-1)
  return last ? [{ blockIndex: last.index, ...trimmedRange(last.text) }] : []
}
