import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { editorSchema } from './editorSchema.ts'
import { bodyFragmentName } from './fragmentName.ts'
import { replaceBody } from './replaceBody.ts'
import { ydocToNode } from './ydocToNode.ts'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const doc = (...texts: string[]) => ({ type: 'doc', content: texts.map(paragraph) })

describe('replaceBody', () => {
  it('makes the body equal the given content, as one update other replicas apply', () => {
    const ydoc = prosemirrorJSONToYDoc(editorSchema(), doc('第一段', '第二段'), bodyFragmentName)
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(ydoc))
    const updates: Uint8Array[] = []
    ydoc.on('update', (update: Uint8Array) => updates.push(update))
    const target = { type: 'doc', content: [{ type: 'heading', attrs: { level: 1, textAlign: null }, content: [{ type: 'text', text: '标题' }] }, paragraph('第二段（改）')] }
    replaceBody(ydoc, target)
    expect(updates).toHaveLength(1)
    Y.applyUpdate(replica, updates[0]!)
    const expected = editorSchema().nodeFromJSON(target).toJSON()
    expect(ydocToNode(ydoc).toJSON()).toEqual(expected)
    expect(ydocToNode(replica).toJSON()).toEqual(expected)
  })

  it('keeps unchanged text in place, so relative positions in it still resolve', () => {
    const ydoc = prosemirrorJSONToYDoc(editorSchema(), doc('保持不变的一段', '要删掉的一段'), bodyFragmentName)
    const kept = ydoc.getXmlFragment(bodyFragmentName).get(0) as Y.XmlElement
    const text = kept.get(0) as Y.XmlText
    const anchor = Y.createRelativePositionFromTypeIndex(text, 2)
    replaceBody(ydoc, doc('保持不变的一段'))
    const resolved = Y.createAbsolutePositionFromRelativePosition(anchor, ydoc)
    expect(resolved?.type).toBe(text)
    expect(resolved?.index).toBe(2)
    expect(ydocToNode(ydoc).toJSON()).toEqual(editorSchema().nodeFromJSON(doc('保持不变的一段')).toJSON())
  })
})
