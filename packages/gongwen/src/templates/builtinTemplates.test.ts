import { documentKindInfo, documentKinds, editorSchema } from '@dongbi/schema'
import { describe, expect, it } from 'vitest'
import { classifyBlocks } from '../structure/classifyBlocks.ts'
import { docBlocks } from '../structure/docBlocks.ts'
import { builtinTemplates } from './builtinTemplates.ts'
import { chineseDate, fillTemplateBody } from './fillTemplateBody.ts'
import { datePlaceholder } from './Template.ts'

const day = new Date('2024-03-05T02:00:00Z')

function roles(id: string) {
  const template = builtinTemplates.find((t) => t.id === id)!
  return classifyBlocks(docBlocks(fillTemplateBody(template.body, day) as unknown as Parameters<typeof docBlocks>[0]))
}

function textOf(id: string, role: string): string[] {
  return roles(id)
    .filter((b) => b.role === role)
    .map((b) => b.text)
}

describe('built-in templates', () => {
  it('cover every kind but free, once each, with unique ids', () => {
    const kinds = builtinTemplates.map((t) => t.kind).sort()
    expect(kinds).toEqual(documentKinds.filter((k) => k !== 'free').sort())
    expect(new Set(builtinTemplates.map((t) => t.id)).size).toBe(builtinTemplates.length)
  })

  it.each(builtinTemplates.map((t) => [t.id, t] as const))('%s is a valid editor document with its name, title and guidance', (_, template) => {
    const node = editorSchema().nodeFromJSON(fillTemplateBody(template.body, day))
    node.check()
    expect(node.textContent).toContain('〖')
    expect(node.textContent).not.toContain(datePlaceholder)
    expect(template.name).toBe(documentKindInfo[template.kind].zh)
    expect(template.description.length).toBeGreaterThan(5)
  })

  it.each(builtinTemplates.filter((t) => documentKindInfo[t.kind].gongwen && t.kind !== 'minutes').map((t) => [t.id]))(
    '公文 %s has a title, 主送机关, 署名, 成文日期 the classifier finds',
    (id) => {
      expect(textOf(id, 'title')).toHaveLength(1)
      expect(textOf(id, 'addressee')[0]).toMatch(/：$/)
      expect(textOf(id, 'signature')).toHaveLength(1)
      expect(textOf(id, 'date')).toEqual(['2024年3月5日'])
      if (id !== 'letter' && id !== 'bulletin') expect(roles(id).some((b) => b.role === 'heading')).toBe(true)
    },
  )

  it.each([
    ['notice', '特此通知。'],
    ['request', '妥否，请批示。'],
    ['report', '特此报告。'],
    ['letter', '请予函复。'],
    ['reply', '此复。'],
    ['bulletin', '特此通报。'],
  ])('%s closes with %s', (id, phrase) => {
    const body = roles(id).filter((b) => b.role === 'body' || b.role === 'heading')
    expect(body.at(-1)!.text).toBe(phrase)
  })

  it('a 请示 has one 主送机关 and no 抄送; a 报告 asks for nothing', () => {
    expect(textOf('request', 'cc')).toEqual([])
    const report = roles('report').map((b) => b.text).join('\n')
    expect(report).not.toMatch(/请批示|请批复|请予批准|妥否|当否/)
  })

  it('a 批复 opens by citing the 请示 with its 文号 and 收悉', () => {
    const opening = roles('reply').find((b) => b.role === 'body')!.text
    expect(opening).toMatch(/^你单位《关于.*的请示》（.*〔2024〕.*号）收悉。/)
  })

  it('a 纪要 lists 出席／请假／列席', () => {
    expect(textOf('minutes', 'attendance').map((t) => t.slice(0, 3))).toEqual(['出席：', '请假：', '列席：'])
    expect(textOf('minutes', 'title')).toEqual(['〖会议名称〗纪要'])
  })

  it('公文 carry 附件说明 and 抄送 where they apply, with full-width colons', () => {
    expect(textOf('notice', 'attachment')[0]).toMatch(/^附件：/)
    expect(textOf('notice', 'cc')[0]).toMatch(/^抄送：.*。$/)
    expect(textOf('letter', 'cc')).toHaveLength(1)
  })

  it('heading labels are written the GB/T 9704 way, in order', () => {
    for (const template of builtinTemplates) {
      const labels = roles(template.id).flatMap((b) => (b.heading ? [b.heading] : []))
      for (const label of labels) expect(label.canonical, `${template.id}: ${label.label}`).toBe(true)
    }
    const opinion = roles('opinion').flatMap((b) => (b.heading ? [b.heading.level] : []))
    expect(opinion).toEqual([1, 1, 2, 3, 4, 2, 1])
  })

  it('everyday forms have a title and, where they are signed, a date', () => {
    expect(textOf('speech', 'addressee')).toEqual(['同志们：'])
    for (const id of ['summary', 'reflection', 'work-plan', 'pledge']) {
      expect(textOf(id, 'title'), id).toHaveLength(1)
      expect(textOf(id, 'date'), id).toEqual(['2024年3月5日'])
    }
    expect(textOf('pledge', 'signature')).toEqual(['承诺人：〖签名〗'])
  })
})

describe('chineseDate', () => {
  it('writes the day in China without padding', () => {
    expect(chineseDate(new Date('2024-03-04T17:00:00Z'))).toBe('2024年3月5日')
    expect(chineseDate(new Date('2024-12-31T03:00:00Z'))).toBe('2024年12月31日')
  })
})
