import type { DocumentKind } from '@dongbi/schema'
import { closingBlocks, closesWith, onClosing } from '../closingBlocks.ts'
import { findAll, trimmedRange } from '../findAll.ts'
import type { BlockRule, DocumentRule } from '../Rule.ts'

const requestPhrases = /请批示|请批复|请予批准|请审批|请审示|请予审批|请予同意|妥否|当否|可否|是否妥当|请予核拨|请予支持|请指示|请予审定|请审定|请核准|请予核准|请批准/

export const requestClosing: DocumentRule = {
  id: 'request-closing',
  basis: 'practice',
  severity: 'warning',
  kinds: ['request'],
  scope: 'document',
  message: '请示结尾应写明请求批复的结束语，如“妥否，请批示”“请予批准”',
  messageEn: 'A request closes by asking for an answer: 妥否，请批示 / 请予批准',
  check: ({ blocks }) => (closesWith(blocks, requestPhrases) ? [] : onClosing(blocks)),
}

/** 特此X formulas and the kind each belongs to. */
const closingFormulas: [RegExp, DocumentKind][] = [
  [/特此通知/g, 'notice'],
  [/特此报告/g, 'report'],
  [/特此批复|^\s*此复/g, 'reply'],
  [/特此函告|特此函复|特此函达/g, 'letter'],
  [/特此通报/g, 'bulletin'],
]

export const closingMismatch: DocumentRule = {
  id: 'closing-mismatch',
  basis: 'practice',
  severity: 'warning',
  kinds: 'gongwen',
  scope: 'document',
  message: '结束语与文种不符',
  messageEn: 'The closing formula belongs to another document type',
  check: ({ kind, blocks }) =>
    closingBlocks(blocks).flatMap((block) =>
      closingFormulas
        .filter(([, owner]) => owner !== kind)
        .flatMap(([pattern]) =>
          findAll(block.text, pattern).map((hit) => ({
            blockIndex: block.index,
            ...hit,
            message: `“${block.text.slice(hit.from, hit.to).trim()}”不是本文种的结束语`,
            messageEn: `“${block.text.slice(hit.from, hit.to).trim()}” closes another type of document`,
          })),
        ),
    ),
}

/** Matters a request might bundle; two or more in one request break 一文一事. */
const matters: [string, RegExp][] = [
  ['经费', /经费|资金|拨款|款项|预算|补助/],
  ['编制人员', /编制|人员|职数|招聘|岗位/],
  ['用地用房', /用地|土地|场地|用房|房屋/],
  ['车辆', /车辆|用车/],
  ['设备', /设备|器材|电脑/],
]

export const requestOneMatter: DocumentRule = {
  id: 'request-one-matter',
  basis: 'reg',
  clause: '条例 第十五条（四）',
  severity: 'warning',
  kinds: ['request'],
  scope: 'document',
  message: '请示应当一文一事',
  messageEn: 'A request deals with one matter only',
  check: ({ blocks }) => {
    const title = blocks.find((b) => b.role === 'title')
    const asking = blocks.filter((b) => b.role === 'title' || ((b.role === 'body' || b.role === 'heading') && /申请|请求|恳请|请予|拟/.test(b.text)))
    const found = matters.filter(([, pattern]) => asking.some((b) => pattern.test(b.text))).map(([name]) => name)
    const target = title ?? asking[0]
    if (found.length < 2 || !target) return []
    return [
      {
        blockIndex: target.index,
        ...trimmedRange(target.text),
        message: `请示应当一文一事，本文涉及${found.join('、')}等多个事项`,
        messageEn: `A request deals with one matter; this one asks about ${found.length} (${found.join('、')})`,
      },
    ]
  },
}

export const requestSingleAddressee: BlockRule = {
  id: 'request-single-addressee',
  basis: 'reg',
  clause: '条例 第十五条（一）',
  severity: 'warning',
  kinds: ['request'],
  scope: 'block',
  message: '请示原则上只主送一个上级机关',
  messageEn: 'A request is addressed to one superior only',
  check: ({ block }) => (block.role === 'addressee' && /[、，,；;]/.test(block.text) ? [trimmedRange(block.text)] : []),
}

export const hiddenRequest: BlockRule = {
  id: 'hidden-request',
  basis: 'reg',
  clause: '条例 第十五条（四）',
  severity: 'error',
  kinds: ['report', 'notice', 'bulletin', 'opinion', 'minutes'],
  scope: 'block',
  message: '报告等非请示性公文中不得夹带请示事项，请示应另行行文',
  messageEn: 'No requests inside a report or other non-request document: write a separate request',
  check: ({ block }) =>
    block.role === 'body' || block.role === 'heading' ? findAll(block.text, /请批示|请批复|请予批准|妥否|当否|请予同意|恳请批准|请予核拨|请审批|请予审批|请批准/g) : [],
}

export const reportClosing: DocumentRule = {
  id: 'report-closing',
  basis: 'practice',
  severity: 'warning',
  kinds: ['report'],
  scope: 'document',
  message: '报告结尾一般用“特此报告”（或“以上报告，请审阅”）',
  messageEn: 'A report closes with 特此报告 (or 以上报告，请审阅)',
  check: ({ blocks }) => (closesWith(blocks, /特此报告|专此报告|以上报告|请审阅|请审议|请审查/) ? [] : onClosing(blocks)),
}

export const requestReportRules = [requestClosing, closingMismatch, requestOneMatter, requestSingleAddressee, hiddenRequest, reportClosing]
