import { diffSides, type DiffOp, type ThreadDto } from '@dongbi/schema'

/** Whether the feedback of a thread was taken, between the older and the newer text of a diff. */
export type Addressed = 'resolved' | 'changed' | 'open'

export interface AddressedThread {
  thread: ThreadDto
  addressed: Addressed
}

/**
 * Spans of the older text that a diff changed: each deletion, and each insertion as an empty
 * span at its place. Offsets are UTF-16 indices into the older text.
 */
function changedSpans(ops: readonly DiffOp[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  let at = 0
  for (const { op, text } of ops) {
    if (op === 'insert') spans.push({ start: at, end: at })
    else {
      if (op === 'delete') spans.push({ start: at, end: at + text.length })
      at += text.length
    }
  }
  return spans
}

/** Did the diff touch `[start, end)` of the older text? An insertion at either edge does not count. */
function touched(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return spans.some((s) => (s.start === s.end ? s.start > start && s.start < end : s.start < end && s.end > start))
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(needle); at >= 0 && needle; at = text.indexOf(needle, at + 1)) found.push(at)
  return found
}

/**
 * The comment threads that were about the older text of a diff, each classified against the
 * newer text: `resolved` when resolved; `changed` when the text it quotes was edited (any
 * deletion in it, or an insertion inside it); else `open`. A thread was about the older text
 * when it was opened before the newer side existed (`newerTime`; undefined for the live
 * text) and its quote occurs in the older text — comments a mentor makes on a submitted
 * version come after that version but are about it. A quote found several times counts as
 * changed when any occurrence was, since the quote alone cannot tell which one was meant.
 *
 * @example
 * threadsAddressed(threads, diff.ops, { newerTime: diff.to === 'current' ? undefined : diff.to.createdAt })
 */
export function threadsAddressed(threads: readonly ThreadDto[], ops: readonly DiffOp[], { newerTime }: { newerTime?: string } = {}): AddressedThread[] {
  const { before } = diffSides(ops)
  const spans = changedSpans(ops)
  const limit = newerTime ? Date.parse(newerTime) : Infinity
  const result: AddressedThread[] = []
  for (const thread of threads) {
    const inOld = occurrences(before, thread.quote)
    if (Date.parse(thread.createdAt) > limit || inOld.length === 0) continue
    const changed = inOld.some((at) => touched(spans, at, at + thread.quote.length))
    result.push({ thread, addressed: thread.status === 'resolved' ? 'resolved' : changed ? 'changed' : 'open' })
  }
  return result
}
