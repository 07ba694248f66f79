import type { ExportBlock } from '../exportBlocks.ts'
import { exportFonts } from '../exportFonts.ts'
import { docxPackage, fontTableXml } from './docxPackage.ts'
import { pageNumberFooter, paragraphStyle, paragraphXml, runProps, runsXml, textElement, wNs, xmlHead, type ParagraphProps, type RunProps } from './wordml.ts'

/**
 * GB/T 9704-2012 page geometry in twips: A4, 天头 37 mm, 订口 28 mm, a 156 × 225 mm text area,
 * 22 lines of 28 pt. The page number sits 7 mm below the text area.
 */
export const gongwenPage = {
  width: 11906,
  height: 16838,
  top: 2098,
  left: 1588,
  right: 1474,
  bottom: 1984,
  /** Bottom margin (35 mm) less 7 mm less the number's own line: the footer's distance from the page edge. */
  footer: 1247,
  linePitch: 560,
}

/** 3号 body, 2号 title, 4号 版记 and page numbers, in half-points. */
const size = { body: 32, title: 44, banji: 28, pageNumber: 28 }
/** One character of body text (16 pt) and of 版记 (14 pt), in twips. */
const bodyChar = 320
const banjiChar = 280
const textWidth = gongwenPage.width - gongwenPage.left - gongwenPage.right

const exactLine = { line: gongwenPage.linePitch, rule: 'exact' as const }
const indent2 = { firstLineChars: 200, charTwips: bodyChar }

/** Font of each 正文 heading level: 一、黑体 （一）楷体 1. and （1）仿宋. */
const headingFont: Record<number, string> = { 1: exportFonts.heiTi.name, 2: exportFonts.kaiTi.name, 3: exportFonts.fangSong.name, 4: exportFonts.fangSong.name }

