import type { DiffOp } from './diffText.ts'

/**
 * The two texts a diff was made from: `before` keeps equal and deleted runs, `after` equal
 * and inserted ones. Applying a diff to its old text is taking its `after`.
 */
export function diffSides(ops: readonly DiffOp[]): { before: string; after: string } {
  let before = ''
  let after = ''
  for (const { op, text } of ops) {
    if (op !== 'insert') before += text
    if (op !== 'delete') after += text
  }
  return { before, after }
}

/** Characters (code points) inserted and deleted by a diff. */
export function diffStats(ops: readonly DiffOp[]): { inserted: number; deleted: number } {
  let inserted = 0
  let deleted = 0
  for (const { op, text } of ops) {
    if (op === 'insert') inserted += [...text].length
    else if (op === 'delete') deleted += [...text].length
  }
  return { inserted, deleted }
}
