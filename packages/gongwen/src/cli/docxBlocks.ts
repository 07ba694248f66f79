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

interface ParagraphStyle {
  level?: number
  jc?: string
}

/**
 * Heading level and alignment of each paragraph style, by style id. Chinese Word names its
 * heading styles "1", "2"…, so the level comes from the style's name (heading 1, Title) or
 * its outline level, not from the id.
 */
function paragraphStyles(xml: string): Map<string, ParagraphStyle> {
  const styles = new Map<string, ParagraphStyle>()
  for (const [style, id] of xml.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g)) {
    const name = /<w:name w:val="([^"]+)"/.exec(style)?.[1] ?? ''
    const outline = /<w:outlineLvl w:val="(\d)"/.exec(style)?.[1]
    const named = /^heading\s*(\d)$/i.exec(name)?.[1] ?? (/^title$/i.test(name) ? '1' : undefined)
    const level = named ? Number(named) : outline !== undefined ? Number(outline) + 1 : undefined
    const jc = /<w:jc w:val="([a-z]+)"/.exec(style)?.[1]
    styles.set(id!, { ...(level ? { level } : {}), ...(jc ? { jc } : {}) })
  }
  // Documents written without styles.xml (or by tools that skip it) still use the English ids.
  for (const level of [1, 2, 3, 4, 5, 6]) if (!styles.has(`Heading${level}`)) styles.set(`Heading${level}`, { level })
  if (!styles.has('Title')) styles.set('Title', { level: 1 })
  return styles
}

/**
 * The paragraphs of a .docx (word/document.xml, in order, tables included): text of the
 * runs (w:t, w:tab, w:br), alignment (w:jc, or its style's) and heading level (a heading or
 * title style, or w:outlineLvl), enough for the checker to classify them.
 */
export function docxBlocks(file: Uint8Array): Block[] {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(file, { filter: (entry) => entry.name === 'word/document.xml' || entry.name === 'word/styles.xml' })
  } catch {
    throw new Error('无法读取 .docx 文件（not a valid .docx: the zip cannot be read）')
  }
  const xml = entries['word/document.xml']
  if (!xml) throw new Error('.docx 中没有 word/document.xml（not a Word document）')
  const document = strFromU8(xml)
  const styles = paragraphStyles(entries['word/styles.xml'] ? strFromU8(entries['word/styles.xml']) : '')
  const blocks: Block[] = []
  for (const [paragraph] of document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const properties = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph)?.[1] ?? ''
    const style = styles.get(/<w:pStyle w:val="([^"]+)"/.exec(properties)?.[1] ?? '')
    const jc = /<w:jc w:val="([a-z]+)"/.exec(properties)?.[1] ?? style?.jc
    const outline = /<w:outlineLvl w:val="(\d)"/.exec(properties)?.[1]
    const level = outline !== undefined ? Number(outline) + 1 : style?.level
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
