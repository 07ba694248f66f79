import { documentKindInfo } from '@dongbi/schema'
import { findAll, trimmedRange } from '../findAll.ts'
import { titleEndings, titleTypeName } from '../kindNames.ts'
import type { BlockRule, DocumentRule } from '../Rule.ts'

/** 标题 = 发文机关 + 事由 + 文种 (条例 art. 9): a title of a 通知 ends with 通知. */
export const titleDocType: DocumentRule = {
  id: 'title-doc-type',
  basis: 'reg',
  clause: '条例 第九条（六）',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'document',
  message: '标题应以文种结尾，且与文档类型一致',
  messageEn: 'The title ends with the document type’s name, matching the kind of document',
  check: ({ kind, blocks }) => {
    const titles = blocks.filter((b) => b.role === 'title')
    const last = titles.at(-1)
    const endings = titleEndings[kind]
    if (!last || !endings) return []
    const text = titles.map((b) => b.text.trim()).join('').replace(/[。.，,；;！!]+$/, '')
    if (endings.some((ending) => text.endsWith(ending))) return []
    const found = titleTypeName(text)
    const expected = documentKindInfo[kind].zh
    const range = trimmedRange(last.text)
    if (found) {
      return [
        {
          blockIndex: last.index,
          from: Math.max(range.from, last.text.trimEnd().replace(/[。.，,；;！!]+$/, '').length - found.length),
          to: range.to,
          message: `标题的文种“${found}”与文档类型“${expected}”不符`,
          messageEn: `The title names a ${found}, but this is a ${documentKindInfo[kind].en}`,
        },
      ]
    }
    return [{ blockIndex: last.index, ...range, message: `标题应以文种“${expected}”结尾`, messageEn: `The title should end with ${expected}` }]
  },
}

export const titleMixedTypes: BlockRule = {
  id: 'title-mixed-types',
  basis: 'reg',
  clause: '条例 第八条、第十五条（四）',
  severity: 'error',
  kinds: 'gongwen',
  scope: 'block',
  message: '“请示报告”混用两个文种：请示与报告应分别行文',
  messageEn: '“请示报告” mixes two document types: a request and a report are separate documents',
  check: ({ block }) => (block.role === 'title' ? findAll(block.text, /请示报告|报告请示/g) : []),
}

export const titleUrgency: BlockRule = {
  id: 'title-urgency',
  basis: 'practice',
  clause: 'GB/T 9704-2012 7.2.3（紧急程度标于版头）',
  severity: 'warning',
  kinds: 'gongwen',
  scope: 'block',
  message: '标题中不写“紧急”等字样，紧急程度标注在版头',
  messageEn: 'Urgency (紧急, 特急, 加急) is marked in the header, not in the title',
  check: ({ block }) => (block.role === 'title' ? findAll(block.text, /紧急|特急|加急/g) : []),
}

export const titlePeriod: BlockRule = {
  id: 'title-period',
  basis: 'practice',
  severity: 'warning',
  kinds: 'gongwen',
  scope: 'block',
  message: '标题末尾不加句号',
  messageEn: 'A title does not end with a full stop',
  check: ({ block }) => (block.role === 'title' ? findAll(block.text, /[。.]+(?=\s*$)/g, { fix: () => '' }) : []),
}

/** Names of laws and regulations keep their book-title marks in a title; nothing else does. */
const lawName = /(法|条例|规定|办法|细则|规则|章程|准则|规程|纲要)$/

export const titleBookMarks: BlockRule = {
  id: 'title-book-marks',
  basis: 'practice',
  clause: '《国家行政机关公文处理办法》（2000）第十条',
  severity: 'warning',
  kinds: 'gongwen',
  scope: 'block',
  message: '标题中除法规、规章名称外一般不加书名号',
  messageEn: 'In a title, book-title marks are only used around names of laws and regulations',
  check: ({ block }) => {
    if (block.role !== 'title') return []
    return findAll(block.text, /《([^《》]+)》/g).filter((hit) => !lawName.test(block.text.slice(hit.from + 1, hit.to - 1)))
  },
}

export const titleRules = [titleDocType, titleMixedTypes, titleUrgency, titlePeriod, titleBookMarks]
