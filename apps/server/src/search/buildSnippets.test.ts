import { describe, expect, it } from 'vitest'
import { buildSnippets } from './buildSnippets.ts'
import { findMatches } from './findMatches.ts'
import { searchTerms } from './searchTerms.ts'

const marked = (s: { text: string; highlights: { start: number; end: number }[] }) => s.highlights.map((h) => s.text.slice(h.start, h.end))

describe('findMatches', () => {
  it('finds every occurrence of every term, case-insensitively, merged', () => {
    expect(findMatches('党建引领，抓党建促发展', ['党建'])).toEqual([
      { start: 0, end: 2 },
      { start: 6, end: 8 },
    ])
    expect(findMatches('Word and WORD', ['word'])).toEqual([
      { start: 0, end: 4 },
      { start: 9, end: 13 },
    ])
    // Overlapping terms merge into one range.
    expect(findMatches('学习教育月', ['学习教育', '教育月'])).toEqual([{ start: 0, end: 5 }])
  })

  it('treats regular-expression characters as text', () => {
    expect(findMatches('a.b a*b (x)', ['*', '(x)', '.'])).toEqual([
      { start: 1, end: 2 },
      { start: 5, end: 6 },
      { start: 8, end: 11 },
    ])
  })
})

describe('buildSnippets', () => {
  const long = `${'前言'.repeat(100)}这里讲党建工作。${'中间'.repeat(100)}最后谈学习体会和党建。${'结尾'.repeat(50)}`

  it('cuts excerpts around matches with exact highlight ranges', () => {
    const snippets = buildSnippets(long, ['党建'])
    expect(snippets).toHaveLength(2)
    for (const snippet of snippets) expect(marked(snippet)).toEqual(['党建'])
    expect(snippets[0]!.truncatedStart).toBe(true)
    expect(snippets[0]!.text.length).toBeLessThanOrEqual(110)
  })

  it('prefers the excerpt that shows every term', () => {
    const [first] = buildSnippets(long, ['党建', '学习'], { maxSnippets: 1 })
    expect(marked(first!).sort()).toEqual(['党建', '学习'])
  })

  it('keeps at most maxSnippets, in reading order, without overlap', () => {
    const text = Array.from({ length: 20 }, (_, i) => `第${i}段讲学习。${'填'.repeat(150)}`).join('\n')
    const snippets = buildSnippets(text, ['学习'])
    expect(snippets).toHaveLength(3)
    const starts = snippets.map((s) => text.replace(/\s/g, ' ').indexOf(s.text))
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
  })

  it('shows the opening, unhighlighted, when only the title matched; nothing for an empty body', () => {
    expect(buildSnippets('正文开头\n\n第二段', ['标题'])).toEqual([
      { text: '正文开头  第二段', highlights: [], truncatedStart: false, truncatedEnd: false },
    ])
    expect(buildSnippets('  \n', ['x'])).toEqual([])
  })

  it('starts an excerpt after a punctuation mark rather than mid-phrase', () => {
    const [snippet] = buildSnippets(`${'甲'.repeat(50)}乙丙，丁戊说起党建工作。${'己'.repeat(200)}`, ['党建'])
    expect(snippet!.text.startsWith('丁戊说起党建')).toBe(true)
    expect(snippet!.truncatedStart).toBe(true)
  })

  it('never splits a surrogate pair', () => {
    const text = `${'𠮷'.repeat(40)}党建${'𠮷'.repeat(80)}`
    for (const snippet of buildSnippets(text, ['党建'])) {
      expect(snippet.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/)
      expect(marked(snippet)).toEqual(['党建'])
    }
  })
})

describe('searchTerms', () => {
  it('splits on half- and full-width spaces and drops duplicates', () => {
    expect(searchTerms(' 党建\u3000学习  党建 Word word ')).toEqual(['党建', '学习', 'Word'])
    expect(searchTerms('"党建" OR )(')).toEqual(['"党建"', 'OR', ')('])
  })
})
