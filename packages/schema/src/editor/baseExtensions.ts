import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import TextAlign from '@tiptap/extension-text-align'
import { SuggestionDelete, SuggestionInsert } from './suggestions/index.ts'

/** Heading levels the product offers: 公文 uses at most four (一、（一）1.（1）). */
export const headingLevels = [1, 2, 3, 4] as const

/** Alignments offered in the toolbar: titles are centred, signatures and dates right-aligned. */
export const textAlignments = ['left', 'center', 'right', 'justify'] as const
export type TextAlignment = (typeof textAlignments)[number]

/**
 * The document schema as a Tiptap extension list, shared by the browser editor and the
 * server (which must read stored documents without a DOM).
 *
 * Undo/redo is left out on purpose: with collaboration, the Yjs undo manager (added by the
 * Collaboration extension in the browser) undoes only the local user's changes.
 */
export function baseExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [...headingLevels] },
      undoRedo: false,
      code: false,
      codeBlock: false,
      link: false,
    }),
    TextAlign.configure({
      types: ['heading', 'paragraph'],
      alignments: [...textAlignments],
      defaultAlignment: null,
    }),
    SuggestionInsert,
    SuggestionDelete,
  ]
}
