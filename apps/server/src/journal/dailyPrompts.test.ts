import { describe, expect, it } from 'vitest'
import { dailyPrompts, promptOfDay } from './dailyPrompts.ts'
import { generalPrompts } from './generalPrompts.ts'

describe('daily prompts', () => {
  const topics = [
    { title: 'A', questions: ['a1', 'a2'] },
    { title: 'B', questions: [] },
  ]

  it('walk through the topics day by day, then through their next questions', () => {
    const days = ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05'].map((d) => promptOfDay(topics, d))
    expect(days.map((p) => [p.topic.title, p.question])).toEqual([
      ['A', 'a1'],
      ['B', null],
      ['A', 'a2'],
      ['B', null],
      ['A', 'a1'],
    ])
  })

  it('give one prompt per branch with topics, else a built-in one different every day of the month', () => {
    const branches = [
      { branchId: 'b1', branchName: '一支部', topics },
      { branchId: 'b2', branchName: '二支部', topics: [] },
    ]
    expect(dailyPrompts(branches, '2026-04-02')).toEqual([{ topic: 'B', question: null, branchId: 'b1', branchName: '一支部', index: 1, of: 2 }])
    const builtIn = Array.from({ length: generalPrompts.length }, (_, i) => dailyPrompts([], `2026-04-${String(i + 1).padStart(2, '0')}`)[0]!)
    expect(new Set(builtIn.map((p) => p.topic)).size).toBe(generalPrompts.length)
    expect(builtIn.every((p) => p.branchId === null && p.question)).toBe(true)
  })
})
