import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createDocument } from './appServer.ts'
import { editorText, openEditor, screenshot, selectText } from './browser.ts'
import { useApp } from './useApp.ts'

const app = useApp()

const open = app.open

/** Puts users in a new branch with roles, as the org admin. */
async function branchWith(name: string, members: { userId: string; role: 'member' | 'mentor' }[]): Promise<void> {
  const response = await app.server.api('/api/branches', { method: 'POST', body: { name } })
  const { id } = (await response.json()) as { id: string }
  for (const { userId, role } of members) {
    const put = await app.server.api(`/api/branches/${id}/members/${userId}`, { method: 'PUT', body: { role } })
    if (!put.ok) throw new Error(`membership failed: ${put.status}`)
  }
}

const chip = (page: Page) => page.textContent('.review-chip').then((text) => text?.trim() ?? '')
const badge = (page: Page) => page.locator('dongbi-editor-page .bell-badge, dongbi-app-header .bell-badge').textContent({ timeout: 15_000 })

describe('the review loop in Chromium', () => {
  it('submit → return with comments → revise and resubmit → approve, live on both sides; the versions diff shows the change', async () => {
    const author = await open('陈静', 'chenjing')
    const mentor = await open('刘洋', 'liuyang')
    await branchWith('第一支部', [
      { userId: author.userId, role: 'member' },
      { userId: mentor.userId, role: 'mentor' },
    ])
    const id = await createDocument(app.server, '学习心得', author.token)
    const notes = await createDocument(app.server, '导师笔记', mentor.token)

    // The member writes.
    await openEditor(author.page, app.server.url, id)
    await author.page.click('.ProseMirror')
    await author.page.keyboard.type('深入学习贯彻党的二十大精神。我们要认真学习，联系实际。')
    await expect.poll(() => chip(author.page)).toBe('草稿')

    // The mentor is busy in their own notes: the bell there is live on that document's socket.
    await openEditor(mentor.page, app.server.url, notes)
    expect(await mentor.page.locator('.bell-badge').count()).toBe(0)
    // Empty states: no notifications, no versions yet.
    await mentor.page.click('dongbi-editor-page button.bell')
    await mentor.page.waitForSelector('.inbox .inbox-empty:text("没有通知。")')
    await mentor.page.click('button.versions-button')
    await mentor.page.waitForSelector('.versions-empty')
    await screenshot(mentor.page, 'review-versions-empty')
    await mentor.page.click('button.close-versions')

    // The member submits to the mentor, who is offered first as a mentor of the branch.
    await author.page.click('button.submit-review')
    await author.page.waitForSelector('.submit-review-dialog h3')
    await author.page.waitForSelector('.submit-review-dialog .people-list input[type=radio]')
    expect(await author.page.textContent('.submit-review-dialog .people-list')).toContain('刘洋')
    await author.page.check(`.submit-review-dialog input[value="${mentor.userId}"]`)
    await author.page.fill('.submit-review-dialog textarea', '请刘老师指导。')
    await screenshot(author.page, 'review-submit-dialog')
    await author.page.click('.submit-review-dialog button[type=submit]')
    await expect.poll(() => chip(author.page)).toContain('已提交')

    // The mentor sees the request arrive live: badge, then the inbox sentence.
    await expect.poll(() => badge(mentor.page)).toBe('1')
    await mentor.page.click('dongbi-editor-page button.bell')
    await mentor.page.waitForSelector('.inbox-item.unread')
    expect(await mentor.page.textContent('.inbox-item .inbox-sentence')).toBe('陈静 请你审阅《学习心得》')
    expect(await mentor.page.textContent('.inbox-item .inbox-detail')).toBe('请刘老师指导。')
    await screenshot(mentor.page, 'review-inbox-request')

    // The documents page lists it under 待我审阅; the bell there keeps the count.
    await mentor.page.goto(`${app.server.url}/`)
    await mentor.page.waitForSelector(`.review-queue .doc-row[data-id="${id}"]`)
    expect(await mentor.page.textContent('.review-queue')).toContain('陈静 提交')
    expect(await badge(mentor.page)).toBe('1')
    await screenshot(mentor.page, 'review-queue')

    // The inbox links to the document and marks it read.
    await mentor.page.click('dongbi-app-header button.bell')
    await mentor.page.click('.inbox-item a')
    await mentor.page.waitForURL(new RegExp(`/d/${id}$`))
    await mentor.page.waitForFunction(() => document.querySelector('dongbi-editor')?.provider?.synced === true)
    await expect.poll(() => editorText(mentor.page)).toContain('认真学习')
    await expect.poll(() => mentor.page.locator('.bell-badge').count()).toBe(0)

    // The mentor comments on a range with the existing comments UI, then returns with an overall comment.
    await selectText(mentor.page, '认真')
    await mentor.page.click('button.comment-button')
    await mentor.page.fill('.composer textarea', '“认真”太空泛，写具体的做法。')
    await mentor.page.click('.composer button[type=submit]')
    await mentor.page.waitForSelector('.thread')
    await mentor.page.click('button.return-review')
    await mentor.page.click('.review-comment-dialog button[type=submit]')
    expect(await mentor.page.textContent('.review-comment-dialog .form-error')).toContain('总体意见')
    await mentor.page.fill('.review-comment-dialog textarea', '结构清楚，第二句请再具体些。')
    await mentor.page.click('.review-comment-dialog button[type=submit]')
    await expect.poll(() => chip(mentor.page)).toContain('已退回')

    // The author sees the return live (chip and badge), reads it, replies to the thread.
    await expect.poll(() => chip(author.page)).toContain('已退回')
    await expect.poll(() => badge(author.page)).toBe('1')
    await author.page.click('dongbi-editor-page button.bell')
    await author.page.waitForSelector('.inbox-item')
    expect(await author.page.textContent('.inbox-item .inbox-sentence')).toBe('刘洋 退回了《学习心得》')
    expect(await author.page.textContent('.inbox-item .inbox-detail')).toBe('结构清楚，第二句请再具体些。')
    await screenshot(author.page, 'review-inbox-returned')
    await author.page.click('.inbox .mark-all')
    await expect.poll(() => author.page.locator('.bell-badge').count()).toBe(0)
    await author.page.click('.review-chip')
    await author.page.waitForSelector('.review-history .timeline-item >> nth=1')
    expect(await author.page.textContent('.review-history')).toContain('刘洋 退回修改')
    expect(await author.page.textContent('.review-history')).toContain('结构清楚')
    await screenshot(author.page, 'review-history')
    await author.page.click('.review-history header .link')

    await author.page.click('.thread')
    await author.page.fill('.thread.active form.reply textarea', '好的，改成具体做法。')
    await author.page.click('.thread.active form.reply button[type=submit]')
    await mentor.page.waitForFunction(() => document.querySelectorAll('.thread .comment').length === 2)

    // The author revises — '认真' becomes '逐字逐句' — and resubmits to the same mentor.
    await selectText(author.page, '认真')
    await author.page.keyboard.type('逐字逐句')
    await expect.poll(() => editorText(mentor.page)).toContain('逐字逐句学习')
    await author.page.click('button.submit-review')
    await author.page.waitForSelector(`.submit-review-dialog input[value="${mentor.userId}"]:checked`)
    await author.page.click('.submit-review-dialog button[type=submit]')
    await expect.poll(() => chip(author.page)).toContain('已提交')

    // The mentor approves; the author sees it live.
    await expect.poll(() => chip(mentor.page)).toContain('已提交')
    await mentor.page.click('button.approve-review')
    await mentor.page.fill('.review-comment-dialog textarea', '改得好。')
    await mentor.page.click('.review-comment-dialog button[type=submit]')
    await expect.poll(() => chip(mentor.page)).toContain('已通过')
    await expect.poll(() => chip(author.page)).toContain('已通过')
    await screenshot(mentor.page, 'review-approved')

    // Versions: both submissions are there; the first against the current text shows the change.
    await author.page.click('button.versions-button')
    await author.page.waitForSelector('.version-row >> nth=1')
    const rows = await author.page.locator('.version-row .version-name').allTextContents()
    expect(rows.filter((name) => name.startsWith('提交版本'))).toHaveLength(2)
    await author.page.locator('.version-row').last().locator('button.compare-version').click()
    await author.page.waitForSelector('dongbi-version-diff ins.diff-ins')
    expect(await author.page.locator('ins.diff-ins').allTextContents()).toContain('逐字逐句')
    expect(await author.page.locator('del.diff-del').allTextContents()).toContain('认真')
    expect(await author.page.textContent('.addressed-item')).toContain('原文已修改')
    await screenshot(author.page, 'review-versions-diff')

    // A named version, renamed, and read back.
    await author.page.fill('.save-version input', '定稿')
    await author.page.click('.save-version button[type=submit]')
    await author.page.waitForSelector('.version-row .version-name:text("定稿")')
    await author.page.locator('.version-row').first().locator('button.view-version').click()
    await author.page.waitForSelector('.version-text')
    expect(await author.page.textContent('.version-text')).toContain('逐字逐句学习')
    await screenshot(author.page, 'review-version-text')

    // Restoring the first submission goes through the live document: the mentor's editor follows.
    author.page.once('dialog', (dialog) => void dialog.accept())
    await author.page.locator('.version-row').last().locator('button.restore-version').click()
    await author.page.waitForSelector('.versions-dialog .form-ok')
    await expect.poll(() => editorText(mentor.page)).toBe('深入学习贯彻党的二十大精神。我们要认真学习，联系实际。')
    await expect.poll(() => editorText(author.page)).toBe('深入学习贯彻党的二十大精神。我们要认真学习，联系实际。')
    expect(await author.page.locator('.version-row .version-name').allTextContents()).toContain('恢复前备份 #4')

    expect([...author.errors, ...mentor.errors]).toEqual([])
  })

  it('reads in English too: status, versions and the inbox', async () => {
    const writer = await open('Wang Fang', 'wangfang', 'en')
    const { page, errors } = writer
    await page.addInitScript(() => localStorage.setItem('dongbi.locale', 'en'))
    const id = await createDocument(app.server, 'Reflections', writer.token)
    await openEditor(page, app.server.url, id)
    await page.click('.ProseMirror')
    await page.keyboard.type('学习笔记 first line.')
    await page.click('.review-chip')
    await page.waitForSelector('.review-history')
    await page.click('.review-history header .link')
    await page.click('button.versions-button')
    await page.fill('.save-version input', 'First draft')
    await page.click('.save-version button[type=submit]')
    await page.waitForSelector('.version-row')
    await page.click('.version-row button.compare-version')
    await page.waitForSelector('dongbi-version-diff .diff-stats')
    await screenshot(page, 'review-versions-en')
    await page.click('button.close-versions')
    await page.click('dongbi-editor-page button.bell')
    await page.waitForSelector('.inbox .inbox-empty')
    await screenshot(page, 'review-editor-en')
    expect(errors).toEqual([])
  })
})
