import type { ClassifiedBlock } from '../../structure/classifyBlocks.ts'
import { formalKinds } from '../kindNames.ts'
import type { BlockRule, DocumentRule } from '../Rule.ts'

const levelNames = ['', '一、', '（一）', '1.', '（1）']
const labelFor = (level: number, ordinal: number) => {
  const chinese = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][ordinal] ?? String(ordinal)
  return [``, `${chinese}、`, `（${chinese}）`, `${ordinal}.`, `（${ordinal}）`][level]!
}

/** Paragraphs that open with a heading label: headings and numbered body paragraphs alike. */
const labelled = (blocks: ClassifiedBlock[]) => blocks.filter((b) => b.heading && (b.role === 'heading' || b.role === 'body'))

export const headingLabelForm: BlockRule = {
  id: 'heading-label',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.3.3',
  severity: 'error',
  kinds: formalKinds,
  scope: 'block',
  message: '结构层次序数依次为“一、”“（一）”“1.”“（1）”',
  messageEn: 'Heading labels are written 一、 （一） 1. （1）',
  check: ({ block }) => {
    const label = block.heading
    if (!label || label.canonical || (block.role !== 'heading' && block.role !== 'body')) return []
    const from = block.text.length - block.text.trimStart().length
    const to = from + label.label.length
    return [
      {
        from,
        to,
        message: `层次序数“${label.label}”应写作“${label.expected}”`,
        messageEn: `Write the label ${label.label} as ${label.expected}`,
        fix: { from, to, insert: label.expected },
      },
    ]
  },
}

export const headingSequence: DocumentRule = {
  id: 'heading-sequence',
  basis: 'std',
  clause: 'GB/T 9704-2012 7.3.3',
  severity: 'error',
  kinds: formalKinds,
  scope: 'document',
  message: '同一层次的序数应连续编号',
  messageEn: 'Labels at one level are numbered consecutively',
  check: ({ blocks }) => {
    const last: number[] = [0, 0, 0, 0, 0]
    const hits: ReturnType<DocumentRule['check']> = []
    for (const block of labelled(blocks)) {
      const { level, ordinal, label } = block.heading!
      const expected = last[level]! + 1
      if (ordinal !== expected) {
        const from = block.text.length - block.text.trimStart().length
        hits.push({
          blockIndex: block.index,
          from,
          to: from + label.length,
          message: `序数不连续：此处应为“${labelFor(level, expected)}”`,
          messageEn: `Numbering skips: expected ${labelFor(level, expected)}`,
        })
      }
      last[level] = ordinal
      for (let deeper = level + 1; deeper <= 4; deeper++) last[deeper] = 0
    }
    return hits
  },
}

export const headingSkippedLevel: DocumentRule = {
  id: 'heading-skipped-level',
  basis: 'practice',
  clause: 'GB/T 9704-2012 7.3.3（依次使用）',
  severity: 'warning',
  kinds: formalKinds,
  scope: 'document',
  message: '结构层次不宜越级使用',
  messageEn: 'Heading levels should not be skipped',
  check: ({ blocks }) => {
    let depth = 0
    const hits: ReturnType<DocumentRule['check']> = []
    for (const block of labelled(blocks)) {
      const { level, label } = block.heading!
      // A document may start at any level (a short notice numbered 1. 2. 3.); only a jump
      // below an existing level, e.g. 一、 straight to 1., is a skip.
      if (depth > 0 && level > depth + 1) {
        const from = block.text.length - block.text.trimStart().length
        hits.push({
          blockIndex: block.index,
          from,
          to: from + label.length,
          message: `“${levelNames[depth]}”之下应先用“${levelNames[depth + 1]}”，不宜直接用“${levelNames[level]}”`,
          messageEn: `Under ${levelNames[depth]} comes ${levelNames[depth + 1]}, not ${levelNames[level]}`,
        })
      }
      depth = level
    }
    return hits
  },
}

export const headingRules = [headingLabelForm, headingSequence, headingSkippedLevel]
