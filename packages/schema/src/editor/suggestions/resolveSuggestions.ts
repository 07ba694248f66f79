import type { Mark, Node } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'

export interface ResolveSuggestionsOptions {
  /** Accept (insertions stay, deletions go) or reject (insertions go, deletions stay). */
  accept: boolean
  /** Only suggestions whose mark passes; default: all of them. */
  only?: (mark: Mark) => boolean
}

/**
 * Accepts or rejects suggestions on a transform (or an editor transaction): the mark is
 * removed from text that stays, and text that goes is deleted. Returns the transform.
 */
export function resolveSuggestions<T extends Transform>(tr: T, options: ResolveSuggestionsOptions): T {
  const only = options.only ?? (() => true)
  const goes = options.accept ? 'suggestionDelete' : 'suggestionInsert'
  const stays = options.accept ? 'suggestionInsert' : 'suggestionDelete'
  const removed: { from: number; to: number }[] = []
  const unmarked: { from: number; to: number; mark: Mark }[] = []
  tr.doc.descendants((node, pos) => {
    if (!node.isInline) return true
    for (const mark of node.marks) {
      if (!only(mark)) continue
      if (mark.type.name === goes) removed.push({ from: pos, to: pos + node.nodeSize })
      if (mark.type.name === stays) unmarked.push({ from: pos, to: pos + node.nodeSize, mark })
    }
    return false
  })
  for (const { from, to, mark } of unmarked) tr.removeMark(from, to, mark)
  for (let i = removed.length - 1; i >= 0; i--) tr.delete(removed[i]!.from, removed[i]!.to)
  return tr
}

/** A copy of `doc` with its suggestions (or those passing `only`) accepted or rejected. */
export function resolveSuggestionsIn(doc: Node, options: ResolveSuggestionsOptions): Node {
  return resolveSuggestions(new Transform(doc), options).doc
}
