import { findAll, trimmedRange } from '../findAll.ts'
import { canonicalDate, standardDate } from '../parseDate.ts'
import type { BlockRule, Hit } from '../Rule.ts'

const halfWidthColon = (pattern: RegExp) => (text: string) => findAll(text, pattern, { group: 1, fix: () => '：' })

export const addresseeColon: BlockRule = {
  id: 'addressee-colon',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.3.2',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'block',
  message: '主送机关后应使用全角冒号“：”',
  messageEn: 'The addressee line ends with a full-width colon ：',
  check: ({ block }) => (block.role === 'addressee' ? halfWidthColon(/(:)\s*$/g)(block.text) : []),
}

export const attachmentColon: BlockRule = {
  id: 'attachment-colon',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.3.4',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'block',
  message: '“附件”后应使用全角冒号“：”',
  messageEn: '附件 is followed by a full-width colon ：',
  check: ({ block }) => (block.role === 'attachment' ? halfWidthColon(/^\s*附\s*件\s*(:)/g)(block.text) : []),
}

export const attachmentNumbering: BlockRule = {
  id: 'attachment-numbering',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.3.4',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'block',
  message: '附件顺序号用阿拉伯数字加半角点（如“1.XXX”）',
  messageEn: 'Attachments are numbered with an Arabic numeral and an ASCII dot: 1.XXX',
  check: ({ block }) => (block.role === 'attachment' ? findAll(block.text, /^(?:\s*附\s*件\s*[:：]\s*)?\s*\d+([、．，,])/g, { group: 1, fix: () => '.' }) : []),
}

export const attachmentPunctuation: BlockRule = {
  id: 'attachment-punctuation',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.3.4',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'block',
  message: '附件名称后不加标点符号',
  messageEn: 'No punctuation after an attachment’s name',
  check: ({ block }) => {
    if (block.role !== 'attachment' || /^\s*附\s*件\s*[:：]\s*$/.test(block.text)) return []
    return findAll(block.text, /[。．.；;，,、：:]+(?=\s*$)/g, { fix: () => '' })
  },
}

function dateHit(text: string, from: number, to: number): Hit[] {
  const written = text.slice(from, to)
  const standard = standardDate(written)
  if (standard === written && canonicalDate.test(written)) return []
  return [standard ? { from, to, fix: { from, to, insert: standard } } : { from, to }]
}

export const dateFormat: BlockRule = {
  id: 'date-format',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.3.5.4',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'block',
  message: '日期用阿拉伯数字标全年、月、日，月、日不编虚位（如2024年3月5日）',
  messageEn: 'Dates use Arabic numerals with the full year and no padding: 2024年3月5日',
  check: ({ block }) => {
    if (block.role === 'date') {
      const { from, to } = trimmedRange(block.text)
      return dateHit(block.text, from, to)
    }
    if (block.role === 'issuance') {
      const match = /(\d{4}|[〇零○一二三四五六七八九]{4})\s*(年\s*[0-9〇零一二三四五六七八九十]{1,3}\s*月\s*[0-9〇零一二三四五六七八九十]{1,3}\s*日|[.\-/]\d{1,2}[.\-/]\d{1,2})(?=\s*印发\s*$)/.exec(block.text)
      if (match) return dateHit(block.text, match.index, match.index + match[0].length)
    }
    return []
  },
}

export const ccColon: BlockRule = {
  id: 'cc-colon',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.4.2',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'block',
  message: '“抄送”后应使用全角冒号“：”',
  messageEn: '抄送 is followed by a full-width colon ：',
  check: ({ block }) => (block.role === 'cc' ? halfWidthColon(/^\s*抄\s*送\s*(:)/g)(block.text) : []),
}

export const ccFinalPeriod: BlockRule = {
  id: 'cc-final-period',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.4.2',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'block',
  message: '抄送机关最后一个名称后标句号“。”',
  messageEn: 'The last organ in the cc line is followed by 。',
  check: ({ block }) => {
    if (block.role !== 'cc') return []
    const { to } = trimmedRange(block.text)
    if (block.text.trimEnd().endsWith('。')) return []
    const wrong = /[；;，,.、]+$/.exec(block.text.trimEnd())
    if (wrong) return [{ from: wrong.index, to, fix: { from: wrong.index, to, insert: '。' } }]
    return [{ from: Math.max(0, to - 1), to, fix: { from: to, to, insert: '。' } }]
  },
}

export const pageNumberText: BlockRule = {
  id: 'page-number-text',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.5',
  severity: 'error',
  kinds: 'all',
  scope: 'block',
  message: '页码不作为正文文字录入；页码由排版生成，形如“— 1 —”',
  messageEn: 'Page numbers are not typed into the text; layout adds them as “— 1 —”',
  check: ({ block }) => (/^\s*[-－—–―]+\s*\d+\s*[-－—–―]+\s*$/.test(block.text) ? [trimmedRange(block.text)] : []),
}

export const elementRules = [addresseeColon, attachmentColon, attachmentNumbering, attachmentPunctuation, dateFormat, ccColon, ccFinalPeriod, pageNumberText]
