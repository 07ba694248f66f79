import { IncrementalChecker } from '@dongbi/gongwen'
import { editorSchema } from '@dongbi/schema'
import { describe, expect, it } from 'vitest'
import { decorateFindings, placeFindings } from './placeFindings.ts'

const schema = editorSchema()
const p = (...content: (string | 'br')[]) => schema.node('paragraph', null, content.map((c) => (c === 'br' ? schema.node('hardBreak') : schema.text(c))))

describe('placeFindings', () => {
  it('puts findings at the document positions of the text they point at, inside lists and after hard breaks', () => {
    const doc = schema.node('doc', null, [
      p('X党委办发[2024]12号'),
      schema.node('heading', { level: 1, textAlign: 'center' }, [schema.text('关于开展学习的通知')]),
      p('各支部:'),
      schema.node('bulletList', null, [schema.node('listItem', null, [p('第一行', 'br', '其它事项')])]),
      p('抄送：市委组织部'),
    ])
    const findings = placeFindings(doc, new IncrementalChecker(), { kind: 'notice', disabledRules: [], english: false })
    expect(findings.map((f) => [f.ruleId, f.text, doc.textBetween(f.from, f.to, '\n', '\n')])).toEqual([
      ['docnumber-brackets', '[2024]', '[2024]'],
      ['addressee-colon', ':', ':'],
      ['word-qita', '其它', '其它'],
      ['cc-final-period', '部', '部'],
    ])
    // Fixes are placed too: replacing the range gives the corrected text.
    const fix = findings[0]!.fix!
    expect(doc.textBetween(fix.from, fix.to)).toBe('[2024]')
    expect(fix.insert).toBe('〔2024〕')
    expect(findings[0]!.message).toBe('发文字号的年份应使用六角括号“〔〕”')
    expect(findings[0]!.basis).toBe('std')
    expect(decorateFindings(doc, findings).find().map((d) => [d.from, d.to])).toEqual(findings.map((f) => [f.from, f.to]))
  })

  it('gives English messages in English and nothing when the kind is off', () => {
    const doc = schema.node('doc', null, [p('关于开展学习的通知'), p('其它事项。')])
    expect(placeFindings(doc, new IncrementalChecker(), { kind: 'notice', disabledRules: [], english: true })[0]!.message).toBe('Write 其他, not 其它')
    expect(placeFindings(doc, new IncrementalChecker(), { kind: null, disabledRules: [], english: false })).toEqual([])
  })
})
