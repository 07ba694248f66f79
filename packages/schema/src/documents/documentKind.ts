import { z } from 'zod'

/**
 * What a piece of writing is. The eight 公文 types members practise most (GB/T 9704 layout,
 * the format checker's 公文 rules), the everyday non-statutory forms, journal entries, and
 * `free` for anything else. Stored on the document; templates, assignments, search filters
 * and export all key on it.
 */
export const documentKinds = [
  'free',
  'notice',
  'request',
  'report',
  'letter',
  'minutes',
  'reply',
  'bulletin',
  'opinion',
  'summary',
  'speech',
  'reflection',
  'study-notes',
  'work-plan',
  'pledge',
  'journal',
] as const

export const documentKind = z.enum(documentKinds).describe('What the writing is: a 公文 type, an everyday form, a journal entry, or free')
export type DocumentKind = z.infer<typeof documentKind>

export interface DocumentKindInfo {
  /** The Chinese name, e.g. 通知. */
  zh: string
  en: string
  /** A statutory 公文 type (条例 art. 8): laid out per GB/T 9704 and checked by the 公文 rules. */
  gongwen: boolean
}

export const documentKindInfo: Record<DocumentKind, DocumentKindInfo> = {
  free: { zh: '文档', en: 'Document', gongwen: false },
  notice: { zh: '通知', en: 'Notice', gongwen: true },
  request: { zh: '请示', en: 'Request for instructions', gongwen: true },
  report: { zh: '报告', en: 'Report', gongwen: true },
  letter: { zh: '函', en: 'Letter', gongwen: true },
  minutes: { zh: '纪要', en: 'Minutes', gongwen: true },
  reply: { zh: '批复', en: 'Official reply', gongwen: true },
  bulletin: { zh: '通报', en: 'Circular', gongwen: true },
  opinion: { zh: '意见', en: 'Opinions', gongwen: true },
  summary: { zh: '工作总结', en: 'Work summary', gongwen: false },
  speech: { zh: '讲话稿', en: 'Speech', gongwen: false },
  reflection: { zh: '心得体会', en: 'Reflection', gongwen: false },
  'study-notes': { zh: '学习笔记', en: 'Study notes', gongwen: false },
  'work-plan': { zh: '工作方案', en: 'Work plan', gongwen: false },
  pledge: { zh: '承诺书', en: 'Pledge', gongwen: false },
  journal: { zh: '学习日志', en: 'Journal entry', gongwen: false },
}
