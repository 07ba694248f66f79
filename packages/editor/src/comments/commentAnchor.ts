import type { AnchorDto } from '@dongbi/schema'
import type { EditorState } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

interface SyncState {
  doc: Y.Doc
  type: Y.XmlFragment
  binding: { mapping: Map<unknown, unknown> }
}

function syncState(state: EditorState): SyncState | undefined {
  return ySyncPluginKey.getState(state) as SyncState | undefined
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/** Moves a range's ends inside text: the start onto the first character, the end after the last. */
function tighten(state: EditorState, from: number, to: number): { from: number; to: number } | undefined {
  const text = state.doc.textBetween(from, to, '\n', '\n')
  if (!text.trim()) return undefined
  while (from < to && !state.doc.resolve(from).parent.isTextblock) from++
  while (from < to && state.doc.resolve(from).parentOffset === state.doc.resolve(from).parent.content.size) from++
  while (to > from && state.doc.resolve(to).parentOffset === 0) to--
  return from < to ? { from, to } : undefined
}

/**
 * An anchor for the range from–to, made of two Yjs relative positions: the start sticks to
 * the first character (typing just before the range stays outside) and the end to the last
 * (typing just after stays outside). Yjs follows them through concurrent edits, paragraph
 * splits and joins, and undo/redo (which re-creates deleted text as "redone" items).
 */
export function anchorFromRange(state: EditorState, from: number, to: number): { anchor: AnchorDto; quote: string } | undefined {
  const sync = syncState(state)
  const range = tighten(state, from, to)
  if (!sync || !range) return undefined
  // y-tiptap makes left-associated positions: at `from + 1` that is the first character.
  const start = absolutePositionToRelativePosition(range.from + 1, sync.type, sync.binding.mapping as never)
  start.assoc = 0
  const end = absolutePositionToRelativePosition(range.to, sync.type, sync.binding.mapping as never)
  return {
    anchor: { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) },
    quote: state.doc.textBetween(range.from, range.to, '\n', '\n').slice(0, 2000),
  }
}

/**
 * How far from where its characters were a moved quote is still recognised: a split or join
 * moves it by the length of the text moved with it; a single character ("的") gets a
 * tighter window, being so common.
 */
const searchWindow = (quote: string) => (Array.from(quote).length < 2 ? 20 : 60)

/**
 * Finds `quote` near `around`. Splitting or joining a paragraph re-creates the moved text
 * in Yjs (new characters), so ids alone lose it; the same words a position or two away are
 * the same text.
 */
function findQuoteNear(state: EditorState, quote: string, around: number): { from: number; to: number } | undefined {
  const reach = searchWindow(quote)
  const chars: number[] = []
  let text = ''
  const lo = Math.max(0, around - reach - quote.length)
  const hi = Math.min(state.doc.content.size, around + reach + quote.length)
  state.doc.nodesBetween(lo, hi, (node, pos) => {
    if (node.isTextblock && text.length > 0) {
      text += '\n'
      chars.push(-1)
    }
    if (!node.isText) return true
    for (let i = 0; i < node.text!.length; i++) {
      text += node.text![i]
      chars.push(pos + i)
    }
    return false
  })
  let best: { from: number; to: number } | undefined
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const from = chars[at]!
    const to = chars[at + quote.length - 1]! + 1
    if (Math.abs(from - around) > reach) continue
    if (!best || Math.abs(from - around) < Math.abs(best.from - around)) best = { from, to }
  }
  return best
}

/**
 * Where an anchor is now, in editor positions; undefined when its text is gone (every
 * character deleted) or the anchor cannot be read. `quote` lets an anchor whose characters
 * were re-created by a paragraph split or join find its text again.
 */
export function resolveAnchor(state: EditorState, anchor: AnchorDto, quote?: string): { from: number; to: number } | undefined {
  const sync = syncState(state)
  if (!sync) return undefined
  try {
    const start = Y.decodeRelativePosition(fromBase64(anchor.start))
    const end = Y.decodeRelativePosition(fromBase64(anchor.end))
    const mapping = sync.binding.mapping as never
    const from = relativePositionToAbsolutePosition(sync.doc, sync.type, start, mapping)
    const to = relativePositionToAbsolutePosition(sync.doc, sync.type, end, mapping)
    if (from === null || to === null) return undefined
    if (to <= from) return quote ? findQuoteNear(state, quote, from) : undefined
    return { from, to }
  } catch {
    return undefined
  }
}
