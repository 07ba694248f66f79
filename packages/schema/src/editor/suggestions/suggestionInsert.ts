import { Mark, mergeAttributes } from '@tiptap/core'
import { suggestionAttributes } from './suggestionAttributes.ts'

/**
 * Text someone proposes to insert (修改建议). Rendered as `<ins>` so that exported HTML reads
 * as a tracked change anywhere; accepted, the mark goes and the text stays; rejected, the
 * text goes. Not inclusive: typing at its edge does not silently join the suggestion.
 */
export const SuggestionInsert = Mark.create({
  name: 'suggestionInsert',
  inclusive: false,
  excludes: 'suggestionInsert suggestionDelete',

  addAttributes() {
    return suggestionAttributes()
  },

  parseHTML() {
    return [{ tag: 'ins[data-suggestion-id]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['ins', mergeAttributes(HTMLAttributes, { class: 'dongbi-suggestion dongbi-suggestion--insert', title: HTMLAttributes['data-suggestion-author-name'] }), 0]
  },
})