function styles(): string {
  const heading = (level: number) =>
    paragraphStyle({
      id: `Heading${level}`,
      name: `heading ${level}`,
      basedOn: 'Normal',
      next: 'GongwenBody',
      paragraph: { indent: indent2, outlineLevel: level - 1 },
      run: { font: headingFont[level]!, size: size.body },
    })
  return (
    `${xmlHead}<w:styles ${wNs}>` +
    `<w:docDefaults><w:rPrDefault>${runProps({ font: exportFonts.fangSong.name, size: size.body })}</w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:line="${gongwenPage.linePitch}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    paragraphStyle({ id: 'Normal', name: 'Normal' }) +
    paragraphStyle({ id: 'GongwenTitle', name: '公文标题', basedOn: 'Normal', next: 'Normal', paragraph: { align: 'center', outlineLevel: 0 }, run: { font: exportFonts.xiaoBiaoSong.name, size: size.title } }) +
    paragraphStyle({ id: 'GongwenBody', name: '公文正文', basedOn: 'Normal', paragraph: { indent: indent2 } }) +
    [1, 2, 3, 4].map(heading).join('') +
    paragraphStyle({ id: 'GongwenBanji', name: '公文版记', basedOn: 'Normal', paragraph: { indent: { leftChars: 100, rightChars: 100, charTwips: banjiChar } }, run: { size: size.banji } }) +
    paragraphStyle({ id: 'Footer', name: 'footer', basedOn: 'Normal', qFormat: false, paragraph: { spacing: { line: 240, rule: 'auto' } }, run: { font: exportFonts.songTi.name, size: size.pageNumber } }) +
    '</w:styles>'
  )
}

function settings(): string {
  return (
    `${xmlHead}<w:settings ${wNs}><w:defaultTabStop w:val="420"/>` +
    // Odd pages take the default footer (number on the right), even pages the even one (left).
    '<w:evenAndOddHeaders/>' +
    '<w:characterSpacingControl w:val="compressPunctuation"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  )
}

const issuanceSplit = /^(.*?\S)[\s\u3000]+(\S*\d{4}\s*年.*印发)$/

/** The paragraph for one block, by its 公文 role. */
function blockXml(block: ExportBlock, next: ExportBlock | undefined, banji: { first: boolean; last: boolean }): string {
  const alignOf = (fallback?: ParagraphProps['align']): ParagraphProps['align'] =>
    block.align === 'center' ? 'center' : block.align === 'right' ? 'right' : block.align === 'justify' ? 'both' : fallback
  const runs = (base: RunProps = {}) => runsXml(block.runs, base)
  if (block.type === 'rule') return paragraphXml({ border: { bottom: 6 } }, '')
  switch (block.role) {
    case 'empty':
      return paragraphXml({}, runs())
    case 'title':
      // GB/T 9704 §7.3.2–3: the 主送机关 comes one line below the title.
      return paragraphXml({ style: 'GongwenTitle', ...(next && next.role !== 'empty' && next.role !== 'title' ? { spacing: { after: gongwenPage.linePitch } } : {}) }, runs())
    case 'docNumber':
      // The 版头's red separator 4 mm below the 发文字号; the title follows two lines lower (§7.2.5, §7.3.1).
      return paragraphXml({ border: { bottom: 12, color: 'C00000', space: 11 }, spacing: { after: 2 * gongwenPage.linePitch }, align: 'center' }, runs())
    case 'addressee':
      return paragraphXml({ align: alignOf() }, runs())
    case 'heading': {
      const level = block.label?.level ?? Math.min(block.level ?? 1, 4)
      return paragraphXml({ style: `Heading${level}`, align: alignOf() }, runs())
    }
    case 'attachment': {
      // 附件：1.XXX — later items line up under the first name (two characters plus 附件：).
      const first = /^附\s*件/.test(block.text)
      return paragraphXml({ style: 'GongwenBody', ...(first ? {} : { indent: { leftChars: 500, charTwips: bodyChar } }) }, runs())
    }
    case 'signature':
    case 'date':
      // 成文日期 右空四字 (§7.3.5.1); the 署名 sits above it.
      return paragraphXml({ align: 'right', indent: { rightChars: 400, charTwips: bodyChar } }, runs())
    case 'attendance': {
      const [, label = '', rest = block.text] = /^(\S{2}\s*[:：])(.*)$/s.exec(block.text) ?? []
      const content = label ? `<w:r>${runProps({ font: exportFonts.heiTi.name })}${textElement(label)}</w:r><w:r>${textElement(rest)}</w:r>` : runs()
      return paragraphXml({ style: 'GongwenBody' }, content)
    }
    case 'cc':
    case 'issuance': {
      // 版记: a thick rule above the first line and below the last, thin ones between.
      const border = { top: banji.first ? 8 : 0, bottom: banji.last ? 8 : 4 }
      const split = block.role === 'issuance' ? issuanceSplit.exec(block.text) : null
      if (split) {
        const content = `<w:r>${textElement(split[1]!)}</w:r><w:r><w:tab/></w:r><w:r>${textElement(split[2]!)}</w:r>`
        return paragraphXml({ style: 'GongwenBanji', border, rightTab: textWidth - 2 * banjiChar }, content)
      }
      return paragraphXml({ style: 'GongwenBanji', border }, runs())
    }
    default: {
      const prefix = block.list ? (block.list.ordered ? `${block.list.number}.` : '· ') : ''
      const centred = block.align === 'center' || block.align === 'right'
      const base: RunProps = block.quote > 0 ? { font: exportFonts.kaiTi.name } : {}
      const content = (prefix ? `<w:r>${runProps(base)}${textElement(prefix)}</w:r>` : '') + runs(base)
      return paragraphXml({ ...(centred ? {} : { style: 'GongwenBody' }), align: alignOf() }, content)
    }
  }
}

/** A 公文 as a DOCX laid out per GB/T 9704: page, margins, fonts by role, the 28 pt grid, — N — on alternating sides. */
export function gongwenDocx(blocks: ExportBlock[], meta: { title: string; author?: string; created: Date }): Uint8Array {
  const banjiIndexes = blocks.flatMap((b, i) => (b.role === 'cc' || b.role === 'issuance' ? [i] : []))
  const paragraphs = blocks
    .map((block, i) => blockXml(block, blocks[i + 1], { first: i === banjiIndexes[0], last: i === banjiIndexes.at(-1) }))
    .join('')
  const sectPr =
    '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>' +
    `<w:pgSz w:w="${gongwenPage.width}" w:h="${gongwenPage.height}"/>` +
    `<w:pgMar w:top="${gongwenPage.top}" w:right="${gongwenPage.right}" w:bottom="${gongwenPage.bottom}" w:left="${gongwenPage.left}" w:header="851" w:footer="${gongwenPage.footer}" w:gutter="0"/>` +
    `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="${gongwenPage.linePitch}"/></w:sectPr>`
  // 页码: odd pages right, even pages left, each one character in from the edge of the text area.
  const footer = (align: 'left' | 'right') => pageNumberFooter({ align, indentTwips: banjiChar, font: exportFonts.songTi.name, size: size.pageNumber, dashes: true })
  return docxPackage({
    body: paragraphs + sectPr,
    styles: styles(),
    settings: settings(),
    fontTable: fontTableXml(Object.values(exportFonts)),
    footers: [
      { name: 'footer1.xml', relId: 'rIdFooterOdd', xml: footer('right') },
      { name: 'footer2.xml', relId: 'rIdFooterEven', xml: footer('left') },
    ],
    ...meta,
  })
}
