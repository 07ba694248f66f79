import type { Block } from './Block.ts'
import { headingLabel, type HeadingLabel } from './headingLabel.ts'

/**
 * What a block is in a 公文 (GB/T 9704 §7): the 版头's 发文字号, the 主体's 标题, 主送机关,
 * 正文 headings and paragraphs, 附件说明, 署名, 成文日期, and the 版记's 抄送 and 印发 lines.
 * `attendance` is a 纪要's 出席／请假／列席 list.
 */
export type BlockRole =
  | 'empty'
  | 'docNumber'
  | 'title'
  | 'addressee'
  | 'heading'
  | 'body'
  | 'attachment'
  | 'signature'
  | 'date'
  | 'cc'
  | 'issuance'
  | 'attendance'

export interface ClassifiedBlock extends Block {
  role: BlockRole
  /** For `heading` blocks and any body paragraph that opens with a heading label. */
  heading?: HeadingLabel
}

/**
 * A line that looks like a 发文字号, even a badly written one: X办发〔2024〕12号,
 * X发[2024]第012号 — on an upward document followed on the same line by 签发人：姓名.
 */
export const docNumberLike = /^[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[【［(（]\s*\d{2,4}\s*[〕\]】］)）]\s*第?\s*\d+\s*号(\s+签\s*发\s*人\s*[:：].*)?$/
/** A 签发人 line of its own (GB/T 9704-2012 7.2.6), next to the 发文字号. */
export const signerLike = /^签\s*发\s*人\s*[:：]/
/** A line that is only a date, in any of the spellings people use (the checker judges the form). */
export const dateLike = /^(\d{4}|[〇零一二三四五六七八九○]{4})\s*(年\s*[0-9〇零一二三四五六七八九十]{1,3}\s*月\s*[0-9〇零一二三四五六七八九十]{1,3}\s*日|[.\-/]\d{1,2}[.\-/]\d{1,2})$/
const attachmentStart = /^附\s*件\s*[:：]/
const attachmentItem = /^\d+[.．、]/
const ccStart = /^抄\s*送\s*[:：]/
const attendanceStart = /^(出\s*席|请\s*假|列\s*席|缺\s*席)\s*[:：]/
const issuanceEnd = /印发$/
/** A page number typed into the text ("-1-", "— 2 —"): not part of the 落款 or 版记. */
export const pageNumberLike = /^[-－—–―]+\s*\d+\s*[-－—–―]+$/

/** Longest line still taken as a title, 主送 or 署名 rather than running text. */
const shortLine = 60

function isTitleCandidate(block: Block): boolean {
  if (block.text.length > shortLine * 2) return false
  return block.nodeType === 'heading' || block.align === 'center'
}

/**
 * Gives every block its role. Works on what the writer typed (a half-written draft, a
 * pasted .txt file) and never fails: anything not recognised is `body`.
 */
export function classifyBlocks(blocks: Block[]): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = blocks.map((b) => ({ ...b, role: b.text.trim() === '' ? 'empty' : 'body' }))
  const filled = out.filter((b) => b.role !== 'empty')
  if (filled.length === 0) return out

  // 版头 and 标题: an optional 发文字号 line, then the title (a heading, a centred line, or a
  // short first line when the document has no formatting at all, as in a .txt file).
  let cursor = 0
  while (cursor < filled.length && (docNumberLike.test(filled[cursor]!.text.trim()) || (cursor > 0 && signerLike.test(filled[cursor]!.text.trim())))) {
    filled[cursor++]!.role = 'docNumber'
  }
  const first = filled[cursor]
  const plainText = blocks.every((b) => b.nodeType === 'paragraph' && b.align === null)
  // 主送机关 are names ending in a colon, not a sentence: "现将…如下：" opening a 纪要 is body text.
  const isAddressee = (block: ClassifiedBlock | undefined) => {
    const names = block?.text.trim() ?? ''
    return !!block && names.length <= shortLine && /[:：]$/.test(names) && !/[。！？!?]/.test(names) && !headingLabel(names)
  }
  const firstText = first?.text.trim() ?? ''
  // In unformatted text a title is a short first line that is not a sentence: titles carry no
  // commas or colons (a draft whose title is only in the document's name starts with prose).
  const titleLike = firstText.length <= shortLine && !headingLabel(firstText) && !/[，,；;：:]/.test(firstText)
  if (first && (isTitleCandidate(first) || (plainText && titleLike))) {
    first.role = 'title'
    cursor++
    // A title may run onto a second centred line.
    const next = filled[cursor]
    if (next && next.nodeType === first.nodeType && next.align === 'center' && first.align === 'center' && !/[:：]$/.test(next.text.trim())) {
      next.role = 'title'
      cursor++
    }
  }
  // The 主送 line: below the title, or first when the title lives only in the document's name.
  if ((cursor === 0 || filled[cursor - 1]!.role === 'title' || filled[cursor - 1]!.role === 'docNumber') && isAddressee(filled[cursor])) {
    filled[cursor++]!.role = 'addressee'
  }

  // 版记 and 落款, from the end: 印发, 抄送, then 成文日期 and the 署名 just above it.
  let tail = filled.length - 1
  while (tail >= cursor) {
    const block = filled[tail]!
    const text = block.text.trim()
    if (issuanceEnd.test(text) && text.length <= shortLine * 2) block.role = 'issuance'
    else if (ccStart.test(text)) block.role = 'cc'
    else if (attendanceStart.test(text)) block.role = 'attendance'
    else if (!pageNumberLike.test(text)) break
    tail--
  }
  const dateBlock = filled[tail]
  if (dateBlock && tail >= cursor && dateLike.test(dateBlock.text.trim())) {
    dateBlock.role = 'date'
    tail--
    // 署名: short lines right above the date that are not sentences (no 。).
    while (tail >= cursor) {
      const block = filled[tail]!
      const text = block.text.trim()
      const signatureLike = text.length <= 30 && !/[。；;！!？?，,:：]$/.test(text) && !headingLabel(text) && !attachmentStart.test(text)
      if (!signatureLike || (block.align !== 'right' && !plainText && filled[tail + 1]?.align === 'right')) break
      block.role = 'signature'
      tail--
      if (block.align !== 'right') break
    }
  }

  // 正文: 附件说明 lines and headings among the remaining blocks.
  let inAttachments = false
  for (let i = cursor; i <= tail; i++) {
    const block = filled[i]!
    const text = block.text.trim()
    const label = headingLabel(text)
    if (attachmentStart.test(text)) {
      block.role = 'attachment'
      inAttachments = true
      continue
    }
    if (inAttachments && attachmentItem.test(text)) {
      block.role = 'attachment'
      continue
    }
    inAttachments = false
    if (attendanceStart.test(text)) block.role = 'attendance'
    if (label) block.heading = label
    if (block.nodeType === 'heading' || (label && text.length - label.label.length <= shortLine && !/[。；]/.test(text.slice(0, -1)))) {
      block.role = 'heading'
    }
  }
  return out
}
