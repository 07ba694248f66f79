import type { Attributes } from '@tiptap/core'

/** Who proposed a suggestion and when; carried by both suggestion marks. */
export interface SuggestionAttrs {
  /** Groups the characters of one suggestion: accepted or rejected together. */
  id: string
  authorId: string
  authorName: string
  /** ISO timestamp of the first keystroke. */
  createdAt: string
}

function dataAttribute(name: keyof SuggestionAttrs, html: string) {
  return {
    default: '',
    parseHTML: (element: HTMLElement) => element.getAttribute(html) ?? '',
    renderHTML: (attrs: Record<string, unknown>) => ({ [html]: String(attrs[name] ?? '') }),
  }
}

/** The mark attributes, kept in HTML as `data-suggestion-*` so exports and copies keep them. */
export function suggestionAttributes(): Attributes {
  return {
    id: dataAttribute('id', 'data-suggestion-id'),
    authorId: dataAttribute('authorId', 'data-suggestion-author-id'),
    authorName: dataAttribute('authorName', 'data-suggestion-author-name'),
    createdAt: dataAttribute('createdAt', 'data-suggestion-created-at'),
  }
}
