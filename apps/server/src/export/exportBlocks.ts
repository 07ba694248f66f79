import { classifyBlocks, docBlocks, type BlockRole, type HeadingLabel } from '@dongbi/gongwen'
import type { TextAlignment } from '@dongbi/schema'

/** The minimal ProseMirror JSON node shape the exporters read. */
export interface JsonNode {
  type: string
  text?: string
  attrs?: Record<string, unknown>
  marks?: { type: string }[]
  content?: JsonNode[]
}

/** A stretch of text with its marks; `break` is a hard line break. */
export interface ExportRun {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  break?: boolean
}

/** Where a block sits in a list: depth from 0, ordered or not, and its number when ordered. */
export interface ListPlace {
  ordered: boolean
  depth: number
  /** 1-based position in an ordered list (after its `start`). */
  number: number
  /** The first item of its list: a numbered list restarts here. */
  first: boolean
  /** Identifies the list, so each ordered list numbers from its own start. */
  listId: number
}

/**
 * One block of a document as every exporter sees it: its text runs, what the editor made of
 * it (paragraph or heading, alignment, list, quote) and what it is in a 公文 (the role from
 * `classifyBlocks`).
 */
export interface ExportBlock {
  type: 'paragraph' | 'heading' | 'rule'
  /** Editor heading level (1–4) for heading nodes. */
  level?: number
  align: TextAlignment | null
  runs: ExportRun[]
  text: string
  role: BlockRole
  /** The 公文 heading label the text opens with (一、 （一） 1. （1）). */
  label?: HeadingLabel
  list?: ListPlace
  /** Inside a quote (blockquote), how deep. */
  quote: number
}

function runsOf(node: JsonNode): ExportRun[] {
  const runs: ExportRun[] = []
  const visit = (n: JsonNode) => {
    if (n.type === 'text') {
      const marks = new Set((n.marks ?? []).map((m) => m.type))
      runs.push({
        text: n.text ?? '',
        ...(marks.has('bold') ? { bold: true } : {}),
        ...(marks.has('italic') ? { italic: true } : {}),
        ...(marks.has('underline') ? { underline: true } : {}),
        ...(marks.has('strike') ? { strike: true } : {}),
      })
    } else if (n.type === 'hardBreak') {
      runs.push({ text: '', break: true })
    } else {
      for (const child of n.content ?? []) visit(child)
    }
  }
  visit(node)
  return runs
}

/**
 * The blocks of a document body (ProseMirror JSON without pending suggestions), each with its
 * 公文 role. When the body has no title of its own, `title` is put first as one, so every
 * export opens with the document's name.
 */
export function exportBlocks(doc: JsonNode, title: string): ExportBlock[] {
  let json = doc
  const roles = () => classifyBlocks(docBlocks(json))
  if (!roles().some((b) => b.role === 'title') && title.trim()) {
    json = { ...doc, content: [{ type: 'heading', attrs: { level: 1, textAlign: 'center' }, content: [{ type: 'text', text: title }] }, ...(doc.content ?? [])] }
  }
  const classified = roles()
  const blocks: ExportBlock[] = []
  let textIndex = 0
  let listCount = 0
  const visit = (node: JsonNode, context: { list?: { ordered: boolean; depth: number; start: number; id: number }; item?: number; firstInItem?: boolean; quote: number }) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const info = classified[textIndex++]!
      const list = context.list
      blocks.push({
        type: node.type,
        ...(node.type === 'heading' ? { level: Number(node.attrs?.level ?? 1) } : {}),
        align: info.align,
        runs: runsOf(node),
        text: info.text,
        role: info.role,
        ...(info.heading ? { label: info.heading } : {}),
        ...(list && context.firstInItem
          ? { list: { ordered: list.ordered, depth: list.depth, number: list.start + (context.item ?? 0), first: context.item === 0, listId: list.id } }
          : {}),
        quote: context.quote,
      })
      context.firstInItem = false
      return
    }
    if (node.type === 'horizontalRule') {
      blocks.push({ type: 'rule', align: null, runs: [], text: '', role: 'empty', quote: context.quote })
      return
    }
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      const ordered = node.type === 'orderedList'
      const list = { ordered, depth: context.list ? context.list.depth + 1 : 0, start: ordered ? Number(node.attrs?.start ?? 1) : 1, id: ++listCount }
      ;(node.content ?? []).forEach((item, index) => {
        const itemContext = { list, item: index, firstInItem: true, quote: context.quote }
        for (const child of item.content ?? []) visit(child, itemContext)
      })
      return
    }
    const inner = node.type === 'blockquote' ? { ...context, quote: context.quote + 1 } : context
    for (const child of node.content ?? []) visit(child, inner)
  }
  visit(json, { quote: 0 })
  return blocks
}
