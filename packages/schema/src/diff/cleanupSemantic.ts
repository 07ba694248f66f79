import type { DiffOp } from './diffText.ts'

/** Between two equal runs: everything deleted and everything inserted there. */
interface Edit {
  deleted: string
  inserted: string
}

const length = (text: string) => [...text].length

/**
 * Makes a minimal diff readable: an equal run no longer than the edits on both sides of it
 * (e.g. the single 要 in 我们要认真 → 大家要深入) is folded into them, so a reader sees one
 * replaced phrase instead of a comb of one-character edits. The spirit of diff-match-patch's
 * `diff_cleanupSemantic`, without its boundary shifting. Both texts of the diff are kept.
 */
export function cleanupSemantic(ops: readonly DiffOp[]): DiffOp[] {
  const runs: (string | Edit)[] = []
  for (const { op, text } of ops) {
    const last = runs[runs.length - 1]
    if (op === 'equal') {
      if (typeof last === 'string') runs[runs.length - 1] = last + text
      else runs.push(text)
    } else {
      const edit = typeof last === 'object' ? last : (runs[runs.push({ deleted: '', inserted: '' }) - 1] as Edit)
      if (op === 'delete') edit.deleted += text
      else edit.inserted += text
    }
  }
  for (let changed = true; changed; ) {
    changed = false
    for (let i = 1; i + 1 < runs.length; i++) {
      const [before, equal, after] = [runs[i - 1], runs[i], runs[i + 1]]
      if (typeof equal !== 'string' || typeof before !== 'object' || typeof after !== 'object') continue
      const size = length(equal)
      if (size > Math.max(length(before.deleted), length(before.inserted)) || size > Math.max(length(after.deleted), length(after.inserted))) continue
      before.deleted += equal + after.deleted
      before.inserted += equal + after.inserted
      runs.splice(i, 2)
      changed = true
      i--
    }
  }
  const out: DiffOp[] = []
  for (const run of runs) {
    if (typeof run === 'string') out.push({ op: 'equal', text: run })
    else {
      if (run.deleted) out.push({ op: 'delete', text: run.deleted })
      if (run.inserted) out.push({ op: 'insert', text: run.inserted })
    }
  }
  return out
}
