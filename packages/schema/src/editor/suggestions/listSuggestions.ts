import type { Node } from '@tiptap/pm/model'
import type { SuggestionAttrs } from './suggestionAttributes.ts'

/** One suggestion as a side panel lists it: what it inserts and deletes, by whom. */
export interface SuggestionSummary extends SuggestionAttrs {
  inserted: string
  deleted: string
  /** Where its first character is now. */
  from: number
}

/** The suggestions in a document, in document order, grouped by id. */
export function listSuggestions(doc: Node): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>()
  doc.descendants((node, pos) => {
    if (!node.isInline) return true
    for (const mark of node.marks) {
      const kind = mark.type.name === 'suggestionInsert' ? 'inserted' : mark.type.name === 'suggestionDelete' ? 'deleted' : null
      if (!kind) continue
      const attrs = mark.attrs as SuggestionAttrs
      let summary = byId.get(attrs.id)
      if (!summary) {
        summary = { ...attrs, inserted: '', deleted: '', from: pos }
        byId.set(attrs.id, summary)
      }
      summary[kind] += node.isText ? node.text! : '\n'
    }
    return false
  })
  return [...byId.values()]
}
