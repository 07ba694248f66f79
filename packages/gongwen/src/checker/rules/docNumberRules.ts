import { trimmedRange } from '../findAll.ts'
import type { BlockContext, BlockRule, DocumentRule, Hit } from '../Rule.ts'

/**
 * 发文字号 = 机关代字 + 〔full year〕 + sequence + 号 (GB/T 9704-2012 7.2.5), checked on the
 * 发文字号 line and wherever a document number is cited in the text. The pattern accepts
 * the usual mistakes so each can be pointed at: X发[24]第012号.
 */
const docNumber = /([\u4e00-\u9fffA-Za-z]{1,16}?)(字?)([〔\[【［(（])(\d{2,4})([〕\]】］)）])(第?)(\d+)号/dg

interface DocNumberPart {
  match: RegExpExecArray
  /** [from, to) of capture group `i`. */
  at(i: number): [number, number]
}

/** Cheap test first: the closing bracket, digits and 号 that every document number ends with. */
const numberEnd = /[〕\]】］)）]第?\d+号/

/** Parsed once per block for the four rules below (blocks are fresh objects on every check). */
const parsed = new WeakMap<object, DocNumberPart[]>()

function docNumbers({ block }: BlockContext): DocNumberPart[] {
  if (block.role !== 'docNumber' && block.role !== 'body' && block.role !== 'heading') return []
  if (!numberEnd.test(block.text)) return []
  const cached = parsed.get(block)
  if (cached) return cached
  const out: DocNumberPart[] = []
  docNumber.lastIndex = 0
  for (let match = docNumber.exec(block.text); match; match = docNumber.exec(block.text)) {
    const m = match
    out.push({ match: m, at: (i) => m.indices![i]! })
  }
  parsed.set(block, out)
  return out
}

const basis = { basis: 'std', clause: 'GB/T 9704-2012 7.2.5', severity: 'error', kinds: 'gongwen', scope: 'block' } as const

export const docNumberBrackets: BlockRule = {
  ...basis,
  id: 'docnumber-brackets',
  message: '发文字号的年份应使用六角括号“〔〕”',
  messageEn: 'The year in a document number takes the hexagonal brackets 〔〕',
  check: (context) =>
    docNumbers(context).flatMap(({ match, at }): Hit[] => {
      if (match[3] === '〔' && match[5] === '〕') return []
      const [from] = at(3)
      const [, to] = at(5)
      return [{ from, to, fix: { from, to, insert: `〔${match[4]}〕` } }]
    }),
}

export const docNumberExtraWord: BlockRule = {
  ...basis,
  id: 'docnumber-no-di-zi',
  message: '发文字号中不加“第”字，机关代字后不加“字”',
  messageEn: 'A document number has no 第 before the sequence and no 字 after the issuer code',
  check: (context) =>
    docNumbers(context).flatMap(({ match, at }) => {
      const hits: Hit[] = []
      for (const group of [2, 6]) {
        if (!match[group]) continue
        const [from, to] = at(group)
        hits.push({ from, to, fix: { from, to, insert: '' } })
      }
      return hits
    }),
}

export const docNumberPadding: BlockRule = {
  ...basis,
  id: 'docnumber-padding',
  message: '发文字号的序号不编虚位（1不编为001）',
  messageEn: 'The sequence number has no leading zeros (1, not 001)',
  check: (context) =>
    docNumbers(context).flatMap(({ match, at }): Hit[] => {
      if (!/^0/.test(match[7]!)) return []
      const [from, to] = at(7)
      const stripped = match[7]!.replace(/^0+/, '')
      return stripped === '' ? [{ from, to }] : [{ from, to, fix: { from, to, insert: stripped } }]
    }),
}

export const docNumberYear: BlockRule = {
  ...basis,
  id: 'docnumber-year',
  message: '发文字号的年份应标全称（如2024，不写24）',
  messageEn: 'The year in a document number is written in full (2024, not 24)',
  check: (context) =>
    docNumbers(context).flatMap(({ match, at }): Hit[] => {
      if (match[4]!.length === 4) return []
      const [from, to] = at(4)
      return [{ from, to }]
    }),
}

/** Upward documents name the person who signed them off, beside the 发文字号 (GB/T 9704-2012 7.2.6). */
export const signerMissing: DocumentRule = {
  id: 'signer-missing',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.2.6',
  severity: 'error',
  kinds: ['request', 'report'],
  scope: 'document',
  message: '上行文应标注签发人：发文字号右侧写“签发人：姓名”',
  messageEn: 'An upward document names its signer beside the number: 签发人：姓名',
  check: ({ blocks }) => {
    const numbers = blocks.filter((b) => b.role === 'docNumber')
    const first = numbers[0]
    if (!first || numbers.some((b) => /签\s*发\s*人\s*[:：]\s*\S/.test(b.text))) return []
    return [{ blockIndex: first.index, ...trimmedRange(first.text) }]
  },
}

export const docNumberRules = [docNumberBrackets, docNumberExtraWord, docNumberPadding, docNumberYear, signerMissing]
