import { initProseMirrorDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bodyRules } from './BodyRules.ts'
import { editorSchema } from './editorSchema.ts'
import { bodyFragmentName } from './fragmentName.ts'

const schema = editorSchema()
const rules = bodyRules()

/**
 * What the editor makes of the body of `doc`: whether y-tiptap deleted anything from the doc
 * (or threw: text straight in the body), and whether the node it built is whole and valid.
 */
function editorOpens(doc: Y.Doc): { deleted: boolean; valid: boolean } {
  let deleted = false
  doc.on('update', () => (deleted = true))
  let node
  try {
    node = initProseMirrorDoc(doc.getXmlFragment(bodyFragmentName), schema).doc
  } catch {
    return { deleted: true, valid: false }
  }
  let valid = true
  try {
    node.check()
  } catch {
    valid = false
  }
  // An element named `text` becomes a text node without text: a broken node check() misses.
  node.descendants((child) => {
    if (child.isText && typeof child.text !== 'string') valid = false
  })
  return { deleted, valid }
}

/** A body of one `child` under `parent` (the body itself when it is the top node), with the rules' answer for it. */
function case_(parent: string, child: string | 'xml text', mark: [string, unknown] | null = null) {
  const doc = new Y.Doc()
  const text = new Y.XmlText()
  const made = child === 'xml text' ? text : new Y.XmlElement(child)
  if (made instanceof Y.XmlElement && child !== 'text') made.insert(0, [text])
  const body = doc.getXmlFragment(bodyFragmentName)
  if (parent === rules.top) body.insert(0, [made])
  else {
    const element = new Y.XmlElement(parent)
    element.insert(0, [made])
    body.insert(0, [element])
  }
  text.insert(0, '学习', mark ? { [mark[0]]: mark[1] } : undefined)
  const childOf = made instanceof Y.XmlElement ? made.nodeName : schema.topNodeType.name
  const refusals = [
    parent === rules.top ? null : rules.element(rules.top, parent),
    child === 'xml text' ? rules.text(parent) : rules.element(parent, child),
    child === 'text' ? null : rules.text(child === 'xml text' ? parent : childOf),
    mark ? rules.format(mark[0], mark[1]) : null,
  ].filter((refusal) => refusal !== null)
  return { doc, refusals }
}

describe('BodyRules', () => {
  const nodes = Object.keys(schema.nodes)
  const parents = [...nodes.filter((name) => name !== 'text'), 'script']
  const children = [...nodes, 'script', 'xml text'] as const

  it('refuses, of each parent and child, what y-tiptap deletes from the doc or builds as an invalid node, and nothing else', () => {
    let refused = 0
    for (const parent of parents) {
      for (const child of children) {
        const { doc, refusals } = case_(parent, child)
        const { deleted, valid } = editorOpens(doc)
        const where = `${parent} > ${child}: ${refusals.join('; ') || 'taken'}`
        if (refusals.length === 0) expect(deleted, where).toBe(false)
        else {
          refused++
          expect(deleted || !valid, where).toBe(true)
        }
      }
    }
    expect(refused).toBeGreaterThan(50)
  })

  it('allows what the editor writes: lists, quotes, breaks in text, headings', () => {
    expect(rules.element('doc', 'paragraph')).toBeNull()
    expect(rules.element('doc', 'heading')).toBeNull()
    expect(rules.element('bulletList', 'listItem')).toBeNull()
    expect(rules.element('listItem', 'paragraph')).toBeNull()
    expect(rules.element('listItem', 'orderedList')).toBeNull()
    expect(rules.element('blockquote', 'paragraph')).toBeNull()
    expect(rules.element('paragraph', 'hardBreak')).toBeNull()
    expect(rules.text('paragraph')).toBeNull()
    expect(rules.text('heading')).toBeNull()
  })

  it('names what it refuses', () => {
    expect(rules.element('doc', 'script')).toBe('no element is named "script"')
    expect(rules.element('paragraph', 'text')).toBe('no element is named "text"')
    expect(rules.element('paragraph', 'heading')).toBe('a paragraph may not hold a heading')
    expect(rules.element('doc', 'listItem')).toBe('the document body may not hold a listItem')
    expect(rules.element('doc', 'doc')).toBe('the document body may not hold a doc')
    expect(rules.text('doc')).toBe('the document body may not hold text')
    expect(rules.text('bulletList')).toBe('a bulletList may not hold text')
    expect(rules.format('link', { href: 'x' })).toBe('no mark is named "link"')
  })

  it("takes the schema's marks, under y-tiptap's hashed keys too, and the end of any format", () => {
    for (const mark of Object.keys(schema.marks)) {
      expect(rules.format(mark, {})).toBeNull()
      expect(rules.format(mark, true)).toBeNull()
      expect(rules.format(`${mark}--AbCd12+/`, {})).toBeNull()
      const { doc, refusals } = case_('paragraph', 'xml text', [mark, { id: 's1' }])
      expect(refusals).toEqual([])
      expect(editorOpens(doc).deleted).toBe(false)
    }
    expect(rules.format('link', null)).toBeNull() // ends a format: y-tiptap never sees it
    const { doc, refusals } = case_('paragraph', 'xml text', ['link', { href: 'https://例子.中国' }])
    expect(refusals).toEqual(['no mark is named "link"'])
    expect(editorOpens(doc).deleted).toBe(true) // y-tiptap deletes the whole text run
  })

  it('does not judge what sits under a name the schema lacks: the editor drops it with its parent', () => {
    expect(rules.element('script', 'script')).toBeNull()
    expect(rules.text('script')).toBeNull()
  })
})
