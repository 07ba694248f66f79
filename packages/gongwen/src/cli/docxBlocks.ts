import { strFromU8, unzipSync } from 'fflate'
import type { TextAlignment } from '@dongbi/schema'
import type { Block } from '../structure/Block.ts'

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
    return entities[name] ?? whole
  })
}

const alignments: Record<string, TextAlignment> = { center: 'center', right: 'right', end: 'right', both: 'justify', distribute: 'justify', left: 'left', start: 'left' }

/**
 * The paragraphs of a .docx (word/document.xml, in order, tables included): text of the
 * runs (w:t, w:tab, w:br), alignment (w:jc) and heading level (a Heading/Title style or
 * w:outlineLvl), enough for the checker to classify them.
 */
export function docxBlocks(file: Uint8Array): Block[] {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(file, { filter: (entry) => entry.name === 'word/document.xml' })
  } catch {
    throw new Error('无法读取 .docx 文件（not a valid .docx: the zip cannot be read）')
  }
  const xml = entries['word/document.xml']
  if (!xml) throw new Error('.docx 中没有 word/document.xml（not a Word document）')
  const document = strFromU8(xml)
  const blocks: Block[] = []
  for (const [paragraph] of document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const properties = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph)?.[1] ?? ''
    const jc = /<w:jc w:val="([a-z]+)"/.exec(properties)?.[1]
    const style = /<w:pStyle w:val="([^"]+)"/.exec(properties)?.[1] ?? ''
    const outline = /<w:outlineLvl w:val="(\d)"/.exec(properties)?.[1]
    const styleLevel = /^(?:Heading|heading)\s*(\d)$/.exec(style)?.[1] ?? (/^Title$/i.test(style) ? '1' : undefined)
    const level = styleLevel ? Number(styleLevel) : outline !== undefined ? Number(outline) + 1 : undefined
    let text = ''
    for (const [token, content] of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      text += content !== undefined ? decode(content) : token.startsWith('<w:tab') ? '\t' : '\n'
    }
    blocks.push({
      index: blocks.length,
      text,
      nodeType: level ? 'heading' : 'paragraph',
      align: jc ? (alignments[jc] ?? null) : null,
      ...(level ? { level } : {}),
    })
  }
  return blocks
}
