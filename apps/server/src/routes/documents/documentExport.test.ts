import { replaceBody } from '@dongbi/schema'
import { strFromU8, unzipSync } from 'fflate'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../testing/index.ts'

const hostile = `<script>alert(1)</script>&"'`
const speech = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../../../../tests/fixtures/seed-speech-zh.txt'), 'utf8')
  .split('\n')
  .slice(1) // the first line is an abstract of the rest
  .map((line) => line.trim())
  .filter(Boolean)

const text = (value: string, marks?: string[]) => ({ type: 'text', text: value, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) })
const p = (value: string, align: string | null = null) => ({ type: 'paragraph', attrs: { textAlign: align }, content: value ? [text(value)] : [] })
const h = (level: number, value: string, align: string | null = null) => ({ type: 'heading', attrs: { level, textAlign: align }, content: [text(value)] })

/** A complete 请示 with every element the layout treats differently. */
const request = {
  type: 'doc',
  content: [
    p('X支委发〔2024〕3号', 'center'),
    h(1, '关于申请学习教育月活动经费的请示', 'center'),
    p('机关党委：'),
    p('为保障学习教育月活动顺利开展，现申请活动经费。'),
    p('一、经费用途'),
    p('（一）购买学习书目'),
    p('1.原文原著'),
    p('（1）单行本'),
    p('妥否，请批示。'),
    p(''),
    p('附件：1.经费预算表'),
    p('2.书目清单'),
    p(''),
    p('X支部委员会', 'right'),
    p('2024年3月5日', 'right'),
    p('抄送：机关纪委。'),
    p('X支部委员会　2024年3月5日印发'),
  ],
}

/** Open/close tags balance and every `&` starts an entity: the XML is well formed as far as escaping goes. */
function expectWellFormed(xml: string): void {
  const stack: string[] = []
  for (const match of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match
    if (selfClosing) continue
    if (closing) expect(stack.pop(), `closing ${name}`).toBe(name)
    else stack.push(name!)
  }
  expect(stack).toEqual([])
  expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/)
  expect(xml.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/)
}

/** The paragraph (`<w:p>…</w:p>`) of document.xml holding `needle`. */
function paragraphWith(documentXml: string, needle: string): string {
  const found = documentXml.match(/<w:p>.*?<\/w:p>/g)?.find((para) => para.replace(/<[^>]+>/g, '').includes(needle))
  expect(found, needle).toBeDefined()
  return found!
}

