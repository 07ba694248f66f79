import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { textBlocks } from '../structure/docBlocks.ts'
import { checkDocument } from './checkDocument.ts'
import { IncrementalChecker } from './IncrementalChecker.ts'
import { guessKind } from './kindNames.ts'
import { standardDate } from './parseDate.ts'

const speech = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../tests/fixtures/seed-speech-zh.txt'), 'utf8')

const cleanNotice = `X党委办发〔2024〕12号
关于开展学习教育月活动的通知
各支部：
根据《关于加强机关党建工作的意见》（X党发〔2024〕3号）要求，经研究，决定于2024年3月开展学习教育月活动。现将有关事项通知如下。
一、活动时间
2024年3月1日至31日。
（一）集中学习
各支部每周组织一次集中学习。
1.学习内容
（1）原文原著
（2）辅导读物
2.学习形式
（二）交流研讨
二、工作要求
各支部要高度重视，其他事项另行通知。
特此通知。
附件：1.学习书目
2.活动安排表
X党委办公室
2024年3月5日
抄送：市委组织部，市委宣传部。
X党委办公室 2024年3月5日印发`

describe('checkDocument', () => {
  it('finds nothing wrong in a well-formed 通知', () => {
    expect(checkDocument(textBlocks(cleanNotice), { kind: 'notice' })).toEqual([])
  })

  it('finds no 公文 errors in the sample speech checked as a 讲话稿, and at most a few warnings', () => {
    const findings = checkDocument(textBlocks(speech), { kind: 'speech' })
    expect(findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(findings.length).toBeLessThanOrEqual(3)
  })

  it('runs no 公文 rules on a free document, only the language rules', () => {
    const text = cleanNotice.replace('〔2024〕12号', '[2024]12号').replace('其他', '其它')
    expect(checkDocument(textBlocks(text), { kind: 'free' }).map((f) => f.ruleId)).toEqual(['word-qita'])
    expect(checkDocument(textBlocks(text), { kind: 'notice' }).map((f) => f.ruleId)).toEqual(['docnumber-brackets', 'word-qita'])
  })

  it('lists findings in reading order with offsets inside their block', () => {
    const messy = cleanNotice.replace('〔2024〕12号', '[2024]第012号').replace('各支部：', '各支部:').replace('一、活动时间', '一.活动时间').replace('2024年3月5日\n抄送', '2024-03-05\n抄送')
    const blocks = textBlocks(messy)
    const findings = checkDocument(blocks, { kind: 'notice' })
    expect(findings.map((f) => f.ruleId)).toEqual(['docnumber-brackets', 'docnumber-no-di-zi', 'docnumber-padding', 'addressee-colon', 'heading-label', 'date-format'])
    expect(findings.map((f) => blocks[f.blockIndex]!.text.slice(f.from, f.to))).toEqual(['[2024]', '第', '012', ':', '一.', '2024-03-05'])
  })

  it('ignores disabled rules only when they are practice rules', () => {
    const text = cleanNotice.replace('其他', '其它').replace('〔2024〕12号', '[2024]12号')
    const ids = checkDocument(textBlocks(text), { kind: 'notice', disabledRules: ['word-qita', 'docnumber-brackets'] }).map((f) => f.ruleId)
    expect(ids).toEqual(['docnumber-brackets'])
  })
})

/** mulberry32: small seeded generator so a failing sequence can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('IncrementalChecker', () => {
  it('gives the same findings as checkDocument through random edits, checking only changed blocks', () => {
    const seed = Number(process.env.CHECKER_SEED ?? Date.now() % 100000)
    console.log(`IncrementalChecker random edits, seed ${seed} (CHECKER_SEED=${seed} to replay)`)
    const next = random(seed)
    const pieces = ['其它', '[', '〕', '一.', '（一）', '1、', '截止2024年', ':', '。', '\n', '妥否，请批示', '特此通知', '2024-03-05', '字']
    let text = cleanNotice
    const checker = new IncrementalChecker()
    checker.check(textBlocks(text), { kind: 'notice' })
    for (let step = 0; step < 300; step++) {
      const at = Math.floor(next() * (text.length + 1))
      if (next() < 0.3 && text.length > 0) text = text.slice(0, at) + text.slice(at + 1)
      else text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at)
      const incremental = checker.check(textBlocks(text), { kind: 'notice' })
      expect(incremental, `step ${step}`).toEqual(checkDocument(textBlocks(text), { kind: 'notice' }))
    }
    // An edit inside one body paragraph rechecks that paragraph only.
    const before = textBlocks(text)
    checker.check(before, { kind: 'notice' })
    const bodyIndex = text.split('\n').findIndex((line) => line.length > 30)
    const edited = before.map((b) => (b.index === bodyIndex ? { ...b, text: b.text + '其它' } : b))
    checker.check(edited, { kind: 'notice' })
    expect(checker.lastMisses).toBe(1)
  })
})

describe('guessKind', () => {
  it.each([
    ['关于开展学习教育月活动的通知', 'notice'],
    ['关于申请学习经费的请示', 'request'],
    ['关于商请支持的函', 'letter'],
    ['学习教育月工作会议纪要', 'minutes'],
    ['在2024年学习教育月活动动员会上的讲话', 'speech'],
    ['2024年上半年工作总结', 'summary'],
    ['关于农村养老的调研报告', undefined],
    ['春天', undefined],
  ])('%s → %s', (title, kind) => {
    expect(guessKind(title)).toBe(kind)
  })
})

describe('standardDate', () => {
  it.each([
    ['2024年03月05日', '2024年3月5日'],
    ['二〇二四年十二月三十一日', '2024年12月31日'],
    ['2024-3-5', '2024年3月5日'],
    ['2024/03/05', '2024年3月5日'],
    ['2024年2月40日', undefined],
    ['明天', undefined],
  ])('%s → %s', (text, expected) => {
    expect(standardDate(text)).toBe(expected)
  })
})
