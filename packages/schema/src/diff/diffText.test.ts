import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffSides, diffStats } from './diffSides.ts'
import { diffText, type DiffOp } from './diffText.ts'

const speech = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../tests/fixtures/seed-speech-zh.txt'), 'utf8')

/** mulberry32: a small seeded generator, so a failure names a seed that reproduces it. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const insertions = ['认真', '全面', '，', '深入学习', '\n\n', '𠀀', '新时代', '的']

/** Applies `count` random insertions, deletions and replacements; returns the text and the characters they touched. */
function edit(text: string, random: () => number, count: number): { text: string; touched: number } {
  let chars = Array.from(text)
  let touched = 0
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * (chars.length + 1))
    const kind = random()
    const inserted = Array.from(insertions[Math.floor(random() * insertions.length)]!)
    const removed = Math.min(1 + Math.floor(random() * 6), chars.length - at)
    if (kind < 0.4) {
      chars = [...chars.slice(0, at), ...inserted, ...chars.slice(at)]
      touched += inserted.length
    } else if (kind < 0.7) {
      chars = [...chars.slice(0, at), ...chars.slice(at + removed)]
      touched += removed
    } else {
      chars = [...chars.slice(0, at), ...inserted, ...chars.slice(at + removed)]
      touched += inserted.length + removed
    }
  }
  return { text: chars.join(''), touched }
}

function expectWellFormed(ops: DiffOp[]): void {
  for (let i = 0; i < ops.length; i++) {
    expect(ops[i]!.text.length, 'no empty runs').toBeGreaterThan(0)
    if (i > 0) expect(ops[i]!.op, 'adjacent runs differ').not.toBe(ops[i - 1]!.op)
  }
}

describe('diffText', () => {
  it('marks inserted and deleted Chinese characters inline, one character at a time', () => {
    expect(diffText('我们要学习', '我们要认真学习')).toEqual([
      { op: 'equal', text: '我们要' },
      { op: 'insert', text: '认真' },
      { op: 'equal', text: '学习' },
    ])
    expect(diffText('深入学习贯彻', '深入贯彻')).toEqual([
      { op: 'equal', text: '深入' },
      { op: 'delete', text: '学习' },
      { op: 'equal', text: '贯彻' },
    ])
    expect(diffText('党员', '党委')).toEqual([
      { op: 'equal', text: '党' },
      { op: 'delete', text: '员' },
      { op: 'insert', text: '委' },
    ])
  })

  it('handles empty and identical texts', () => {
    expect(diffText('', '')).toEqual([])
    expect(diffText('一样', '一样')).toEqual([{ op: 'equal', text: '一样' }])
    expect(diffText('', '新')).toEqual([{ op: 'insert', text: '新' }])
    expect(diffText('旧', '')).toEqual([{ op: 'delete', text: '旧' }])
  })

  it('never splits a surrogate pair', () => {
    const ops = diffText('𠀀𠀁', '𠀀𠀂')
    expect(ops).toEqual([
      { op: 'equal', text: '𠀀' },
      { op: 'delete', text: '𠀁' },
      { op: 'insert', text: '𠀂' },
    ])
  })

  it('reconstructs both texts and stays near-minimal after random edits of the speech', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = seeded(seed)
      const { text: edited, touched } = edit(speech, random, 1 + Math.floor(random() * 40))
      const ops = diffText(speech, edited)
      expectWellFormed(ops)
      expect(diffSides(ops), `seed ${seed}`).toEqual({ before: speech, after: edited })
      const { inserted, deleted } = diffStats(ops)
      expect(inserted + deleted, `seed ${seed}: no more changes than the edits made`).toBeLessThanOrEqual(touched)
    }
  })

  it('diffs two 5,000-character texts in under 50 ms, related or not', () => {
    const random = seeded(7)
    const { text: edited } = edit(speech, random, 200)
    const shuffled = Array.from(speech).sort(() => random() - 0.5).join('')
    for (const other of [edited, shuffled]) {
      diffText(speech, other) // warm up the JIT
      const start = performance.now()
      const ops = diffText(speech, other)
      const elapsed = performance.now() - start
      expect(diffSides(ops)).toEqual({ before: speech, after: other })
      expect(elapsed).toBeLessThan(50)
    }
  })

  it('falls back to delete-all, insert-all past maxCost, still correct', () => {
    const ops = diffText('甲乙丙丁戊', '子丑寅卯辰', { maxCost: 1 })
    expect(ops).toEqual([
      { op: 'delete', text: '甲乙丙丁戊' },
      { op: 'insert', text: '子丑寅卯辰' },
    ])
  })
})
