export interface TextRange {
  start: number
  end: number
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Where any of `terms` occurs in `text`, case-insensitively, as sorted, merged ranges in
 * UTF-16 offsets of `text` itself (so they index the string the client renders).
 */
export function findMatches(text: string, terms: readonly string[]): TextRange[] {
  const ranges: TextRange[] = []
  for (const term of terms) {
    if (!term) continue
    for (const match of text.matchAll(new RegExp(escapeRegExp(term), 'giu'))) {
      ranges.push({ start: match.index, end: match.index + match[0].length })
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: TextRange[] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}
