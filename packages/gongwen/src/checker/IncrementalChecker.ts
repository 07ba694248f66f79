import type { Block } from '../structure/Block.ts'
import { classifyBlocks, type ClassifiedBlock } from '../structure/classifyBlocks.ts'
import { activeRules, checkBlock, checkWholeDocument, sortFindings, type CheckOptions } from './checkDocument.ts'
import type { Finding } from './Rule.ts'

type CachedFinding = Omit<Finding, 'blockIndex'>

/**
 * The checker for an editor: run it on every change. Block rules depend only on a block's
 * text and role, so their findings are cached under that key and only edited (or
 * re-classified) blocks are checked again; document rules (numbering order, closings) are
 * cheap and always rerun. Same results as `checkDocument`.
 */
export class IncrementalChecker {
  private cache = new Map<string, CachedFinding[]>()
  private optionsKey = ''
  /** Blocks checked afresh by the last `check` (for tests and the benchmark). */
  lastMisses = 0

  check(blocks: Block[], options: CheckOptions): Finding[] {
    const optionsKey = `${options.kind}|${[...(options.disabledRules ?? [])].sort().join(',')}`
    if (optionsKey !== this.optionsKey) {
      this.cache.clear()
      this.optionsKey = optionsKey
    }
    const classified = classifyBlocks(blocks)
    const rules = activeRules(options)
    const next = new Map<string, CachedFinding[]>()
    const findings: Finding[] = []
    this.lastMisses = 0
    for (const block of classified) {
      const key = blockKey(block)
      let cached = next.get(key) ?? this.cache.get(key)
      if (!cached) {
        this.lastMisses++
        cached = checkBlock(block, rules.block, options.kind).map(({ blockIndex: _, ...rest }) => rest)
      }
      next.set(key, cached)
      for (const finding of cached) findings.push({ ...finding, blockIndex: block.index })
    }
    // Keep only what the current document uses, so the cache never outgrows it.
    this.cache = next
    findings.push(...checkWholeDocument(classified, rules.document, options.kind))
    return sortFindings(findings)
  }
}

/** Everything a block rule may look at: role, heading label (derived from text) and text. */
function blockKey(block: ClassifiedBlock): string {
  return `${block.role}\u0000${block.text}`
}
