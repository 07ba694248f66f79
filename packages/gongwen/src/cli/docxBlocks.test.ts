import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { docxBlocks } from './docxBlocks.ts'

const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

function docx(body: string, styles?: string): Uint8Array {
  return zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body}<w:sectPr/></w:body></w:document>`),
    ...(styles ? { 'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${w}>${styles}</w:styles>`) } : {}),
  })
}

describe('docxBlocks', () => {
  it('reads paragraphs with their runs, alignment and heading level, from the paragraph or its style', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Normal Indent"/></w:style>'
    const body =
      '<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>关于开展</w:t></w:r><w:r><w:t xml:space="preserve">学习的通知</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>各支部：</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>A&amp;B&lt;C&gt;</w:t><w:tab/><w:t>&#x4E00;</w:t><w:br/><w:t>二</w:t></w:r></w:p>' +
      '<w:p/>' +
      '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>2024年3月5日</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格中的段落</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    expect(docxBlocks(docx(body, styles))).toEqual([
      { index: 0, text: '关于开展学习的通知', nodeType: 'heading', level: 1, align: 'center' },
      { index: 1, text: '各支部：', nodeType: 'paragraph', align: null },
      { index: 2, text: 'A&B<C>\t一\n二', nodeType: 'paragraph', align: null },
      { index: 3, text: '', nodeType: 'paragraph', align: null },
      { index: 4, text: '2024年3月5日', nodeType: 'paragraph', align: 'right' },
      { index: 5, text: '表格中的段落', nodeType: 'paragraph', align: null },
    ])
  })

  it('knows the English heading style ids without styles.xml, and refuses what is not a Word file', () => {
    const blocks = docxBlocks(docx('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>一、总体要求</w:t></w:r></w:p>'))
    expect(blocks[0]).toMatchObject({ nodeType: 'heading', level: 2 })
    expect(() => docxBlocks(strToU8('not a zip'))).toThrow(/\.docx/)
    expect(() => docxBlocks(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/word\/document\.xml/)
  })
})
