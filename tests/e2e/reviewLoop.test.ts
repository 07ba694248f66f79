import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createDocument } from './appServer.ts'
import { editorText, openEditor, screenshot, selectText } from './browser.ts'
import { useApp } from './useApp.ts'

/**
 * The whole loop in one go, two people in Chromium: the mentor comments on a range
 * and suggests a change, and returns it; the author sees both live, replies, accepts the
 * suggestion, resolves the thread and resubmits; the mentor approves; the version diff shows the change.
 */

const app = useApp()

const open = app.open

const chip = (page: Page) => page.textContent('.review-chip').then((text) => text?.trim() ?? '')

describe('the whole review loop in Chromium', () => {
  it('comment + suggestion + return → reply, accept, resolve, resubmit → approve → the diff shows the change', async () => {
    const author = await open('陈静', 'chenjing')
    const mentor = await open('刘洋', 'liuyang')
    const branch = (await (await app.server.api('/api/branches', { method: 'POST', body: { name: '第一支部' } })).json()) as { id: string }
    await app.server.api(`/api/branches/${branch.id}/members/${author.userId}`, { method: 'PUT', body: { role: 'member' } })
    await app.server.api(`/api/branches/${branch.id}/members/${mentor.userId}`, { method: 'PUT', body: { role: 'mentor' } })
    const id = await createDocument(app.server, '学习心得', author.token)

    // The author writes and submits to the mentor (who gets 可评论 access by it).
    await openEditor(author.page, app.server.url, id)
    await author.page.click('.ProseMirror')
    await author.page.keyboard.type('我们要学习，联系实际。')
    await expect.poll(() => chip(author.page)).toBe('草稿')
    await author.page.click('button.submit-review')
    await author.page.check(`.submit-review-dialog input[value="${mentor.userId}"]`)
    await author.page.click('.submit-review-dialog button[type=submit]')
    await expect.poll(() => chip(author.page)).toContain('已提交')

    // The mentor comments on 联系实际 and suggests inserting 认真 before 学习.
    await openEditor(mentor.page, app.server.url, id)
    await mentor.page.bringToFront()
    await selectText(mentor.page, '联系实际')
    await mentor.page.click('button.comment-button')
    await mentor.page.fill('.composer textarea', '举一个本支部的例子。')
    await mentor.page.click('.composer button[type=submit]')
    await selectText(mentor.page, '我们要', { collapse: true })
    await mentor.page.keyboard.type('认真')
    await mentor.page.click('button.return-review')
    await mentor.page.fill('.review-comment-dialog textarea', '思路清楚，请按批注修改。')
    await mentor.page.click('.review-comment-dialog button[type=submit]')
    await expect.poll(() => chip(mentor.page)).toContain('已退回')

    // The author sees both live, replies, accepts the suggestion and resolves the thread.
    await author.page.bringToFront()
    await author.page.waitForSelector('.thread .comment-body')
    await author.page.waitForFunction(() => document.querySelector('dongbi-editor ins.dongbi-suggestion--insert')?.textContent === '认真', undefined, { polling: 100 })
    await author.page.click('.thread')
    await author.page.fill('.thread.active form.reply textarea', '好的，补上例子。')
    await author.page.click('.thread.active form.reply button[type=submit]')
    await mentor.page.waitForFunction(() => document.querySelectorAll('.thread .comment').length === 2, undefined, { polling: 100 })
    await author.page.click('.suggestion-card >> nth=0 >> button.accept')
    await author.page.waitForFunction(() => document.querySelectorAll('dongbi-editor .dongbi-suggestion').length === 0, undefined, { polling: 100 })
    await selectText(author.page, '联系实际', { collapse: true })
    await author.page.keyboard.type('，如支部读书会')
    await author.page.click('.thread.active button.resolve')
    await mentor.page.waitForFunction(() => document.querySelectorAll('.thread').length === 0, undefined, { polling: 100 })
    await expect.poll(() => editorText(mentor.page)).toBe('我们要认真学习，联系实际，如支部读书会。')

    // The author resubmits (the previous reviewer is chosen already); the mentor approves.
    await expect.poll(() => chip(author.page)).toContain('已退回')
    await author.page.click('button.submit-review')
    await author.page.waitForSelector(`.submit-review-dialog input[value="${mentor.userId}"]:checked`)
    await author.page.click('.submit-review-dialog button[type=submit]')
    await expect.poll(() => chip(author.page)).toContain('已提交')
    await mentor.page.bringToFront()
    await expect.poll(() => chip(mentor.page)).toContain('已提交')
    await mentor.page.click('button.approve-review')
    await mentor.page.click('.review-comment-dialog button[type=submit]')
    await expect.poll(() => chip(author.page)).toContain('已通过')

    // The version diff from the first submission to now shows the accepted change and the revision.
    await author.page.bringToFront()
    await author.page.click('button.versions-button')
    await author.page.waitForSelector('.version-row')
    await author.page.locator('.version-row').last().locator('button.compare-version').click()
    await author.page.waitForSelector('dongbi-version-diff ins.diff-ins')
    const inserted = (await author.page.locator('dongbi-version-diff ins.diff-ins').allTextContents()).join('|')
    expect(inserted).toContain('认真')
    expect(inserted).toContain('如支部读书会')
    await screenshot(author.page, 'review-loop-diff')
    expect([...author.errors, ...mentor.errors]).toEqual([])
  })
})
