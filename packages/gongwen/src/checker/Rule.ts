import type { DocumentKind } from '@dongbi/schema'
import type { ClassifiedBlock } from '../structure/classifyBlocks.ts'

/**
 * Where a rule comes from: the 2012《党政机关公文处理工作条例》(`reg`), the standard
 * GB/T 9704-2012 (`std`), or training-material practice (`practice`). Only practice rules
 * may be switched off by a branch, and they only ever warn.
 */
export type RuleBasis = 'reg' | 'std' | 'practice'
export type Severity = 'error' | 'warning'

/**
 * Which documents a rule applies to: every statutory 公文 kind (`gongwen`), every kind
 * (`all`: plain language rules that hold for any formal writing), or a list of kinds.
 */
export type RuleKinds = 'gongwen' | 'all' | readonly DocumentKind[]

/** An unambiguous correction: replace [from, to) of the block's text with `insert`. */
export interface Fix {
  from: number
  to: number
  insert: string
}

/** What a rule reports inside one block; offsets are into the block's text. */
export interface Hit {
  from: number
  to: number
  /** A more specific message than the rule's own, when the rule can say more. */
  message?: string
  messageEn?: string
  fix?: Fix
}

export interface Finding {
  ruleId: string
  severity: Severity
  message: string
  messageEn: string
  blockIndex: number
  from: number
  to: number
  fix?: Fix
}

export interface RuleInfo {
  /** Kebab-case, stable: stored in branch settings. */
  id: string
  basis: RuleBasis
  /** The article or clause, e.g. `GB/T 9704-2012 7.2.4`, when known. */
  clause?: string
  severity: Severity
  kinds: RuleKinds
  /** What is wrong, in Chinese, as the writer reads it. */
  message: string
  messageEn: string
}

export interface BlockContext {
  kind: DocumentKind
  block: ClassifiedBlock
}

export interface DocumentContext {
  kind: DocumentKind
  blocks: ClassifiedBlock[]
}

/**
 * A rule that looks at one block at a time. Its hits depend only on the block's text and
 * role (and the document kind), so the incremental checker caches them per block.
 */
export interface BlockRule extends RuleInfo {
  scope: 'block'
  check(context: BlockContext): Hit[]
}

/** A rule that needs the whole document (numbering order, closing formulas); cheap, rerun every time. */
export interface DocumentRule extends RuleInfo {
  scope: 'document'
  check(context: DocumentContext): (Hit & { blockIndex: number })[]
}

export type Rule = BlockRule | DocumentRule
