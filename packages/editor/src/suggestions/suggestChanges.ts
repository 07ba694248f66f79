import type { SuggestionAttrs } from '@dongbi/schema'
import { Fragment, type Mark, type Node } from '@tiptap/pm/model'
import { Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'

/** Who is suggesting. */
export interface Suggester {
  authorId: string
  authorName: string
}

export interface SuggestChangesOptions {
  /** The document before the user's change. */
  base: Node
  /** The selection before the user's change (decides where the cursor goes after a deletion). */
  baseSelection: Selection
  author: Suggester
  newId?: () => string
  now?: () => string
}

const randomId = () => Math.random().toString(36).slice(2, 10) + Date.now().toString(36)

/**
 * Turns a direct change (from `base` to `state.doc`) into suggestions: a transaction on
 * `state` that first restores `base`, then
 * - marks deleted text `suggestionDelete` instead of removing it — except the author's own
 *   suggested insertions, which really go, and text already suggested for deletion;
 * - inserts the new text after it, marked `suggestionInsert`.
 *
 * Only text-level changes become suggestions. A change that adds block structure (Enter,
 * pasting several paragraphs, lists) is refused: the transaction just restores `base`.
 * Deletions never join blocks; the text in each block is marked. The change is taken as one
 * replaced range (the first and last difference), so multi-step transactions and whole IME
 * compositions work alike. Returns null when nothing changed.
 */
export function suggestChanges(state: EditorState, options: SuggestChangesOptions): Transaction | null {
  const { base, author } = options
  const doc = state.doc
  const start = base.content.findDiffStart(doc.content)
  if (start == null) return null
  let { a: endA, b: endB } = base.content.findDiffEnd(doc.content)!
  if (endA < start) {
    endB += start - endA
    endA = start
  }
  if (endB < start) {
    endA += start - endB
    endB = start
  }

  const tr = state.tr
  tr.replace(start, endB, base.slice(start, endA))
  if (!tr.doc.eq(base)) tr.replaceWith(0, tr.doc.content.size, base.content)
  const restored = tr.steps.length

  const $start = doc.resolve(start)
  const inline = endB === start || ($start.sameParent(doc.resolve(endB)) && $start.parent.isTextblock)
  if (!inline) return tr.setSelection(options.baseSelection.map(tr.doc, tr.mapping.slice(restored)))

  const isMine = (mark: Mark | undefined) => !!mark && (mark.attrs as SuggestionAttrs).authorId === author.authorId
  const attrs = reuseAdjacent(base, start, endA, isMine) ?? {
    id: (options.newId ?? randomId)(),
    ...author,
    createdAt: (options.now ?? (() => new Date().toISOString()))(),
  }
  const schema = base.type.schema
  const insertType = schema.marks.suggestionInsert!
  const deleteType = schema.marks.suggestionDelete!

  const toMark: { from: number; to: number }[] = []
  const toRemove: { from: number; to: number }[] = []
  base.nodesBetween(start, endA, (node, pos) => {
    if (!node.isInline) return true
    const from = Math.max(pos, start)
    const to = Math.min(pos + node.nodeSize, endA)
    const inserted = insertType.isInSet(node.marks)
    if (inserted) {
      if (isMine(inserted)) toRemove.push({ from, to })
    } else if (!deleteType.isInSet(node.marks)) {
      toMark.push({ from, to })
    }
    return false
  })
  for (const { from, to } of toMark) tr.addMark(from, to, deleteType.create(attrs))
  for (let i = toRemove.length - 1; i >= 0; i--) tr.delete(toRemove[i]!.from, toRemove[i]!.to)

  const after = tr.mapping.slice(restored)
  let insertAt = after.map(endA, 1)
  const inserted = doc.slice(start, endB).content
  if (inserted.size > 0 && tr.doc.resolve(insertAt).parent.isTextblock) {
    const insertMark = insertType.create(reuseInsertAt(tr.doc, insertAt, isMine) ?? attrs)
    const nodes: Node[] = []
    inserted.forEach((node) => {
      const marks = node.marks.filter((mark) => mark.type !== insertType && mark.type !== deleteType)
      nodes.push(node.mark(insertMark.addToSet(marks)))
    })
    tr.insert(insertAt, Fragment.from(nodes))
    insertAt += inserted.size
    return tr.setSelection(TextSelection.create(tr.doc, insertAt))
  }
  // A deletion: Backspace leaves the cursor before the struck text, Delete after it.
  const { empty, head } = options.baseSelection
  const cursor = empty && head === endA && endA > start ? after.map(start, -1) : after.map(endA, 1)
  return tr.setSelection(Selection.near(tr.doc.resolve(cursor)))
}

/** The attributes of the author's own suggestion touching [from, to], to grow it rather than start another. */
function reuseAdjacent(doc: Node, from: number, to: number, isMine: (mark: Mark | undefined) => boolean): SuggestionAttrs | undefined {
  for (const node of [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]) {
    const mark = node?.marks.find((m) => m.type.name.startsWith('suggestion') && isMine(m))
    if (mark) return mark.attrs as SuggestionAttrs
  }
  return undefined
}

/** The author's own insertion right before or after `pos`. */
function reuseInsertAt(doc: Node, pos: number, isMine: (mark: Mark | undefined) => boolean): SuggestionAttrs | undefined {
  const $pos = doc.resolve(pos)
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = node?.marks.find((m) => m.type.name === 'suggestionInsert' && isMine(m))
    if (mark) return mark.attrs as SuggestionAttrs
  }
  return undefined
}