describe('GET /api/documents/:id/export', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  async function documentWith(body: Record<string, unknown>, options: { title: string; kind: string; token?: string }): Promise<string> {
    const response = await server.api('/api/documents', { method: 'POST', body: { title: options.title, kind: options.kind }, ...(options.token ? { token: options.token } : {}) })
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as { id: string }
    await server.collab.changeDocument(id, (doc) => replaceBody(doc, body))
    return id
  }

  async function docx(id: string): Promise<Record<string, string>> {
    const response = await server.api(`/api/documents/${id}/export?format=docx`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]))
  }

  it('lays a 公文 out per GB/T 9704: A4, margins, 28 pt grid, fonts by role, — N — on alternating sides', async () => {
    const id = await documentWith(request, { title: '关于申请学习教育月活动经费的请示', kind: 'request' })
    const files = await docx(id)
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'docProps/core.xml']) expect(files).toHaveProperty([name])
    for (const xml of Object.values(files)) expectWellFormed(xml)
    const document = files['word/document.xml']!
    const styles = files['word/styles.xml']!

    // Page, margins, line grid, footers.
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"/>')
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/)
    expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="560"/>')
    expect(document).toContain('<w:footerReference w:type="default" r:id="rIdFooterOdd"/>')
    expect(document).toContain('<w:footerReference w:type="even" r:id="rIdFooterEven"/>')
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>')

    // Body 3号 仿宋 on exact 28 pt lines, first lines indented two characters.
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/)
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"\/>/)
    expect(styles).toMatch(/w:styleId="GongwenBody">.*?<w:ind w:firstLineChars="200" w:firstLine="640"\/>/)
    // Title 2号 方正小标宋简体, centred; headings 黑体, 楷体, 仿宋, 仿宋.
    expect(styles).toMatch(/w:styleId="GongwenTitle">.*?<w:jc w:val="center"\/>.*?w:eastAsia="方正小标宋简体".*?<w:sz w:val="44"\/>.*?<\/w:style>/)
    const headingFont = (level: number) => new RegExp(`w:styleId="Heading${level}">.*?w:eastAsia="([^"]+)"`).exec(styles)?.[1]
    expect([1, 2, 3, 4].map(headingFont)).toEqual(['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'])
    expect(styles).toMatch(/w:styleId="GongwenBanji">.*?<w:sz w:val="28"\/>/)

    // Each paragraph by its role.
    expect(paragraphWith(document, '关于申请学习教育月活动经费的请示')).toContain('<w:pStyle w:val="GongwenTitle"/>')
    const docNumber = paragraphWith(document, 'X支委发〔2024〕3号')
    expect(docNumber).toContain('<w:jc w:val="center"/>')
    expect(docNumber).toContain('<w:bottom w:val="single" w:sz="12" w:space="11" w:color="C00000"/>')
    expect(paragraphWith(document, '机关党委：')).not.toContain('w:firstLine')
    expect(paragraphWith(document, '为保障学习教育月活动')).toContain('<w:pStyle w:val="GongwenBody"/>')
    expect(paragraphWith(document, '一、经费用途')).toContain('<w:pStyle w:val="Heading1"/>')
    expect(paragraphWith(document, '（一）购买学习书目')).toContain('<w:pStyle w:val="Heading2"/>')
    expect(paragraphWith(document, '1.原文原著')).toContain('<w:pStyle w:val="Heading3"/>')
    expect(paragraphWith(document, '（1）单行本')).toContain('<w:pStyle w:val="Heading4"/>')
    expect(paragraphWith(document, '2.书目清单')).toContain('w:leftChars="500"')
    expect(paragraphWith(document, '2024年3月5日')).toMatch(/<w:ind w:rightChars="400" w:right="1280"\/><w:jc w:val="right"\/>/)
    const cc = paragraphWith(document, '抄送：机关纪委。')
    expect(cc).toContain('<w:pStyle w:val="GongwenBanji"/>')
    expect(cc).toContain('<w:top w:val="single" w:sz="8"')
    const issuance = paragraphWith(document, '印发')
    expect(issuance).toContain('<w:bottom w:val="single" w:sz="8"')
    expect(issuance).toMatch(/X支部委员会<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r><w:t xml:space="preserve">2024年3月5日印发/)

    // Page numbers: a PAGE field between em dashes, 4号; odd pages right, even pages left.
    for (const [name, side] of [['word/footer1.xml', 'right'], ['word/footer2.xml', 'left']] as const) {
      const footer = files[name]!
      expect(footer).toContain(`<w:jc w:val="${side}"/>`)
      expect(footer).toContain(`<w:ind w:${side}="280"/>`)
      expect(footer).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
      expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*fldCharType="begin".*fldCharType="end".*<w:t xml:space="preserve"> —<\/w:t>/)
      expect(footer).toContain('<w:sz w:val="28"/>')
    }
    // Fonts that may be missing come with their substitutes.
    expect(files['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>')
    expect(files['word/fontTable.xml']).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="KaiTi"/>')
  })

  it('exports other writing as a plain DOCX: Word heading styles and lists, no 公文 grid', async () => {
    const body = {
      type: 'doc',
      content: [
        h(1, '在2024年学习教育月活动动员会上的讲话', 'center'),
        ...speech.slice(1, 4).map((line) => p(line)),
        h(2, '一、学习要点'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('原文原著')] }, { type: 'listItem', content: [p('辅导读本')] }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p('第三条')] }] },
      ],
    }
    const id = await documentWith(body, { title: '讲话稿', kind: 'speech' })
    const files = await docx(id)
    for (const xml of Object.values(files)) expectWellFormed(xml)
    const document = files['word/document.xml']!
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"/>')
    expect(document).not.toContain('w:linePitch="560"')
    expect(files['word/settings.xml']).not.toContain('evenAndOddHeaders')
    expect(files['word/styles.xml']).not.toContain('方正小标宋简体')
    expect(files['word/footer1.xml']).toContain(' PAGE ')
    expect(files['word/footer1.xml']).not.toContain('—')
    expect(paragraphWith(document, '在2024年学习教育月活动动员会上的讲话')).toContain('<w:pStyle w:val="Title"/>')
    expect(paragraphWith(document, '一、学习要点')).toContain('<w:pStyle w:val="Heading2"/>')
    expect(paragraphWith(document, speech[1]!.slice(0, 20))).toContain('<w:pStyle w:val="BodyIndent"/>')
    expect(paragraphWith(document, '原文原著')).toContain('<w:numId w:val="1"/>')
    const ordered = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(document, '第三条'))![1]
    expect(files['word/numbering.xml']).toContain(`<w:num w:numId="${ordered}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>`)
  })

  it('exports the whole sample speech in all three formats', async () => {
    const id = await documentWith({ type: 'doc', content: speech.map((line, i) => (i === 0 ? h(1, line, 'center') : p(line))) }, { title: speech[0]!, kind: 'speech' })
    const files = await docx(id)
    const plain = files['word/document.xml']!.replace(/<[^>]+>/g, '')
    for (const line of speech) expect(plain).toContain(line)
    const md = await (await server.api(`/api/documents/${id}/export?format=md`)).text()
    expect(md.startsWith(`# ${speech[0]}\n\n${speech[1]}`)).toBe(true)
    const html = await (await server.api(`/api/documents/${id}/export?format=html`)).text()
    for (const line of speech.slice(1)) expect(html).toContain(`<p class="body">${line}</p>`)
  })

  it('writes Markdown with headings, lists, quotes and emphasis, escaping Markdown in the text', async () => {
    const body = {
      type: 'doc',
      content: [
        h(1, '学习笔记', 'center'),
        h(2, '原文摘录'),
        { type: 'blockquote', content: [p('学而不思则罔')] },
        { type: 'paragraph', content: [text('要'), text('认真', ['bold']), text('学习'), text('原文', ['italic']), { type: 'hardBreak' }, text('第二行')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p('一项'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('子项')] }] }] }] },
        { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p('第一')] }, { type: 'listItem', content: [p('第二')] }] },
        p('1. 不是列表 *也不是强调* [链接](x) # 井号'),
        p('# 不是标题'),
      ],
    }
    const id = await documentWith(body, { title: '笔记', kind: 'study-notes' })
    const response = await server.api(`/api/documents/${id}/export?format=md`)
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(await response.text()).toBe(
      [
        '# 学习笔记',
        '',
        '### 原文摘录',
        '',
        '> 学而不思则罔',
        '',
        '要**认真**学习*原文*\\',
        '第二行',
        '',
        '- 一项',
        '    - 子项',
        '1. 第一',
        '2. 第二',
        '',
        '1\\. 不是列表 \\*也不是强调\\* \\[链接\\](x) # 井号',
        '',
        '\\# 不是标题',
        '',
      ].join('\n'),
    )
  })

  it('keeps markup in titles and text as text in every format', async () => {
    const body = { type: 'doc', content: [p(`${'正文'.repeat(40)} ${hostile} <img src=x onerror=alert(2)>`)] }
    const id = await documentWith(body, { title: hostile, kind: 'notice' })

    const html = await server.api(`/api/documents/${id}/export?format=html`)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'")
    const page = await html.text()
    expect(page).not.toMatch(/<script|<img/i)
    expect(page).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&apos;</title>')
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;')

    const md = await (await server.api(`/api/documents/${id}/export?format=md`)).text()
    expect(md.split('\n')[0]).toBe('# \\<script\\>alert(1)\\</script\\>\\&"\'')
    expect(md).not.toMatch(/(^|[^\\])<(script|img)/)

    const files = await docx(id)
    for (const xml of Object.values(files)) expectWellFormed(xml)
    expect(files['docProps/core.xml']).toContain('<dc:title>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&apos;</dc:title>')
    expect(files['word/document.xml']).toContain('&lt;img src=x onerror=alert(2)&gt;')

    const disposition = html.headers.get('content-disposition')!
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/)
    expect(disposition).not.toMatch(/[<>]/)
  })

  it('names the download after the title in UTF-8 (RFC 5987)', async () => {
    const id = await documentWith({ type: 'doc', content: [p('正文')] }, { title: '关于开展学习的通知', kind: 'notice' })
    const response = await server.api(`/api/documents/${id}/export?format=docx`)
    const disposition = response.headers.get('content-disposition')!
    expect(disposition.startsWith('attachment; ')).toBe(true)
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!
    expect(decodeURIComponent(encoded)).toBe('关于开展学习的通知.docx')
    const md = await server.api(`/api/documents/${id}/export?format=md`)
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(md.headers.get('content-disposition')!)![1]!)).toBe('关于开展学习的通知.md')
  })

  it('answers 404 to those who cannot read the document and 400 to a bad format', async () => {
    const id = await documentWith({ type: 'doc', content: [p('机密')] }, { title: '私人文档', kind: 'free' })
    const stranger = await server.addUser('stranger')
    for (const format of ['docx', 'md', 'html']) {
      const response = await server.api(`/api/documents/${id}/export?format=${format}`, { token: stranger.token })
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('机密')
    }
    expect((await server.api('/api/documents/nope-nope-nope/export?format=md')).status).toBe(404)
    const bad = await server.api(`/api/documents/${id}/export?format=pdf`)
    expect(bad.status).toBe(400)
  })
})
