import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createDocument, shareWith } from './appServer.ts'
import { editorText, openEditor, screenshot, selectText } from './browser.ts'
import { useApp } from './useApp.ts'

const app = useApp()

const open = app.open

const marked = (page: Page, kind: 'insert' | 'delete') =>
  page.$$eval(`dongbi-editor .dongbi-suggestion--${kind}`, (nodes) => nodes.map((n) => `${n.textContent}@${n.getAttribute('title')}`).join(','))

describe('suggestion mode in Chromium', () => {
  it('a mentor suggests an insertion (typed with an IME) and a deletion; the author sees them live, accepts one, rejects the other; a reload keeps it', async () => {
    const author = await open('陈静', 'chenjing')
    const mentor = await open('王芳', 'wangfang')
    const id = await createDocument(app.server, '学习心得', author.token)
    await shareWith(app.server, id, mentor.userId, 'comment', author.token)

    await openEditor(author.page, app.server.url, id)
    await author.page.click('.ProseMirror')
    await author.page.keyboard.type('深入学习贯彻党的二十大精神，以学增智。')
    await openEditor(mentor.page, app.server.url, id)
    await mentor.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '深入学习贯彻党的二十大精神，以学增智。')
    await mentor.page.waitForSelector('.toolbar-row .suggest-chip')
    expect(await mentor.page.getAttribute('.ProseMirror', 'contenteditable')).toBe('true')

    // An insertion through a Chinese IME: pinyin while composing, 认真 committed (CDP
    // composition events need the page in front).
    await mentor.page.bringToFront()
    await selectText(mentor.page, '深入', { collapse: true })
    const cdp = await mentor.page.context().newCDPSession(mentor.page)
    for (const text of ['r', 'ren', 'renzh', 'renzhen']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    }
    await cdp.send('Input.insertText', { text: '认真' })
    // The author sees it live, with the mentor's name.
    await author.page.waitForFunction(() => document.querySelector('dongbi-editor ins.dongbi-suggestion--insert')?.textContent === '认真')
    // A deletion: select 以学增智 and press Backspace.
    await selectText(mentor.page, '以学增智')
    await mentor.page.keyboard.press('Backspace')
    // Plain typing right after the struck text is one more insertion.
    await mentor.page.keyboard.type('学以致用')

    await author.page.waitForFunction(() => document.querySelectorAll('.suggestion-card').length === 2 && document.querySelector('.suggestion-card:nth-child(3) ins')?.textContent === '学以致用')
    expect(await marked(author.page, 'insert')).toBe('认真@王芳,学以致用@王芳')
    expect(await marked(author.page, 'delete')).toBe('以学增智@王芳')
    expect(await author.page.textContent('.suggestion-card >> nth=0')).toContain('王芳 建议插入')
    expect(await author.page.textContent('.suggestion-card >> nth=1')).toContain('王芳 建议修改')
    // The mentor's own view matches, and nothing of the pinyin reached anyone.
    expect(await editorText(mentor.page)).toBe(await editorText(author.page))
    expect(await editorText(author.page)).not.toMatch(/[a-z]/)
    await screenshot(author.page, 'suggestions-author')
    await screenshot(mentor.page, 'suggestions-mentor')

    // The author accepts the insertion and rejects the replacement.
    await author.page.click('.suggestion-card >> nth=0 >> button.accept')
    await author.page.waitForFunction(() => document.querySelectorAll('.suggestion-card').length === 1)
    await author.page.click('.suggestion-card >> nth=0 >> button.reject')
    const expected = '深入认真学习贯彻党的二十大精神，以学增智。'
    await mentor.page.waitForFunction((text) => document.querySelector('dongbi-editor')!.editor!.getText() === text, expected)
    expect(await editorText(author.page)).toBe(expected)
    expect(await author.page.$$('dongbi-editor .dongbi-suggestion')).toHaveLength(0)
    await author.page.waitForFunction(() => document.querySelectorAll('.suggestion-card').length === 0)

    await author.page.waitForFunction(() => document.querySelector('dongbi-editor')?.sync.status === 'saved')
    await author.page.reload()
    await author.page.waitForFunction((text) => document.querySelector('dongbi-editor')?.provider?.synced && document.querySelector('dongbi-editor')!.editor!.getText() === text, expected)
    expect(await author.page.$$('dongbi-editor .dongbi-suggestion')).toHaveLength(0)
    expect([...author.errors, ...mentor.errors]).toEqual([])
  })

  it('an author switches into 建议 mode; their edits become suggestions they can accept all at once', async () => {
    const author = await open('周敏', 'zhoumin')
    const id = await createDocument(app.server, '自我建议', author.token)
    await openEditor(author.page, app.server.url, id)
    await author.page.click('.ProseMirror')
    await author.page.keyboard.type('第一句。')
    await author.page.click('button.suggest-button')
    expect(await author.page.getAttribute('button.suggest-button', 'aria-pressed')).toBe('true')
    await author.page.keyboard.type('第二句。')
    await author.page.keyboard.press('Enter') // block structure is refused in suggestion mode
    await selectText(author.page, '第一')
    await author.page.keyboard.press('Delete')
    expect(await marked(author.page, 'insert')).toBe('第二句。@周敏')
    expect(await marked(author.page, 'delete')).toBe('第一@周敏')
    expect(await author.page.$$('dongbi-editor .ProseMirror p')).toHaveLength(1)
    await author.page.click('button.accept-all')
    expect(await editorText(author.page)).toBe('句。第二句。')
    await author.page.click('button.suggest-button')
    await author.page.keyboard.type('完')
    expect(await author.page.$$('dongbi-editor .dongbi-suggestion')).toHaveLength(0)
    expect(author.errors).toEqual([])
  })
})
