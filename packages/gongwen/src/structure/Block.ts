import type { TextAlignment } from '@dongbi/schema'

/**
 * One text block of a document in reading order, as the checker and the exporters see it:
 * every paragraph and heading, including those inside lists and quotes. `index` is its
 * position among the blocks; `pos` its ProseMirror position (start of content) when it came
 * from an editor document, so findings can be mapped back to the editor.
 */
export interface Block {
  index: number
  text: string
  /** The ProseMirror node type: paragraph, heading, … */
  nodeType: string
  /** Heading level for `heading` nodes. */
  level?: number
  align: TextAlignment | null
  pos?: number
}
