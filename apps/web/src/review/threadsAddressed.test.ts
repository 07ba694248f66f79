import { diffText, type ThreadDto } from '@dongbi/schema'
import { describe, expect, it } from 'vitest'
import { threadsAddressed } from './threadsAddressed.ts'

const person = { id: 'u1', name: '刘洋', color: '#000' }
function thread(id: string, quote: string, extra: Partial<ThreadDto> = {}): ThreadDto {
  return {
    id,
    documentId: 'd',
    anchor: { start: 'AA', end: 'AA' },
    quote,
    status: 'open',
    author: person,
    createdAt: '2026-01-01T00:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    comments: [],
    ...extra,
  }
}

describe('threadsAddressed', () => {
  const older = '深入学习贯彻党的二十大精神。我们要认真学习。'
  const newer = '深入学习贯彻党的二十大精神。我们要结合实际，认真学习。'

  it('marks a thread whose quote was edited as changed, an untouched one as open', () => {
    const ops = diffText(older, newer)
    const result = threadsAddressed([thread('a', '我们要认真'), thread('b', '贯彻')], ops)
    expect(result.map((r) => r.addressed)).toEqual(['changed', 'open'])
  })

  it('does not count an insertion just before or after the quote', () => {
    const ops = diffText('甲乙丙', '甲乙X丙')
    expect(threadsAddressed([thread('a', '甲乙'), thread('b', '丙')], ops).map((r) => r.addressed)).toEqual(['open', 'open'])
  })

  it('counts resolution first and keeps only threads opened before the newer side', () => {
    const ops = diffText(older, older)
    const result = threadsAddressed(
      [thread('a', '贯彻', { status: 'resolved' }), thread('b', '学习', { createdAt: '2026-03-01T00:00:00.000Z' })],
      ops,
      { newerTime: '2026-02-01T00:00:00.000Z' },
    )
    expect(result).toHaveLength(1)
    expect(result[0]!.addressed).toBe('resolved')
  })

  it('leaves out threads on text the older side did not have', () => {
    const ops = diffText('甲乙', '甲丙')
    expect(threadsAddressed([thread('a', '丙'), thread('b', '乙')], ops).map((r) => [r.thread.id, r.addressed])).toEqual([['b', 'changed']])
  })
})
