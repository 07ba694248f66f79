import { xmlText } from '../xmlText.ts'
import type { ExportRun } from '../exportBlocks.ts'
import { latinFont } from '../exportFonts.ts'

/** WordprocessingML namespaces used by every part. */
export const wNs = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
export const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

export interface RunProps {
  /** East Asian font name; Latin text uses Times New Roman. */
  font?: string
  /** Half-points. */
  size?: number
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
}

/** `<w:rPr>` with its children in the schema's order. */
export function runProps(p: RunProps): string {
  let xml = ''
  if (p.font) xml += `<w:rFonts w:ascii="${latinFont}" w:hAnsi="${latinFont}" w:eastAsia="${xmlText(p.font)}" w:cs="${latinFont}" w:hint="eastAsia"/>`
  if (p.bold) xml += '<w:b/><w:bCs/>'
  if (p.italic) xml += '<w:i/><w:iCs/>'
  if (p.strike) xml += '<w:strike/>'
  if (p.size) xml += `<w:sz w:val="${p.size}"/><w:szCs w:val="${p.size}"/>`
  if (p.underline) xml += '<w:u w:val="single"/>'
  return xml ? `<w:rPr>${xml}</w:rPr>` : ''
}

/** `<w:t>`, keeping leading and trailing spaces. */
export function textElement(text: string): string {
  return `<w:t xml:space="preserve">${xmlText(text)}</w:t>`
}

/** The runs of a block, each with its own marks over the paragraph's base properties. */
export function runsXml(runs: ExportRun[], base: RunProps = {}): string {
  return runs
    .map((run) =>
      run.break
        ? '<w:r><w:br/></w:r>'
        : `<w:r>${runProps({ ...base, bold: base.bold || run.bold, italic: run.italic, underline: run.underline, strike: run.strike })}${textElement(run.text)}</w:r>`,
    )
    .join('')
}

export interface ParagraphProps {
  style?: string
  numbering?: { numId: number; level: number }
  /** Borders: `top`/`bottom` line widths in eighths of a point; `space` above/below the text in points. */
  border?: { top?: number; bottom?: number; color?: string; space?: number }
  /** A right-aligned tab stop at this position (twips). */
  rightTab?: number
  /** Twips; `exact` fixes the line height, `auto` counts in 240ths of a line. */
  spacing?: { line?: number; rule?: 'exact' | 'auto'; after?: number; before?: number }
  /** In hundredths of a character (200 = two characters), with twips for readers that ignore *Chars. */
  indent?: { firstLineChars?: number; leftChars?: number; rightChars?: number; charTwips: number }
  align?: 'left' | 'center' | 'right' | 'both'
  outlineLevel?: number
}

/** `<w:pPr>` with its children in the schema's order. */
export function paragraphProps(p: ParagraphProps): string {
  let xml = ''
  if (p.style) xml += `<w:pStyle w:val="${p.style}"/>`
  if (p.numbering) xml += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>`
  if (p.border && (p.border.top || p.border.bottom)) {
    xml += '<w:pBdr>'
    const rest = `w:space="${p.border.space ?? 1}" w:color="${p.border.color ?? 'auto'}"`
    if (p.border.top) xml += `<w:top w:val="single" w:sz="${p.border.top}" ${rest}/>`
    if (p.border.bottom) xml += `<w:bottom w:val="single" w:sz="${p.border.bottom}" ${rest}/>`
    xml += '</w:pBdr>'
  }
  if (p.rightTab) xml += `<w:tabs><w:tab w:val="right" w:pos="${p.rightTab}"/></w:tabs>`
  if (p.spacing) {
    const s = p.spacing
    xml += `<w:spacing${s.before !== undefined ? ` w:before="${s.before}"` : ''}${s.after !== undefined ? ` w:after="${s.after}"` : ''}${s.line !== undefined ? ` w:line="${s.line}" w:lineRule="${s.rule ?? 'auto'}"` : ''}/>`
  }
  if (p.indent) {
    const { firstLineChars, leftChars, rightChars, charTwips } = p.indent
    const twips = (chars: number) => Math.round((chars / 100) * charTwips)
    let attrs = ''
    if (leftChars) attrs += ` w:leftChars="${leftChars}" w:left="${twips(leftChars)}"`
    if (rightChars) attrs += ` w:rightChars="${rightChars}" w:right="${twips(rightChars)}"`
    if (firstLineChars) attrs += ` w:firstLineChars="${firstLineChars}" w:firstLine="${twips(firstLineChars)}"`
    if (attrs) xml += `<w:ind${attrs}/>`
  }
  if (p.align) xml += `<w:jc w:val="${p.align}"/>`
  if (p.outlineLevel !== undefined) xml += `<w:outlineLvl w:val="${p.outlineLevel}"/>`
  return xml ? `<w:pPr>${xml}</w:pPr>` : ''
}

export function paragraphXml(props: ParagraphProps, content: string): string {
  return `<w:p>${paragraphProps(props)}${content}</w:p>`
}

/** A paragraph style for styles.xml. */
export function paragraphStyle(o: { id: string; name: string; basedOn?: string; next?: string; paragraph?: ParagraphProps; run?: RunProps; qFormat?: boolean }): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${o.id}"><w:name w:val="${xmlText(o.name)}"/>` +
    (o.basedOn ? `<w:basedOn w:val="${o.basedOn}"/>` : '') +
    (o.next ? `<w:next w:val="${o.next}"/>` : '') +
    (o.qFormat === false ? '' : '<w:qFormat/>') +
    (o.paragraph ? paragraphProps(o.paragraph) : '') +
    (o.run ? runProps(o.run) : '') +
    '</w:style>'
  )
}

/** A footer holding the page number as a PAGE field, `— N —` as GB/T 9704 writes it when `dashes`. */
export function pageNumberFooter(o: { align: 'left' | 'center' | 'right'; indentTwips?: number; font: string; size: number; dashes: boolean }): string {
  const rPr = runProps({ font: o.font, size: o.size })
  const text = (value: string) => `<w:r>${rPr}${textElement(value)}</w:r>`
  const field =
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>${text('1')}<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
  const indent = o.indentTwips ? `<w:ind w:${o.align === 'left' ? 'left' : 'right'}="${o.indentTwips}"/>` : ''
  return (
    `${xmlHead}<w:ftr ${wNs}><w:p><w:pPr><w:pStyle w:val="Footer"/>${indent}<w:jc w:val="${o.align}"/></w:pPr>` +
    (o.dashes ? text('— ') : '') +
    field +
    (o.dashes ? text(' —') : '') +
    '</w:p></w:ftr>'
  )
}
