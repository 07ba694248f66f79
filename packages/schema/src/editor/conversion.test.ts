import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { editorSchema } from './editorSchema.ts'
import { ydocToNode } from './ydocToNode.ts'
import { nodeToText } from './nodeToText.ts'
import { nodeToHtml } from './nodeToHtml.ts'
import { bodyFragmentName } from './fragmentName.ts'

const sample = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1, textAlign: 'center' }, content: [{ type: 'text', text: '关于开展学习教育月的通知' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '各支部：' },
        { type: 'text', marks: [{ type: 'bold' }], text: '加粗' },
        { type: 'text', marks: [{ type: 'bold' }, { type: 'italic' }], text: '<斜体&>' },
        { type: 'hardBreak' },
        { type: 'text', marks: [{ type: 'underline' }, { type: 'strike' }], text: '下划线' },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '一' }] }] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '三' }] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '引文' }] }] },
    { type: 'horizontalRule' },
    { type: 'paragraph', attrs: { textAlign: 'right' }, content: [{ type: 'text', text: '机关党委' }] },
    { type: 'paragraph' },
  ],
}

function sampleDoc(): Y.Doc {
  return prosemirrorJSONToYDoc(editorSchema(), sample, bodyFragmentName)
}

describe('server-side conversion', () => {
  it('reads a Y.Doc back to the same ProseMirror JSON', () => {
    const node = ydocToNode(sampleDoc())
    expect(node.toJSON()).toEqual(editorSchema().nodeFromJSON(sample).toJSON())
  })

  it('renders plain text with blank lines between blocks', () => {
    const text = nodeToText(ydocToNode(sampleDoc()))
    expect(text.startsWith('关于开展学习教育月的通知\n\n各支部：加粗<斜体&>\n下划线\n\n')).toBe(true)
    expect(text.replace(/\n+/g, '|')).toBe('关于开展学习教育月的通知|各支部：加粗<斜体&>|下划线|一|三|引文|机关党委|')
  })

  it('renders HTML with escaped text and alignment styles', () => {
    const html = nodeToHtml(ydocToNode(sampleDoc()))
    expect(html).toContain('<h1 style="text-align: center;">关于开展学习教育月的通知</h1>')
    expect(html).toContain('<strong><em>&lt;斜体&amp;&gt;</em></strong>')
    expect(html).toContain('<br>')
    expect(html).toContain('<ol start="3">')
    expect(html).toContain('<hr>')
    expect(html).toContain('<p style="text-align: right;">机关党委</p>')
    expect(html.endsWith('<p></p>')).toBe(true)
  })

  it('exports suggestions as <ins>/<del> in HTML and leaves pending insertions out of plain text', () => {
    const attrs = { id: 's1', authorId: 'u1', authorName: '王芳', createdAt: '2026-11-29T00:00:00Z' }
    const doc = editorSchema().nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '深入' },
            { type: 'text', text: '学习', marks: [{ type: 'suggestionDelete', attrs }] },
            { type: 'text', text: '研读', marks: [{ type: 'suggestionInsert', attrs }] },
            { type: 'text', text: '精神' },
          ],
        },
      ],
    })
    const html = nodeToHtml(doc)
    expect(html).toContain('<del data-suggestion-id="s1" data-suggestion-author-id="u1" data-suggestion-author-name="王芳"')
    expect(html).toContain('class="dongbi-suggestion dongbi-suggestion--insert" title="王芳">研读</ins>')
    expect(nodeToText(doc)).toBe('深入学习精神')
    // Stored through Yjs and read back on the server, the marks survive.
    const ydoc = prosemirrorJSONToYDoc(editorSchema(), doc.toJSON(), bodyFragmentName)
    expect(ydocToNode(ydoc).eq(doc)).toBe(true)
  })

  it('gives an empty paragraph for an empty document', () => {
    const doc = new Y.Doc()
    expect(nodeToHtml(ydocToNode(doc))).toBe('')
    expect(nodeToText(ydocToNode(doc))).toBe('')
  })

  it('leaves out what the editor drops, without changing the Y.Doc it reads', () => {
    const ydoc = sampleDoc()
    const fragment = ydoc.getXmlFragment(bodyFragmentName)
    const unknown = new Y.XmlElement('nosuch')
    unknown.insert(0, [new Y.XmlText('未知元素')])
    const nested = new Y.XmlElement('paragraph')
    nested.insert(0, [new Y.XmlText('段中段'), new Y.XmlElement('paragraph')])
    const badMark = new Y.XmlElement('paragraph')
    const marked = new Y.XmlText()
    marked.insert(0, '未知标记', { nosuchmark: {} })
    badMark.insert(0, [new Y.XmlText('留下'), marked])
    fragment.insert(1, [unknown, nested, badMark])
    const before = Y.encodeStateAsUpdate(ydoc)

    const node = ydocToNode(ydoc)
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before)
    // y-tiptap's reading, which deletes what it drops, on a copy: the editor shows the same.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, before)
    expect(node.toJSON()).toEqual(yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(bodyFragmentName), editorSchema()).toJSON())
    expect(nodeToText(node)).not.toMatch(/未知|段中段/)
    expect(nodeToText(node)).toContain('留下')
  })

  it('reads past content no editor writes: text, values and maps straight in the body', () => {
    const writer = new Y.Doc()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('正文')])
    writer.getXmlFragment(bodyFragmentName).insert(0, [new Y.XmlText('顶层文字'), paragraph])
    const values = new Y.Doc()
    values.getArray(bodyFragmentName).insert(0, [1, '字', new Y.Map()])
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(writer))
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(values))

    expect(nodeToText(ydocToNode(ydoc))).toBe('正文')
  })

  it('leaves out elements named after the text node or the document, which y-tiptap turns into broken nodes', () => {
    const ydoc = sampleDoc()
    const fragment = ydoc.getXmlFragment(bodyFragmentName)
    const inline = new Y.XmlElement('paragraph')
    inline.insert(0, [new Y.XmlElement('text'), new Y.XmlText('留')])
    fragment.insert(0, [new Y.XmlElement('doc'), new Y.XmlElement('text'), inline])
    const node = ydocToNode(ydoc)
    node.check() // throws on a node the schema does not allow where it is
    expect(node.firstChild!.toJSON()).toEqual({ type: 'paragraph', attrs: { textAlign: null }, content: [{ type: 'text', text: '留' }] })
  })
})
