import { describe, expect, it } from 'vitest'
import { textBlocks } from '../../structure/docBlocks.ts'
import { applyFix } from '../applyFix.ts'
import { checkDocument } from '../checkDocument.ts'
import { allRules } from './index.ts'
import { ruleCases } from './ruleCases.ts'

describe('every rule', () => {
  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s has examples that trigger it and examples that do not', (id) => {
    expect(ruleCases.some((c) => c.rule === id && c.hit)).toBe(true)
    expect(ruleCases.some((c) => c.rule === id && !c.hit)).toBe(true)
  })

  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s: practice rules warn, ids are kebab-case, messages in both languages', (_, rule) => {
    expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
    if (rule.basis === 'practice') expect(rule.severity).toBe('warning')
    expect(rule.message).toMatch(/[\u4e00-\u9fff]/)
    expect(rule.messageEn).toMatch(/[a-z]/)
  })

  it('has unique ids', () => {
    expect(new Set(allRules.map((r) => r.id)).size).toBe(allRules.length)
  })
})

describe.each(ruleCases.map((c, i) => [`${c.rule} #${i} (${c.hit ? 'hit' : 'miss'})`, c] as const))('%s', (_, c) => {
  const blocks = textBlocks(c.text)
  const findings = checkDocument(blocks, { kind: c.kind }).filter((f) => f.ruleId === c.rule)

  it(c.hit ? 'triggers' : 'does not trigger', () => {
    expect(findings.length > 0, JSON.stringify({ text: c.text, findings })).toBe(c.hit)
    for (const f of findings) {
      const text = blocks[f.blockIndex]!.text
      expect(f.from).toBeGreaterThanOrEqual(0)
      expect(f.to).toBeLessThanOrEqual(text.length)
      expect(f.from).toBeLessThanOrEqual(f.to)
    }
  })

  if (c.fixed !== undefined) {
    it(c.fixed === null ? 'offers no fix' : `fixes to ${c.fixed}`, () => {
      const first = findings[0]!
      if (c.fixed === null) return expect(first.fix).toBeUndefined()
      expect(first.fix).toBeDefined()
      expect(applyFix(blocks[first.blockIndex]!.text, first.fix!)).toBe(c.fixed)
    })
  }

  if (c.hit) {
    it('can be switched off only when it is a practice rule', () => {
      const rule = allRules.find((r) => r.id === c.rule)!
      const left = checkDocument(blocks, { kind: c.kind, disabledRules: [c.rule] }).filter((f) => f.ruleId === c.rule)
      expect(left.length === 0).toBe(rule.basis === 'practice')
    })
  }
})
