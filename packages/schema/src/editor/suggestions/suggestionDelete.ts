import { Mark, mergeAttributes } from '@tiptap/core'
import { suggestionAttributes } from './suggestionAttributes.ts'

/**
 * Text someone proposes to delete (修改建议). The text stays in the document, rendered as
 * `<del>`; accepted, the text goes; rejected, the mark goes and the text is normal again.
 */
export const SuggestionDelete = Mark.create({
  name: 'suggestionDelete',
  inclusive: false,
  excludes: 'suggestionInsert suggestionDelete',

  addAttributes() {
    return suggestionAttributes()
  },

  parseHTML() {
    return [{ tag: 'del[data-suggestion-id]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['del', mergeAttributes(HTMLAttributes, { class: 'dongbi-suggestion dongbi-suggestion--delete', title: HTMLAttributes['data-suggestion-author-name'] }), 0]
  },
})
