import type { ExportBlock } from '../exportBlocks.ts'
import { exportFonts } from '../exportFonts.ts'
import { docxPackage, fontTableXml } from './docxPackage.ts'
import { pageNumberFooter, paragraphStyle, paragraphXml, runProps, runsXml, wNs, xmlHead, type ParagraphProps } from './wordml.ts'

/** Word's default page for Chinese documents: A4, 2.54 cm top and bottom, 3.17 cm left and right. */
const page = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1800, right: 1800 }
/** 小四 body (12 pt), in half-points; one character in twips. */
const bodySize = 24
const bodyChar = 240

/** 三号, 小三, 四号, 四号 headings. */
const headingSizes = [32, 30, 28, 28]

const bulletGlyphs = ['•', '◦', '▪', '•']

function numberingXml(orderedLists: { id: number; start: number }[]): string {
  const levels = (ordered: boolean) =>
    [0, 1, 2, 3]
      .map(
        (level) =>
          `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${ordered ? 'decimal' : 'bullet'}"/>` +
          `<w:lvlText w:val="${ordered ? `%${level + 1}.` : bulletGlyphs[level]}"/><w:lvlJc w:val="left"/>` +
          `<w:pPr><w:ind w:left="${420 * (level + 1)}" w:hanging="420"/></w:pPr></w:lvl>`,
      )
      .join('')
  return (
    `${xmlHead}<w:numbering ${wNs}>` +
    `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels(false)}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>${levels(true)}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    // Every ordered list is its own instance, so each numbers from its own start.
    orderedLists
      .map((list) => `<w:num w:numId="${list.id + 1}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="${list.start}"/></w:lvlOverride></w:num>`)
      .join('') +
    '</w:numbering>'
  )
}

function styles(): string {
  const heading = (level: number) =>
    paragraphStyle({
      id: `Heading${level}`,
      name: `heading ${level}`,
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { spacing: { before: 240, after: 120 }, outlineLevel: level - 1 },
      run: { font: exportFonts.heiTi.name, size: headingSizes[level - 1]!, bold: level > 1 },
    })
  return (
    `${xmlHead}<w:styles ${wNs}>` +
    `<w:docDefaults><w:rPrDefault>${runProps({ font: exportFonts.songTi.name, size: bodySize })}</w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    paragraphStyle({ id: 'Normal', name: 'Normal' }) +
    paragraphStyle({ id: 'BodyIndent', name: '正文首行缩进', basedOn: 'Normal', paragraph: { indent: { firstLineChars: 200, charTwips: bodyChar } } }) +
    paragraphStyle({ id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: 240, after: 240 }, align: 'center', outlineLevel: 0 }, run: { font: exportFonts.heiTi.name, size: 36 } }) +
    [1, 2, 3, 4].map(heading).join('') +
    paragraphStyle({ id: 'Quote', name: 'Quote', basedOn: 'Normal', paragraph: { indent: { leftChars: 200, charTwips: bodyChar } }, run: { font: exportFonts.kaiTi.name } }) +
    paragraphStyle({ id: 'ListParagraph', name: 'List Paragraph', basedOn: 'Normal' }) +
    paragraphStyle({ id: 'Footer', name: 'footer', basedOn: 'Normal', qFormat: false, run: { size: 18 } }) +
    '</w:styles>'
  )
}

function blockXml(block: ExportBlock): string {
  const align: ParagraphProps['align'] = block.align === 'center' ? 'center' : block.align === 'right' ? 'right' : block.align === 'justify' ? 'both' : undefined
  const runs = runsXml(block.runs)
  if (block.type === 'rule') return paragraphXml({ border: { bottom: 6 } }, '')
  if (block.list) {
    const numId = block.list.ordered ? block.list.listId + 1 : 1
    return paragraphXml({ style: 'ListParagraph', numbering: { numId, level: Math.min(block.list.depth, 3) }, align }, runs)
  }
  if (block.quote > 0) return paragraphXml({ style: 'Quote', align }, runs)
  if (block.role === 'title') return paragraphXml({ style: 'Title', align }, runs)
  if (block.type === 'heading' || block.role === 'heading') {
    const level = block.type === 'heading' ? Math.min(block.level ?? 1, 4) : (block.label?.level ?? 1)
    return paragraphXml({ style: `Heading${level}`, align }, runs)
  }
  if (block.role === 'empty' || block.role === 'addressee' || align === 'center' || align === 'right') return paragraphXml({ align }, runs)
  return paragraphXml({ style: 'BodyIndent', align }, runs)
}

/** Everyday writing as a plain, readable DOCX: 宋体 小四, Word heading styles, real lists, a centred page number. */
export function plainDocx(blocks: ExportBlock[], meta: { title: string; author?: string; created: Date }): Uint8Array {
  const orderedLists = [...new Map(blocks.flatMap((b) => (b.list?.ordered && b.list.first ? [[b.list.listId, { id: b.list.listId, start: b.list.number }] as const] : []))).values()]
  const sectPr =
    '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>' +
    `<w:pgSz w:w="${page.width}" w:h="${page.height}"/>` +
    `<w:pgMar w:top="${page.top}" w:right="${page.right}" w:bottom="${page.bottom}" w:left="${page.left}" w:header="851" w:footer="992" w:gutter="0"/>` +
    '<w:cols w:space="425"/><w:docGrid w:linePitch="312"/></w:sectPr>'
  return docxPackage({
    body: blocks.map(blockXml).join('') + sectPr,
    styles: styles(),
    settings: `${xmlHead}<w:settings ${wNs}><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`,
    fontTable: fontTableXml([exportFonts.songTi, exportFonts.heiTi, exportFonts.kaiTi]),
    numbering: numberingXml(orderedLists),
    footers: [{ name: 'footer1.xml', relId: 'rIdFooter', xml: pageNumberFooter({ align: 'center', font: exportFonts.songTi.name, size: 18, dashes: false }) }],
    ...meta,
  })
}

