import { html, type TemplateResult } from 'lit'

/**
 * `text` with the given ranges wrapped in `<mark>`. Everything is interpolated as text by
 * Lit, so markup in a title or a document never becomes HTML.
 */
export function highlightedText(text: string, ranges: readonly { start: number; end: number }[]): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = []
  let at = 0
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push(html`<mark>${text.slice(start, end)}</mark>`)
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}
