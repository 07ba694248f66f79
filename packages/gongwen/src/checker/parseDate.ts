import { chineseNumeral } from '../structure/headingLabel.ts'

/** The form GB/T 9704-2012 7.3.5.4 asks for: Arabic numerals, full year, no padding. */
export const canonicalDate = /^\d{4}年[1-9]\d?月[1-9]\d?日$/

const yearDigits: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }

function number(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value)
  return chineseNumeral(value)
}

/**
 * Reads a date written any of the usual ways (2024年03月05日, 二〇二四年三月五日, 2024.3.5,
 * 2024-03-05, 2024/3/5) and returns it in the standard form, or `undefined` when it is not a
 * real date.
 */
export function standardDate(text: string): string | undefined {
  const value = text.trim()
  let match = /^(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/.exec(value)
  match ??= /^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})$/.exec(value)
  if (!match) return undefined
  const year = Number(match[1]!.replace(/[^\d]/g, (c) => yearDigits[c] ?? c))
  const month = number(match[2]!)
  const day = number(match[3]!)
  if (!month || !day || month > 12 || day > 31 || year < 1000) return undefined
  return `${year}年${month}月${day}日`
}
