import { getText, getTextSerializersFromSchema } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'

/**
 * Plain text of a document, exactly as the editor's `getText()` gives it: blocks
 * separated by a blank line, hard breaks as newlines.
 */
export function nodeToText(node: Node): string {
  return getText(node, {
    blockSeparator: '\n\n',
    textSerializers: getTextSerializersFromSchema(node.type.schema),
  })
}
