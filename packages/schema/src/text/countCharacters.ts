/** A character count in the manner of WPS/Word 字数统计. */
export interface CharacterCount {
  /** 字数: Chinese characters + full-width punctuation + non-Chinese words. */
  total: number
  /** Chinese (Han) characters, each counted once. */
  hanzi: number
  /** Full-width and CJK punctuation marks (，。、“”《》…). */
  punctuation: number
  /** Runs of Latin letters or digits, each counted as one word. */
  words: number
  /** Every non-whitespace character. */
  nonSpace: number
}

const hanPattern = /\p{Script=Han}/u
const wordPattern = /[\p{L}\p{N}]/u
const wordJoiners = new Set(["'", '’', '-', '.', '_'])

function isCjkPunctuation(char: string, code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) || // CJK symbols and punctuation 、。《》【】
    (code >= 0xff00 && code <= 0xffef && !wordPattern.test(char)) || // full-width forms ，：；！？（）
    (code >= 0x2010 && code <= 0x2027) || // dashes, “ ” ‘ ’, …
    code === 0x00b7 // middle dot ·
  )
}

/**
 * Counts text the way Chinese office software does: every 汉字 is one, every full-width
 * punctuation mark is one, and each run of Latin letters or digits is one word.
 *
 * @example
 * countCharacters('学习 Lit 3 框架。').total // 4 hanzi + 1 punct + 2 words = 7
 */
export function countCharacters(text: string): CharacterCount {
  let hanzi = 0
  let punctuation = 0
  let words = 0
  let nonSpace = 0
  let inWord = false
  const chars = Array.from(text)
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!
    const code = char.codePointAt(0)!
    if (/\s/u.test(char)) {
      inWord = false
      continue
    }
    nonSpace++
    if (hanPattern.test(char)) {
      hanzi++
      inWord = false
    } else if (wordPattern.test(char)) {
      if (!inWord) words++
      inWord = true
    } else if (inWord && wordJoiners.has(char) && wordPattern.test(chars[i + 1] ?? '') && !hanPattern.test(chars[i + 1] ?? '')) {
      // "don't", "e-mail", "3.14" stay one word
    } else {
      inWord = false
      if (isCjkPunctuation(char, code)) punctuation++
    }
  }
  return { total: hanzi + punctuation + words, hanzi, punctuation, words, nonSpace }
}
