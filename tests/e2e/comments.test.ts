import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createDocument, shareWith } from './appServer.ts'
import { openEditor, screenshot, selectText } from './browser.ts'
import { useApp } from './useApp.ts'

const app = useApp()

const open = app.open

const highlighted = (page: Page) => page.$$eval('.dongbi-comment', (spans) => spans.map((s) => s.textContent).join(''))

describe('inline comments in Chromium', () => {
  it('a mentor comments on one character; the author sees it live, replies, resolves; the anchor follows edits', async () => {
    const author = await open('陈静', 'chenjing')
    const mentor = await open('刘洋', 'liuyang')
    const id = await createDocument(app.server, '学习心得', author.token)
    await shareWith(app.server, id, mentor.userId, 'comment', author.token)

    await openEditor(author.page, app.server.url, id)
    await author.page.click('.ProseMirror')
    await author.page.keyboard.type('深入学习贯彻党的二十大精神。')
    await openEditor(mentor.page, app.server.url, id)
    await mentor.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '深入学习贯彻党的二十大精神。')

    // The mentor (可评论) comments on a single character.
    await selectText(mentor.page, '贯')
    await mentor.page.click('button.comment-button')
    await mentor.page.fill('.composer textarea', '“贯彻”一词用得好，可以再具体些。')
    await mentor.page.click('.composer button[type=submit]')
    await mentor.page.waitForSelector('.thread')
    expect(await highlighted(mentor.page)).toBe('贯')

    // The author sees the thread and the highlight live, without reloading.
    await author.page.waitForSelector('.thread .comment-body')
    expect(await author.page.textContent('.thread .comment-body')).toContain('可以再具体些')
    await author.page.waitForFunction(() => document.querySelector('.dongbi-comment')?.textContent === '贯')

    // Typing before, inside and after the range keeps the thread on the same text.
    await author.page.evaluate(() => {
      const editor = document.querySelector('dongbi-editor')!.editor!
      editor.chain().insertContentAt(1, '我们要').run()
    })
    await mentor.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText().startsWith('我们要'))
    // Polled, like the steps below: the text can be in before the highlight is drawn again.
    await expect.poll(() => highlighted(mentor.page)).toBe('贯')
    await expect.poll(() => highlighted(author.page)).toBe('贯')

    // Splitting the paragraph before the range, then joining it back, keeps it too.
    await author.page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.chain().setTextSelection(4).splitBlock().run())
    await mentor.page.waitForFunction(() => document.querySelectorAll('.ProseMirror p').length === 2)
    await expect.poll(() => highlighted(mentor.page)).toBe('贯')
    await expect.poll(() => highlighted(author.page)).toBe('贯')
    await author.page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.chain().setTextSelection(6).joinBackward().run())
    await mentor.page.waitForFunction(() => document.querySelectorAll('.ProseMirror p').length === 1)
    await expect.poll(() => highlighted(mentor.page)).toBe('贯')

    // Clicking the highlight opens the thread; the author replies and resolves.
    await author.page.click('.dongbi-comment')
    await author.page.waitForSelector('.thread.active form.reply textarea')
    await author.page.fill('.thread.active form.reply textarea', '好的，我再改改。')
    await author.page.click('.thread.active form.reply button[type=submit]')
    await mentor.page.waitForFunction(() => document.querySelectorAll('.thread .comment').length === 2)
    await screenshot(author.page, 'comments-thread')
    await author.page.click('.thread.active button.resolve')
    await mentor.page.waitForFunction(() => document.querySelectorAll('.thread').length === 0)
    await mentor.page.click('.filters button >> nth=1')
    await mentor.page.waitForSelector('.thread.resolved')
    expect(await mentor.page.textContent('.thread.resolved')).toContain('陈静 已解决')

    // The mentor cannot change the text, only suggest changes (server-enforced for 可评论).
    expect(await mentor.page.isVisible('.toolbar-row .suggest-chip')).toBe(true)
    expect([...author.errors, ...mentor.errors]).toEqual([])
  })

  it('keeps a thread whose text is deleted, shown as 原文已删除 with its quote', async () => {
    const author = await open('周敏', 'zhoumin')
    await author.page.bringToFront()
    const id = await createDocument(app.server, '删除原文', author.token)
    await openEditor(author.page, app.server.url, id)
    await author.page.click('.ProseMirror')
    await author.page.keyboard.type('第一句。第二句。')
    await selectText(author.page, '第二句')
    await author.page.keyboard.press('Control+Alt+m')
    await author.page.fill('.composer textarea', '这一句多余')
    await author.page.click('.composer button[type=submit]')
    await author.page.waitForSelector('.thread')
    // Typing and deleting within half a second are one undo step; make the deletion its own.
    await author.page.evaluate(() => {
      const state = document.querySelector('dongbi-editor')!.editor!.state
      const undo = state.plugins.find((plugin) => (plugin as unknown as { key: string }).key.startsWith('y-undo'))!
      ;(undo.getState(state) as { undoManager: { stopCapturing(): void } }).undoManager.stopCapturing()
    })
    await selectText(author.page, '第二句。')
    await author.page.keyboard.press('Backspace')
    await expect.poll(() => author.page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.getText())).toBe('第一句。')
    await author.page.waitForSelector('.thread .quote.gone')
    expect(await author.page.textContent('.thread .quote.gone')).toContain('原文已删除')
    expect(await author.page.textContent('.thread .quote.gone s')).toBe('第二句')
    // Undo brings the text back, and the thread's highlight with it.
    await author.page.keyboard.press('Control+z')
    await author.page.waitForFunction(() => document.querySelector('.dongbi-comment')?.textContent === '第二句', undefined, { polling: 50 })
    await screenshot(author.page, 'comments-undo')
  })
})
