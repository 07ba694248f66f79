import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
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
})
