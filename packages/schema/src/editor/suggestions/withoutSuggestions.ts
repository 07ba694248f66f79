import type { Mark, Node } from '@tiptap/pm/model'
import { resolveSuggestionsIn } from './resolveSuggestions.ts'

/**
 * The document as if the suggestions had never been made: suggested insertions removed,
 * suggested deletions back to normal text — what rejecting them all gives. The server
 * compares it to decide whether a commenter changed anything but their suggestions.
 * `only` limits it to some suggestions (e.g. one author's).
 */
export function withoutSuggestions(doc: Node, only?: (mark: Mark) => boolean): Node {
  return resolveSuggestionsIn(doc, { accept: false, only })
}
