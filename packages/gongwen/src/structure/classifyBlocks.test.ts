import { describe, expect, it } from 'vitest'
import { classifyBlocks } from './classifyBlocks.ts'
import { textBlocks } from './docBlocks.ts'
import { headingLabel } from './headingLabel.ts'

const notice = `X党委办发〔2024〕12号
关于开展学习教育月活动的通知
各支部：
为深入学习贯彻党的创新理论，现就有关事项通知如下。
一、活动时间
2024年3月1日至31日。
（一）集中学习
各支部每周组织一次集中学习。
1.学习内容
（1）原文原著
二、工作要求
特此通知。
附件：1.学习书目
2.活动安排表
X党委办公室
2024年3月5日
抄送：市委组织部。
X党委办公室 2024年3月5日印发`

describe('classifyBlocks', () => {
  it('finds every element of a plain-text 通知', () => {
    const roles = classifyBlocks(textBlocks(notice)).map((b) => `${b.role}${b.heading ? b.heading.level : ''}`)
    expect(roles).toEqual([
      'docNumber',
      'title',
      'addressee',
      'body',
      'heading1',
      'body',
      'heading2',
      'body',
      'heading3',
      'heading4',
      'heading1',
      'body',
      'attachment',
      'attachment',
      'signature',
      'date',
      'cc',
      'issuance',
    ])
  })

  it('takes a centred heading as the title and right-aligned lines as 落款 in an editor document', () => {
    const blocks = classifyBlocks([
      { index: 0, text: '关于申请经费的请示', nodeType: 'heading', level: 1, align: 'center' },
      { index: 1, text: '市委：', nodeType: 'paragraph', align: null },
      { index: 2, text: '现申请学习经费。妥否，请批示。', nodeType: 'paragraph', align: null },
      { index: 3, text: '', nodeType: 'paragraph', align: null },
      { index: 4, text: 'X支部', nodeType: 'paragraph', align: 'right' },
      { index: 5, text: '2024年3月5日', nodeType: 'paragraph', align: 'right' },
    ])
    expect(blocks.map((b) => b.role)).toEqual(['title', 'addressee', 'body', 'empty', 'signature', 'date'])
  })

  it('takes 签发人 beside or below the 发文字号 as part of it, and skips a typed page number at the end', () => {
    const roles = (text: string) => classifyBlocks(textBlocks(text)).map((b) => b.role)
    expect(roles('X支发〔2024〕3号    签发人：张三\n关于申请经费的请示\n市委：\n妥否，请批示。\nX支部\n2024年3月5日\n- 1 -')).toEqual([
      'docNumber',
      'title',
      'addressee',
      'body',
      'signature',
      'date',
      'body',
    ])
    expect(roles('X支发〔2024〕3号\n签发人：张三\n关于申请经费的请示')).toEqual(['docNumber', 'docNumber', 'title'])
    // Without a title in the text (only in the document's name), the 主送 line comes first.
    expect(roles('各支部：\n现将有关事项通知如下。\n特此通知。')).toEqual(['addressee', 'body', 'body'])
    expect(roles('为深入学习贯彻党的创新理论，现通知如下。\n特此通知。')).toEqual(['body', 'body'])
    // A 纪要's opening sentence ends with a colon too, but it is not a 主送 line.
    expect(roles('工作推进会会议纪要\n3月15日，机关党委召开推进会。现将议定事项纪要如下：\n一、会议议定，3月底前完成学习。')).toEqual(['title', 'body', 'heading'])
  })

  it('leaves running prose as body and never throws on odd input', () => {
    const prose = '同志们：今天我们召开动员会。'.repeat(20)
    expect(classifyBlocks(textBlocks(prose)).map((b) => b.role)).toEqual(['body'])
    expect(classifyBlocks([])).toEqual([])
    expect(classifyBlocks(textBlocks('\n\n')).every((b) => b.role === 'empty')).toBe(true)
  })
})

describe('headingLabel', () => {
  it.each([
    ['一、总体要求', 1, '一、', true],
    ['十二、其他', 1, '十二、', true],
    ['一.总体要求', 1, '一、', false],
    ['一，总体要求', 1, '一、', false],
    ['（一）主要任务', 2, '（一）', true],
    ['(一)主要任务', 2, '（一）', false],
    ['（一）、主要任务', 2, '（一）', false],
    ['1.学习内容', 3, '1.', true],
    ['1、学习内容', 3, '1.', false],
    ['1．学习内容', 3, '1.', false],
    ['（1）原文', 4, '（1）', true],
    ['(1)原文', 4, '（1）', false],
  ])('%s is level %i, written %s', (text, level, expected, canonical) => {
    expect(headingLabel(text)).toMatchObject({ level, expected, canonical })
  })

  it.each(['1.5亿元资金', '2024年3月', '一些同志', '十分重要'])('%s is not a heading', (text) => {
    expect(headingLabel(text)).toBeUndefined()
  })
})
