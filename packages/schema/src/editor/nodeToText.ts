import { getText, getTextSerializersFromSchema } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import { withoutSuggestions } from './suggestions/withoutSuggestions.ts'

/**
 * Plain text of a document as the editor's `getText()` gives it (blocks separated by a blank
 * line, hard breaks as newlines) — but without pending suggestions: suggested insertions are
 * left out and text suggested for deletion stays. Until the author accepts a suggestion the
 * document's text is the author's, so 字数, exports and search do not move while a mentor
 * marks it up.
 */
export function nodeToText(node: Node): string {
  return getText(withoutSuggestions(node), {
    blockSeparator: '\n\n',
    textSerializers: getTextSerializersFromSchema(node.type.schema),
  })
}
