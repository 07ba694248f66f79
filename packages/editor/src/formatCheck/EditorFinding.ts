import type { Finding, RuleBasis } from '@dongbi/gongwen'

/**
 * A checker finding placed in the live editor document: `from`/`to` (and the fix's) are
 * ProseMirror positions; `text` is what it points at.
 */
export interface EditorFinding extends Omit<Finding, 'from' | 'to' | 'fix'> {
  /** Stable within one check: rule, block and offset. */
  key: string
  from: number
  to: number
  text: string
  /** Where the rule comes from: 条例, GB/T 9704, or practice (which a branch may switch off). */
  basis: RuleBasis
  fix?: { from: number; to: number; insert: string }
}

/** What `dongbi-format-check` carries. */
export interface FormatCheckDetail {
  findings: EditorFinding[]
  errors: number
  warnings: number
}
