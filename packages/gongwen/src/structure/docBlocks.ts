import type { TextAlignment } from '@dongbi/schema'
import type { Block } from './Block.ts'

/** The minimal node shape shared by ProseMirror `Node` and its JSON. */
interface JsonNode {
  type: string
  text?: string
  attrs?: Record<string, unknown>
  content?: JsonNode[]
}

function textOf(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(textOf).join('')
}

/**
 * The text blocks of a document given as ProseMirror JSON (`node.toJSON()` or a template
 * body). Suggested insertions should already be removed by the caller if the author's text
 * is wanted (`withoutSuggestions`).
 */
export function docBlocks(doc: JsonNode): Block[] {
  const blocks: Block[] = []
  const visit = (node: JsonNode) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const align = (node.attrs?.textAlign as TextAlignment | null | undefined) ?? null
      const level = node.type === 'heading' ? Number(node.attrs?.level ?? 1) : undefined
      blocks.push({ index: blocks.length, text: textOf(node), nodeType: node.type, align, ...(level ? { level } : {}) })
      return
    }
    for (const child of node.content ?? []) visit(child)
  }
  visit(doc)
  return blocks
}

/** Blocks of plain text: one per line (a .txt file, a pasted draft). */
export function textBlocks(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, index) => ({ index, text: line, nodeType: 'paragraph', align: null }))
}
