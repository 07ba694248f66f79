/**
 * A 正文 heading label at the start of a paragraph: `一、` (level 1), `（一）` (2), `1.` (3),
 * `（1）` (4). The common malformed spellings are recognised too (`一.` `一，` `（一）、`
 * `(一)` `1、` `1．` `(1)`), with `canonical` false and the correct spelling in `expected`,
 * so the checker can point at them and offer the fix.
 */
export interface HeadingLabel {
  level: 1 | 2 | 3 | 4
  /** The label as written, e.g. `(一)`. */
  label: string
  /** The label as GB/T 9704 practice writes it, e.g. `（一）`. */
  expected: string
  canonical: boolean
  /** 一二三… or 1 2 3 … as written, for numbering-order checks. */
  ordinal: number
}

const chineseDigits = '〇一二三四五六七八九'

/** 一 → 1, 十二 → 12, 二十 → 20 (up to 99). */
export function chineseNumeral(value: string): number | undefined {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(value)) return undefined
  if (!value.includes('十')) return value.length === 1 ? chineseDigits.indexOf(value) : undefined
  const [tens, ones] = value.split('十') as [string, string]
  const t = tens === '' ? 1 : chineseDigits.indexOf(tens)
  const o = ones === '' ? 0 : chineseDigits.indexOf(ones)
  if (t < 1 || o < 0 || tens.length > 1 || ones.length > 1) return undefined
  return t * 10 + o
}

const patterns: { level: 1 | 2 | 3 | 4; pattern: RegExp; canonical: (m: RegExpExecArray) => boolean; expected: (n: string) => string }[] = [
  // （一） with full or half-width brackets, optionally followed by a stray 、 or .
  { level: 2, pattern: /^([（(])([一二三四五六七八九十]{1,3})([）)])([、.．，,]?)/, canonical: (m) => m[1] === '（' && m[3] === '）' && m[4] === '', expected: (n) => `（${n}）` },
  // （1）
  { level: 4, pattern: /^([（(])(\d{1,2})([）)])([、.．，,]?)/, canonical: (m) => m[1] === '（' && m[3] === '）' && m[4] === '', expected: (n) => `（${n}）` },
  // 一、 / 一. / 一， / 一．
  { level: 1, pattern: /^()([一二三四五六七八九十]{1,3})()([、.．，,])/, canonical: (m) => m[4] === '、', expected: (n) => `${n}、` },
  // 1. / 1、 / 1． — but not a decimal (1.5) or a date (2024年)
  { level: 3, pattern: /^()(\d{1,2})()([.．、])(?!\d)/, canonical: (m) => m[4] === '.', expected: (n) => `${n}.` },
]

export function headingLabel(text: string): HeadingLabel | undefined {
  for (const { level, pattern, canonical, expected } of patterns) {
    const match = pattern.exec(text)
    if (!match) continue
    const numeral = match[2]!
    const ordinal = /\d/.test(numeral) ? Number(numeral) : chineseNumeral(numeral)
    if (ordinal === undefined) continue
    return { level, label: match[0], expected: expected(numeral), canonical: canonical(match), ordinal }
  }
  return undefined
}
