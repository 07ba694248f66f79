import { documentKindInfo, documentKinds, type DocumentKind } from '@dongbi/schema'

/** The fifteen statutory 文种 (条例 art. 8), longest first so 会议纪要 wins over 纪要. */
export const statutoryTypeNames = ['会议纪要', '决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '纪要', '令', '函'] as const

/** The 文种 names a title of each statutory kind may end with. */
export const titleEndings: Partial<Record<DocumentKind, readonly string[]>> = {
  notice: ['通知'],
  request: ['请示'],
  report: ['报告'],
  letter: ['函'],
  minutes: ['纪要'],
  reply: ['批复'],
  bulletin: ['通报'],
  opinion: ['意见'],
}

/** Non-statutory forms recognisable from a title's last words. */
const everydayEndings: [string, DocumentKind][] = [
  ['工作总结', 'summary'],
  ['总结', 'summary'],
  ['讲话', 'speech'],
  ['讲话稿', 'speech'],
  ['心得体会', 'reflection'],
  ['学习笔记', 'study-notes'],
  ['工作方案', 'work-plan'],
  ['实施方案', 'work-plan'],
  ['承诺书', 'pledge'],
]

/** The 文种 a title ends with, if any (trailing punctuation ignored). */
export function titleTypeName(title: string): string | undefined {
  const text = title.trim().replace(/[。.，,；;！!]+$/, '')
  return statutoryTypeNames.find((name) => text.endsWith(name))
}

/**
 * The document kind a title announces: 关于…的通知 → notice, …的讲话 → speech. `undefined`
 * when the title names no kind the checker knows.
 */
export function guessKind(title: string): DocumentKind | undefined {
  const text = title.trim().replace(/[。.，,；;！!]+$/, '')
  if (/调研报告$/.test(text)) return undefined
  for (const [kind, endings] of Object.entries(titleEndings) as [DocumentKind, readonly string[]][]) {
    if (endings.some((ending) => text.endsWith(ending))) return kind
  }
  return everydayEndings.find(([ending]) => text.endsWith(ending))?.[1]
}

/**
 * Kinds written with 公文 structure: the statutory types plus the everyday forms that borrow
 * their heading levels (工作总结, 讲话稿, 工作方案, 学习笔记). Numbering rules apply to these;
 * a 心得体会, a pledge, a journal entry or free writing number as they like.
 */
export const formalKinds: readonly DocumentKind[] = documentKinds.filter((kind) => documentKindInfo[kind].gongwen || ['summary', 'speech', 'work-plan', 'study-notes'].includes(kind))
