import type { ClassifiedBlock } from '../structure/classifyBlocks.ts'

/** 正文 paragraphs (headings included) in order. */
export function bodyBlocks(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  return blocks.filter((b) => b.role === 'body' || b.role === 'heading')
}

/** The last `count` 正文 paragraphs: where a closing formula (特此通知, 妥否，请批示) sits. */
export function closingBlocks(blocks: ClassifiedBlock[], count = 2): ClassifiedBlock[] {
  return bodyBlocks(blocks).slice(-count)
}
