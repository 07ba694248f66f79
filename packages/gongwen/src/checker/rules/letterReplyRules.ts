import { bodyBlocks, closesWith, onClosing } from '../closingBlocks.ts'
import { findAll, trimmedRange } from '../findAll.ts'
import type { BlockRule, DocumentRule } from '../Rule.ts'

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
  check: ({ blocks }) => (closesWith(blocks, /为盼|盼复|函复|函告|函达|此函|请予支持|请予批准|请予协助|请予研究/) ? [] : onClosing(blocks)),
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
  check: ({ blocks }) => (closesWith(blocks, /此复|特此批复/) ? [] : onClosing(blocks)),
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
    if (body.length < 2 || body.some((b) => /议定|决定|同意|明确|要求|会议认为|会议指出|会议强调|会议通过/.test(b.text))) return []
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

export const letterReplyOpening: DocumentRule = {
  id: 'letter-reply-opening',
  basis: 'practice',
  severity: 'warning',
  kinds: ['letter'],
  scope: 'document',
  message: '复函开头应引述来函的标题和文号，再写“收悉”',
  messageEn: 'A reply letter opens by citing the incoming letter’s title and number, then 收悉',
  check: ({ blocks }) => {
    const title = blocks.filter((b) => b.role === 'title').map((b) => b.text).join('')
    const replying = /复函/.test(title) || closesWith(blocks, /特此函复/)
    const first = bodyBlocks(blocks)[0]
    if (!replying || !first || (/《[^》]+》/.test(first.text) && /收悉/.test(first.text))) return []
    return [{ blockIndex: first.index, ...trimmedRange(first.text) }]
  },
}

export const letterReplyRules = [letterCommandTone, letterClosing, letterReplyOpening, replyOpening, replyClosing, noticeClosing, minutesDecisions, minutesTentative]
