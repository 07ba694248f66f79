/** More terms than this are ignored: nobody types them, and each one costs a condition. */
export const maxSearchTerms = 8

/**
 * The terms of a query: split on half- and full-width spaces, duplicates dropped. Every term
 * must match. Quotes, operators and brackets are ordinary characters here — the index
 * escapes them — so `"党建" OR x` looks for the three terms `"党建"`, `OR` and `x`.
 */
export function searchTerms(query: string): string[] {
  const seen = new Set<string>()
  for (const term of query.split(/[\s\u3000]+/)) {
    if (!term) continue
    const key = term.toLowerCase()
    if (![...seen].some((s) => s.toLowerCase() === key)) seen.add(term)
    if (seen.size >= maxSearchTerms) break
  }
  return [...seen]
}
