import { describe, expect, it } from 'vitest'
import { cleanupSemantic } from './cleanupSemantic.ts'
import { diffSides } from './diffSides.ts'
import { diffText } from './diffText.ts'

describe('cleanupSemantic', () => {
  it('folds a short shared character into the phrases replaced around it', () => {
    const raw = diffText('我们要认真学习新思想', '大家要深入学习新理论')
    expect(raw.filter((op) => op.op === 'equal').map((op) => op.text)).toEqual(['要', '学习新'])
    expect(cleanupSemantic(raw)).toEqual([
      { op: 'delete', text: '我们要认真' },
      { op: 'insert', text: '大家要深入' },
      { op: 'equal', text: '学习新' },
      { op: 'delete', text: '思想' },
      { op: 'insert', text: '理论' },
    ])
  })

  it('keeps equal runs longer than the edits beside them, and clean diffs unchanged', () => {
    const clean = diffText('我们要学习', '我们要认真学习')
    expect(cleanupSemantic(clean)).toEqual(clean)
    expect(cleanupSemantic([])).toEqual([])
  })

  it('folds in cascades until nothing short is left between edits', () => {
    const ops = cleanupSemantic([
      { op: 'delete', text: '甲乙' },
      { op: 'equal', text: '的' },
      { op: 'insert', text: '丙' },
      { op: 'equal', text: '和' },
      { op: 'delete', text: '丁' },
      { op: 'equal', text: '很长很长的相同文字' },
    ])
    expect(ops).toEqual([
      { op: 'delete', text: '甲乙的和丁' },
      { op: 'insert', text: '的丙和' },
      { op: 'equal', text: '很长很长的相同文字' },
    ])
  })

  it('always keeps both texts of the diff', () => {
    const pairs = [
      ['学习贯彻新思想', '深入领会新理念'],
      ['一二三四五六七', '一三五七'],
      ['', '新'],
      ['旧的文字\n\n第二段', '新的文字\n\n第二段（改）'],
    ] as const
    for (const [a, b] of pairs) expect(diffSides(cleanupSemantic(diffText(a, b)))).toEqual({ before: a, after: b })
  })
})
