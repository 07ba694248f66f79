import type { DocumentKind } from '@dongbi/schema'
import { trimmedRange } from '../findAll.ts'
import { bodyBlocks, closingBlocks } from '../closingBlocks.ts'
import { findAll } from '../findAll.ts'
import type { BlockRule, DocumentRule } from '../Rule.ts'
import type { ClassifiedBlock } from '../../structure/classifyBlocks.ts'

type DocumentHit = ReturnType<DocumentRule['check']>[number]

/** A hit on the last 正文 paragraph, or nothing when there is no 正文 yet. */
function onClosing(blocks: ClassifiedBlock[], message?: { message: string; messageEn: string }): DocumentHit[] {
  const last = bodyBlocks(blocks).at(-1)
  return last ? [{ blockIndex: last.index, ...trimmedRange(last.text), ...message }] : []
}

const hasAny = (blocks: ClassifiedBlock[], pattern: RegExp) => blocks.some((b) => pattern.test(b.text))

const requestPhrases = /请批示|请批复|请予批准|请审批|请审示|请予审批|请予同意|妥否|当否|可否|是否妥当|请予核拨|请予支持|请指示|请予审定|请审定|请核准|请予核准|请批准/

export const requestClosing: DocumentRule = {
  id: 'request-closing',
  basis: 'practice',
  severity: 'warning',
  kinds: ['request'],
  scope: 'document',
  message: '请示结尾应写明请求批复的结束语，如“妥否，请批示”“请予批准”',
  messageEn: 'A request closes by asking for an answer: 妥否，请批示 / 请予批准',
  check: ({ blocks }) => (hasAny(closingBlocks(blocks), requestPhrases) ? [] : onClosing(blocks)),
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

const commandTone = /请遵照执行|遵照执行|认真贯彻执行|严格执行|务必|必须|不得有误/g

export const letterCommandTone: BlockRule = {
  id: 'letter-command-tone',
  basis: 'practice',
  severity: 'warning',
  kinds: ['letter'],
  scope: 'block',
  message: '函用于不相隶属机关之间，语气应平和，不用“务必”“遵照执行”等指令性用语',
  messageEn: 'A letter goes between organs without a reporting line: no command wording (务必, 遵照执行)',
  check: ({ block }) => (block.role === 'body' || block.role === 'heading' ? findAll(block.text, commandTone) : []),
}

export const letterClosing: DocumentRule = {
  id: 'letter-closing',
  basis: 'practice',
  severity: 'warning',
  kinds: ['letter'],
  scope: 'document',
  message: '函的结尾应有相应结束语，如“请予支持为盼”“盼复”“请函复”“特此函复”“特此函告”',
  messageEn: 'A letter closes with a formula that fits its purpose: 请予支持为盼, 盼复, 请函复, 特此函复, 特此函告',
  check: ({ blocks }) => (hasAny(closingBlocks(blocks), /为盼|盼复|函复|函告|函达|此函|请予支持|请予批准|请予协助|请予研究/) ? [] : onClosing(blocks)),
}

export const replyOpening: DocumentRule = {
  id: 'reply-opening',
  basis: 'practice',
  severity: 'warning',
  kinds: ['reply'],
  scope: 'document',
  message: '批复开头应引述来文：《…的请示》（…〔2024〕…号）收悉',
  messageEn: 'A reply opens by citing the request: 《…的请示》（…〔2024〕…号）收悉',
  check: ({ blocks }) => {
    const first = bodyBlocks(blocks)[0]
    if (!first || (/《[^》]*请示》/.test(first.text) && /收悉/.test(first.text))) return []
    return [{ blockIndex: first.index, ...trimmedRange(first.text) }]
  },
}

export const replyClosing: DocumentRule = {
  id: 'reply-closing',
  basis: 'practice',
  severity: 'warning',
  kinds: ['reply'],
  scope: 'document',
  message: '批复结尾一般用“此复”或“特此批复”',
  messageEn: 'A reply closes with 此复 or 特此批复',
  check: ({ blocks }) => (hasAny(closingBlocks(blocks), /此复|特此批复/) ? [] : onClosing(blocks)),
}

export const noticeClosing: DocumentRule = {
  id: 'notice-closing',
  basis: 'practice',
  severity: 'warning',
  kinds: ['notice'],
  scope: 'document',
  message: '“特此通知”是结束语，应放在正文最后',
  messageEn: '特此通知 closes the notice: it comes last in the body',
  check: ({ blocks }) => {
    const body = bodyBlocks(blocks)
    return body.slice(0, -1).flatMap((block) => findAll(block.text, /特此通知/g).map((hit) => ({ blockIndex: block.index, ...hit })))
  },
}

export const minutesDecisions: DocumentRule = {
  id: 'minutes-decisions',
  basis: 'practice',
  severity: 'warning',
  kinds: ['minutes'],
  scope: 'document',
  message: '纪要应写明会议议定事项（“会议议定”“会议决定”“会议同意”等）',
  messageEn: 'Minutes record what the meeting agreed (会议议定, 会议决定, 会议同意, …)',
  check: ({ blocks }) => {
    const body = bodyBlocks(blocks)
    if (body.length < 2 || hasAny(body, /议定|决定|同意|明确|要求|会议认为|会议指出|会议强调|会议通过/)) return []
    return [{ blockIndex: body[0]!.index, ...trimmedRange(body[0]!.text) }]
  },
}

export const minutesTentative: BlockRule = {
  id: 'minutes-tentative-decision',
  basis: 'practice',
  severity: 'warning',
  kinds: ['minutes'],
  scope: 'block',
  message: '纪要应如实记录：讨论、建议事项不写成“决定”，已议定事项不写成“建议”',
  messageEn: 'Record faithfully: what was discussed or suggested is not written up as decided',
  check: ({ block }) => (block.role === 'body' || block.role === 'heading' ? findAll(block.text, /建议决定|讨论并?建议.{0,6}决定|初步决定|拟决定|建议议定/g) : []),
}

export const typeRules = [
  requestClosing,
  closingMismatch,
  requestOneMatter,
  requestSingleAddressee,
  hiddenRequest,
  letterCommandTone,
  letterClosing,
  replyOpening,
  replyClosing,
  noticeClosing,
  minutesDecisions,
  minutesTentative,
]
