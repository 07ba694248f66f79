import type { DocumentKind } from '@dongbi/schema'
import type { Block } from '../structure/Block.ts'
import { classifyBlocks, type ClassifiedBlock } from '../structure/classifyBlocks.ts'
import type { BlockRule, DocumentRule, Finding, Hit, Rule } from './Rule.ts'
import { allRules, ruleApplies } from './rules/index.ts'

export interface CheckOptions {
  kind: DocumentKind
  /** Rule ids a branch has switched off (only practice rules take effect: see `practiceRuleIds`). */
  disabledRules?: readonly string[]
}

/** The rules that run for `options`, split by scope. */
export function activeRules({ kind, disabledRules = [] }: CheckOptions): { block: BlockRule[]; document: DocumentRule[] } {
  const disabled = new Set(disabledRules)
  const active = allRules.filter((rule) => ruleApplies(rule, kind) && !(rule.basis === 'practice' && disabled.has(rule.id)))
  return {
    block: active.filter((rule): rule is BlockRule => rule.scope === 'block'),
    document: active.filter((rule): rule is DocumentRule => rule.scope === 'document'),
  }
}

export function toFinding(rule: Rule, blockIndex: number, hit: Hit): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    message: hit.message ?? rule.message,
    messageEn: hit.messageEn ?? rule.messageEn,
    blockIndex,
    from: hit.from,
    to: hit.to,
  }
  if (hit.fix) finding.fix = hit.fix
  return finding
}

/** Findings of one block's rules. A rule that throws is a bug, but must never break the editor. */
export function checkBlock(block: ClassifiedBlock, rules: BlockRule[], kind: DocumentKind): Finding[] {
  if (block.role === 'empty') return []
  return rules.flatMap((rule) => {
    try {
      return rule.check({ kind, block }).map((hit) => toFinding(rule, block.index, hit))
    } catch {
      return []
    }
  })
}

export function checkWholeDocument(blocks: ClassifiedBlock[], rules: DocumentRule[], kind: DocumentKind): Finding[] {
  return rules.flatMap((rule) => {
    try {
      return rule.check({ kind, blocks }).map(({ blockIndex, ...hit }) => toFinding(rule, blockIndex, hit))
    } catch {
      return []
    }
  })
}

/** Reading order: by block, then position, errors before warnings. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.blockIndex - b.blockIndex || a.from - b.from || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
}

/**
 * Checks a document given as blocks (`docBlocks(json)` or `textBlocks(text)`) against every
 * rule that applies to its kind.
 *
 * @example
 * checkDocument(textBlocks('X办发[2024]12号\n关于…的通知'), { kind: 'notice' })
 * // → [{ ruleId: 'docnumber-brackets', severity: 'error', blockIndex: 0, from: 3, to: 9, fix: {…} }]
 */
export function checkDocument(blocks: Block[], options: CheckOptions): Finding[] {
  const classified = classifyBlocks(blocks)
  const rules = activeRules(options)
  return sortFindings([...classified.flatMap((block) => checkBlock(block, rules.block, options.kind)), ...checkWholeDocument(classified, rules.document, options.kind)])
}
