import { describe, expect, it } from 'vitest'
import { countCharacters } from './countCharacters.ts'

describe('countCharacters', () => {
  it('counts every 汉字 as one', () => {
    expect(countCharacters('学习教育月').total).toBe(5)
  })

  it('counts Latin words and numbers as words', () => {
    const count = countCharacters('We use Lit 3 and Yjs.')
    expect(count.words).toBe(6)
    expect(count.hanzi).toBe(0)
    expect(count.total).toBe(6)
  })

  it('counts full-width punctuation but not ASCII punctuation', () => {
    const count = countCharacters('同志们：大家好！“学习”——《纲要》…… (note)')
    expect(count.hanzi).toBe(10)
    expect(count.punctuation).toBe(10)
    expect(count.words).toBe(1)
    expect(count.total).toBe(21)
  })

  it('keeps joined words and decimals whole', () => {
    expect(countCharacters("don't e-mail 3.14").words).toBe(3)
  })

  it('separates Latin runs that touch Chinese', () => {
    const count = countCharacters('使用Tiptap编辑器2024年')
    expect(count).toMatchObject({ hanzi: 6, words: 2, total: 8 })
  })

  it('counts nothing in whitespace', () => {
    expect(countCharacters(' \n\t\u3000').total).toBe(0)
  })

  it('handles characters outside the BMP', () => {
    expect(countCharacters('𠀀𠀁').hanzi).toBe(2)
  })
})
