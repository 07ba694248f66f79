import { strToU8, zipSync } from 'fflate'
import { xmlText } from '../xmlText.ts'
import { wNs, xmlHead } from './wordml.ts'

export interface DocxParts {
  /** The `<w:body>` content, paragraphs and the final `<w:sectPr>`. */
  body: string
  styles: string
  settings: string
  fontTable: string
  numbering?: string
  /** Footers by file name (footer1.xml …), each with the relationship id the sectPr uses. */
  footers: { name: string; relId: string; xml: string }[]
  title: string
  author?: string
  created: Date
}

const officeRel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml'

/** W3C date-time without fractions, as core.xml wants it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Zips the parts of a WordprocessingML package (ECMA-376 Part 2): content types, relationships, properties. */
export function docxPackage(parts: DocxParts): Uint8Array {
  const overrides = [
    ['/word/document.xml', `${main}.document.main+xml`],
    ['/word/styles.xml', `${main}.styles+xml`],
    ['/word/settings.xml', `${main}.settings+xml`],
    ['/word/fontTable.xml', `${main}.fontTable+xml`],
    ...(parts.numbering ? [['/word/numbering.xml', `${main}.numbering+xml`]] : []),
    ...parts.footers.map((f) => [`/word/${f.name}`, `${main}.footer+xml`]),
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ]
  const contentTypes =
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join('') +
    '</Types>'
  const rootRels =
    `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${officeRel}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${officeRel}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  const documentRels =
    `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rIdStyles" Type="${officeRel}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdSettings" Type="${officeRel}/settings" Target="settings.xml"/>` +
    `<Relationship Id="rIdFonts" Type="${officeRel}/fontTable" Target="fontTable.xml"/>` +
    (parts.numbering ? `<Relationship Id="rIdNumbering" Type="${officeRel}/numbering" Target="numbering.xml"/>` : '') +
    parts.footers.map((f) => `<Relationship Id="${f.relId}" Type="${officeRel}/footer" Target="${f.name}"/>`).join('') +
    '</Relationships>'
  const created = w3cdtf(parts.created)
  const core =
    `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(parts.title)}</dc:title>` +
    (parts.author ? `<dc:creator>${xmlText(parts.author)}</dc:creator>` : '') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
    '</cp:coreProperties>'
  const app = `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>动笔 Dongbi</Application></Properties>`
  const document = `${xmlHead}<w:document ${wNs}><w:body>${parts.body}</w:body></w:document>`

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(documentRels),
    'word/styles.xml': strToU8(parts.styles),
    'word/settings.xml': strToU8(parts.settings),
    'word/fontTable.xml': strToU8(parts.fontTable),
    'docProps/core.xml': strToU8(core),
    'docProps/app.xml': strToU8(app),
  }
  if (parts.numbering) files['word/numbering.xml'] = strToU8(parts.numbering)
  for (const footer of parts.footers) files[`word/${footer.name}`] = strToU8(footer.xml)
  // A fixed timestamp inside the zip: the same document exports to the same bytes.
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') })
}

/** The font table: each font with its substitute, so Word picks FangSong where 仿宋_GB2312 is missing. */
export function fontTableXml(fonts: { name: string; altName: string }[]): string {
  return (
    `${xmlHead}<w:fonts ${wNs}>` +
    fonts
      .map((f) => `<w:font w:name="${xmlText(f.name)}"><w:altName w:val="${xmlText(f.altName)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
      .join('') +
    '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
    '</w:fonts>'
  )
}
