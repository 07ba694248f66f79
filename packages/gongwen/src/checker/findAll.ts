import type { Hit } from './Rule.ts'

/**
 * A hit for every match of `pattern` (must be global) in `text`, pointing at the whole match,
 * or at the capture group `group` when given. `fix` turns a match into its correction.
 */
export function findAll(text: string, pattern: RegExp, options: { group?: number; fix?: (match: RegExpExecArray) => string } = {}): Hit[] {
  const hits: Hit[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++
      continue
    }
    let from = match.index
    let to = from + match[0].length
    if (options.group !== undefined && match[options.group] !== undefined) {
      from += match[0].indexOf(match[options.group]!)
      to = from + match[options.group]!.length
    }
    const hit: Hit = { from, to }
    if (options.fix) hit.fix = { from, to, insert: options.fix(match) }
    hits.push(hit)
  }
  return hits
}

/** The range of `text` without surrounding whitespace. */
export function trimmedRange(text: string): { from: number; to: number } {
  const from = text.length - text.trimStart().length
  return { from, to: Math.max(from, text.trimEnd().length) }
}
