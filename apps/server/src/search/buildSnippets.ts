import type { HighlightedTextDto } from '@dongbi/schema'
import { findMatches, type TextRange } from './findMatches.ts'

export interface SnippetOptions {
  /** Most excerpts returned. Default 3. */
  maxSnippets?: number
  /** Characters per excerpt. Default 110 (about two lines of Chinese in the result list). */
  width?: number
  /** Characters of context kept before the first match of an excerpt. Default 30. */
  before?: number
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Moves `index` off the middle of a surrogate pair. */
function snap(text: string, index: number): number {
  return index > 0 && index < text.length && isLowSurrogate(text.charCodeAt(index)) ? index - 1 : index
}

/** Punctuation and spaces after which an excerpt may begin without cutting a phrase. */
const boundary = /[\s，。；：！？、,.;:!?）)」』”]/

/** Moves an excerpt's start forward to just after the first phrase boundary before the match, if any. */
function cleanStart(flat: string, start: number, matchStart: number): number {
  if (start === 0) return 0
  for (let i = start; i < matchStart; i++) if (boundary.test(flat[i]!)) return i + 1
  return start
}

/**
 * Excerpts of `text` around the matches of `terms`, each with its highlight ranges: the
 * windows that show the most different terms first, then the most matches, returned in
 * reading order and never overlapping. Line breaks become spaces (same length, so ranges
 * stay exact). With no match in the body (a title hit) the opening of the text is returned,
 * unhighlighted; an empty body gives no excerpt.
 */
export function buildSnippets(text: string, terms: readonly string[], options: SnippetOptions = {}): HighlightedTextDto[] {
  const { maxSnippets = 3, width = 110, before = 30 } = options
  if (!text.trim()) return []
  const flat = text.replace(/\s/g, ' ')
  const matches = findMatches(text, terms)
  if (matches.length === 0) return [excerpt(flat, 0, width, [])]

  const lowerTerms = terms.map((t) => t.toLowerCase())
  const candidates = matches.map((match) => {
    const start = cleanStart(flat, snap(flat, Math.max(0, match.start - before)), match.start)
    const end = snap(flat, Math.min(flat.length, start + width))
    const inside = matches.filter((m) => m.start >= start && m.end <= end)
    const words = new Set(inside.map((m) => flat.slice(m.start, m.end).toLowerCase()))
    const distinct = lowerTerms.filter((t) => [...words].some((w) => w.includes(t))).length
    return { start, end, inside, weight: distinct * 1000 + inside.length }
  })
  candidates.sort((a, b) => b.weight - a.weight || a.start - b.start)
  const chosen: typeof candidates = []
  for (const candidate of candidates) {
    if (chosen.length >= maxSnippets) break
    if (chosen.some((c) => candidate.start < c.end && c.start < candidate.end)) continue
    chosen.push(candidate)
  }
  chosen.sort((a, b) => a.start - b.start)
  return chosen.map((c) => excerpt(flat, c.start, c.end - c.start, matches))
}

function excerpt(flat: string, start: number, width: number, matches: TextRange[]): HighlightedTextDto {
  const end = snap(flat, Math.min(flat.length, start + width))
  const highlights = matches
    .filter((m) => m.end > start && m.start < end)
    .map((m) => ({ start: Math.max(m.start, start) - start, end: Math.min(m.end, end) - start }))
  return { text: flat.slice(start, end), highlights, truncatedStart: start > 0, truncatedEnd: end < flat.length }
}
