import type { TextAlignment } from '@dongbi/schema'
import type { Block } from './Block.ts'

/** The part of a ProseMirror `Node` this needs, so the package does not depend on prosemirror-model. */
export interface ProseMirrorNodeLike {
  type: { name: string }
  attrs: Record<string, unknown>
  isTextblock: boolean
  content: { size: number }
  textBetween(from: number, to: number, blockSeparator?: string, leafText?: (leaf: ProseMirrorNodeLike) => string): string
  descendants(visit: (node: ProseMirrorNodeLike, pos: number) => boolean | void): void
}

/** Every leaf is one character long, so an offset in the text is the same offset in the document. */
const leafText = (leaf: ProseMirrorNodeLike) => (leaf.type.name === 'hardBreak' ? '\n' : '\uFFFC')

/**
 * The text blocks of a live editor document, with `pos` (the start of each block's content)
 * so that a finding at `offset` in block `b` is at document position `b.pos + offset`.
 */
export function nodeBlocks(doc: ProseMirrorNodeLike): Block[] {
  const blocks: Block[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    const nodeType = node.type.name
    const align = (node.attrs.textAlign as TextAlignment | null | undefined) ?? null
    const level = nodeType === 'heading' ? Number(node.attrs.level ?? 1) : undefined
    const text = node.textBetween(0, node.content.size, undefined, leafText)
    blocks.push({ index: blocks.length, text, nodeType, align, pos: pos + 1, ...(level ? { level } : {}) })
    return false
  })
  return blocks
}
