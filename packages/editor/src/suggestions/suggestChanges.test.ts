import { editorSchema, listSuggestions, nodeToText, resolveSuggestionsIn } from '@dongbi/schema'
import type { Node } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { suggestChanges } from './suggestChanges.ts'

const schema = editorSchema()
const wang = { authorId: 'u-wang', authorName: '王芳' }
const li = { authorId: 'u-li', authorName: '李明' }
let ids = 0

function state(...paragraphs: string[]): EditorState {
  const doc = schema.nodeFromJSON({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })) })
  return EditorState.create({ doc, selection: TextSelection.create(doc, 1) })
}

/** Applies the user's change, then rewrites it as a suggestion by `author`, like the plugin does. */
function suggest(before: EditorState, change: (tr: Transaction) => void, author = wang): EditorState {
  const tr = before.tr
  change(tr)
  const after = before.apply(tr)
  const rewritten = suggestChanges(after, { base: before.doc, baseSelection: before.selection, author, newId: () => `s${++ids}`, now: () => '2026-11-29T14:00:00Z' })
  return rewritten ? after.apply(rewritten) : after
}

/** The paragraph text with insertions as [+…] and deletions as [-…]. */
function show(doc: Node): string {
  const out: string[] = []
  doc.forEach((block) => {
    let text = ''
    block.forEach((node) => {
      const t = node.text ?? ''
      if (node.marks.some((m) => m.type.name === 'suggestionInsert')) text += `[+${t}]`
      else if (node.marks.some((m) => m.type.name === 'suggestionDelete')) text += `[-${t}]`
      else text += t
    })
    out.push(text)
  })
  return out.join('|')
}

const at = (s: EditorState, pos: number) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, pos)))

describe('suggestChanges', () => {
  it('marks typed text as an insertion by the author, and grows it while typing', () => {
    let s = suggest(state('学习精神'), (tr) => tr.insertText('贯彻', 3))
    expect(show(s.doc)).toBe('学习[+贯彻]精神')
    s = suggest(s, (tr) => tr.insertText('落实', s.selection.from))
    expect(show(s.doc)).toBe('学习[+贯彻落实]精神')
    const [one] = listSuggestions(s.doc)
    expect(one).toMatchObject({ authorId: 'u-wang', authorName: '王芳', inserted: '贯彻落实', deleted: '' })
    expect(listSuggestions(s.doc)).toHaveLength(1)
    expect(s.selection.from).toBe(7)
  })

  it('strikes deleted text instead of removing it; Backspace walks left over it', () => {
    let s = at(state('学习贯彻精神'), 5)
    s = suggest(s, (tr) => tr.delete(4, 5)) // Backspace on 彻
    expect(show(s.doc)).toBe('学习贯[-彻]精神')
    expect(s.selection.from).toBe(4)
    s = suggest(s, (tr) => tr.delete(3, 4)) // Backspace on 贯
    expect(show(s.doc)).toBe('学习[-贯彻]精神')
    expect(listSuggestions(s.doc)).toHaveLength(1)
    // Deleting text already struck changes nothing but the cursor.
    s = suggest(at(s, 5), (tr) => tr.delete(4, 5))
    expect(show(s.doc)).toBe('学习[-贯彻]精神')
  })

  it('replaces a selection: the old text struck, the new one inserted after it, one suggestion', () => {
    const s = suggest(state('深入学习精神'), (tr) => tr.setSelection(TextSelection.create(tr.doc, 3, 5)).insertText('研读'))
    expect(show(s.doc)).toBe('深入[-学习][+研读]精神')
    expect(listSuggestions(s.doc)).toEqual([expect.objectContaining({ inserted: '研读', deleted: '学习' })])
  })

  it("really deletes within one's own insertion, but not within someone else's", () => {
    let s = suggest(state('学习'), (tr) => tr.insertText('认真', 1))
    s = suggest(s, (tr) => tr.delete(2, 3))
    expect(show(s.doc)).toBe('[+认]学习')
    s = suggest(s, (tr) => tr.delete(1, 2), li)
    expect(show(s.doc)).toBe('[+认]学习')
  })

  it('strikes across paragraphs without joining them', () => {
    const s = suggest(state('第一段', '第二节'), (tr) => tr.delete(3, 8))
    expect(show(s.doc)).toBe('第一[-段]|[-第二]节')
  })

  it('refuses block structure: Enter and multi-paragraph pastes leave the document as it was', () => {
    const before = state('第一段')
    const s = suggest(before, (tr) => tr.split(3))
    expect(s.doc.eq(before.doc)).toBe(true)
  })

  it('accepting gives the changed text, rejecting the original; plain text ignores pending suggestions', () => {
    const s = suggest(state('深入学习精神'), (tr) => tr.setSelection(TextSelection.create(tr.doc, 3, 5)).insertText('研读'))
    expect(nodeToText(s.doc)).toBe('深入学习精神')
    expect(nodeToText(resolveSuggestionsIn(s.doc, { accept: true }))).toBe('深入研读精神')
    expect(show(resolveSuggestionsIn(s.doc, { accept: true }))).toBe('深入研读精神')
    expect(show(resolveSuggestionsIn(s.doc, { accept: false }))).toBe('深入学习精神')
  })

  it('treats a whole IME composition (several steps from one base) as one suggestion', () => {
    const base = state('学习精神')
    const tr = base.tr.insertText('g', 3).insertText('gu', 3, 4).insertText('贯彻', 3, 5)
    const after = base.apply(tr)
    const rewritten = suggestChanges(after, { base: base.doc, baseSelection: base.selection, author: wang })!
    expect(show(after.apply(rewritten).doc)).toBe('学习[+贯彻]精神')
  })
})
