import type { DocumentCheckDto } from '@dongbi/schema'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { editorText, openEditor, outputDir, screenshot } from './browser.ts'
import { useApp } from './useApp.ts'

const app = useApp()

/** The underlined texts of one severity, in document order. */
const underlined = (page: Page, severity: 'error' | 'warning') =>
  page.$$eval(`dongbi-editor .dongbi-check--${severity}`, (nodes) => nodes.map((n) => n.textContent ?? ''))

const panelItems = (page: Page) =>
  page.$$eval('.format-check-panel .check-item', (items) => items.map((i) => `${i.classList.contains('error') ? 'error' : 'warning'}:${i.querySelector('.check-text')?.textContent ?? ''}`))

const lines = ['X党委办发[2024]12号', '关于开展学习教育月活动的通知', '各支部:', '一.活动时间', '3月1日至31日，其它事项另行通知。', '特此通知。', 'X党委办公室', '2024-03-05']

describe('the 公文 format checker in Chromium', () => {
  it('underlines errors as a 通知 is typed, lists them in the panel, and 一键修正 fixes them until none are left', async () => {
    const author = await app.open('陈静', 'chenjing')
    const created = await app.server.api('/api/documents', { method: 'POST', body: { title: '关于开展学习教育月活动的通知', kind: 'notice' }, token: author.token })
    expect(created.status).toBe(201)
    const id = ((await created.json()) as { id: string }).id

    await openEditor(author.page, app.server.url, id)
    // A 通知 opens with the panel shown; the empty document has nothing to report.
    await author.page.waitForSelector('.format-check-panel .check-empty')
    expect(await author.page.textContent('.format-check-panel .check-empty')).toContain('未发现格式问题')
    await screenshot(author.page, 'format-check-empty')

    await author.page.click('.ProseMirror')
    for (const [i, line] of lines.entries()) {
      if (i > 0) await author.page.keyboard.press('Enter')
      await author.page.keyboard.type(line)
    }
    // The panel follows the underlines (which follow every keystroke) within a moment.
    await author.page.waitForFunction(() => [...document.querySelectorAll('.format-check-panel .check-text')].map((n) => n.textContent).join('|') === '[2024]|:|一.|2024-03-05|其它')
    expect(await underlined(author.page, 'error')).toEqual(['[2024]', ':', '一.', '2024-03-05'])
    expect(await underlined(author.page, 'warning')).toEqual(['其它'])
    expect(await author.page.getAttribute('dongbi-editor .dongbi-check--error >> nth=0', 'title')).toBe('发文字号的年份应使用六角括号“〔〕”')
    expect(await panelItems(author.page)).toEqual(['error:[2024]', 'error::', 'error:一.', 'error:2024-03-05', 'warning:其它'])
    expect(await author.page.textContent('.format-check-panel .check-group.error')).toContain('错误')
    expect((await author.page.textContent('.check-button .check-count'))?.trim()).toBe('5')
    await screenshot(author.page, 'format-check-findings')

    // Clicking a finding selects its text in the editor.
    await author.page.click('.format-check-panel .check-item >> nth=2 >> .check-target')
    const selected = await author.page.evaluate(() => {
      const { state } = document.querySelector('dongbi-editor')!.editor!
      return state.doc.textBetween(state.selection.from, state.selection.to)
    })
    expect(selected).toBe('一.')

    // 一键修正 on two findings, then 全部修正 for the rest.
    for (const left of [4, 3]) {
      await author.page.click('.format-check-panel .check-fix >> nth=0')
      await author.page.waitForFunction((n) => document.querySelectorAll('.format-check-panel .check-item').length === n, left)
    }
    expect(await author.page.textContent('.format-check-panel .check-fix-all')).toBe('全部修正（3）')
    await screenshot(author.page, 'format-check-fix-all')
    await author.page.click('.format-check-panel .check-fix-all')
    await author.page.waitForSelector('.format-check-panel .check-empty')
    expect(await author.page.$$('dongbi-editor .dongbi-check')).toHaveLength(0)
    expect((await author.page.textContent('.check-button .check-count'))?.trim()).toBe('0')
    expect(await editorText(author.page)).toBe(
      ['X党委办发〔2024〕12号', '关于开展学习教育月活动的通知', '各支部：', '一、活动时间', '3月1日至31日，其他事项另行通知。', '特此通知。', 'X党委办公室', '2024年3月5日'].join('\n\n'),
    )
    await screenshot(author.page, 'format-check-fixed')

    // The server, checking the stored text, agrees.
    await author.page.waitForFunction(() => document.querySelector('dongbi-editor')?.sync.status === 'saved')
    const check = (await (await app.server.api(`/api/documents/${id}/check`, { token: author.token })).json()) as DocumentCheckDto
    expect(check.findings).toEqual([])

    // The panel can be closed and reopened from the toolbar.
    await author.page.click('.format-check-panel .close')
    await author.page.waitForSelector('.format-check-panel', { state: 'detached' })
    await author.page.click('.check-button')
    await author.page.waitForSelector('.format-check-panel .check-empty')
    expect(author.errors).toEqual([])
  })

  it('checks only after an IME composition is committed, and shows English messages in English', async () => {
    const author = await app.open('Li Lei', 'lilei', 'en')
    await author.page.addInitScript(() => localStorage.setItem('dongbi.locale', 'en'))
    const created = await app.server.api('/api/documents', { method: 'POST', body: { title: 'Notice', kind: 'notice' }, token: author.token })
    const id = ((await created.json()) as { id: string }).id
    await openEditor(author.page, app.server.url, id)
    await author.page.bringToFront()
    await author.page.click('.ProseMirror')
    await author.page.keyboard.type('关于开展学习的通知')
    await author.page.keyboard.press('Enter')
    const cdp = await author.page.context().newCDPSession(author.page)
    // Some IMEs show the candidate characters inline while composing: 其它 is in the document
    // mid-composition, but is not checked (nor underlined) until it is committed.
    for (const text of ['q', 'qi', 'qita', '其它']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    }
    await author.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText().endsWith('其它'))
    await new Promise((resolve) => setTimeout(resolve, 300)) // longer than the panel's 120 ms: nothing may arrive
    expect(await author.page.$$('dongbi-editor .dongbi-check')).toHaveLength(0)
    expect(await author.page.$$('.format-check-panel .check-item')).toHaveLength(0)
    await cdp.send('Input.insertText', { text: '其它' })
    await author.page.waitForFunction(() => document.querySelectorAll('dongbi-editor .dongbi-check--warning').length === 1)
    expect(await underlined(author.page, 'warning')).toEqual(['其它'])
    await author.page.waitForSelector('.format-check-panel .check-item')
    expect(await author.page.textContent('.format-check-panel .check-message')).toBe('Write 其他, not 其它')
    expect(await author.page.textContent('.format-check-panel .check-fix')).toBe('Fix')
    await screenshot(author.page, 'format-check-english')
    expect(author.errors).toEqual([])
  })

  it('a secretary switches a practice rule off for the branch; members’ editors stop flagging it', async () => {
    const secretary = await app.open('刘书记', 'liushuji')
    const member = await app.open('赵党员', 'zhaodangyuan')
    const branch = await app.server.api('/api/branches', { method: 'POST', body: { name: '机关第三支部' }, token: app.server.token })
    const branchId = ((await branch.json()) as { id: string }).id
    for (const [userId, role] of [
      [secretary.userId, 'secretary'],
      [member.userId, 'member'],
    ]) {
      expect((await app.server.api(`/api/branches/${branchId}/members/${userId}`, { method: 'PUT', body: { role }, token: app.server.token })).status).toBe(200)
    }

    await secretary.page.goto(`${app.server.url}/branches/${branchId}`)
    const qita = '.checker-settings input[data-rule-id="word-qita"]'
    await secretary.page.waitForSelector(qita)
    expect(await secretary.page.isChecked(qita)).toBe(true)
    // Rules from the regulation and the standard are listed but cannot be switched off.
    expect(await secretary.page.$$('.checker-settings input[data-rule-id="docnumber-brackets"]')).toHaveLength(0)
    await secretary.page.uncheck(qita)
    await secretary.page.waitForSelector('.checker-settings .chip.saved')
    await secretary.page.locator('.checker-settings').screenshot({ path: `${outputDir}/format-check-settings.png` })

    // A member sees the settings read-only.
    await member.page.goto(`${app.server.url}/branches/${branchId}`)
    await member.page.waitForSelector(qita)
    expect(await member.page.isChecked(qita)).toBe(false)
    expect(await member.page.isDisabled(qita)).toBe(true)

    const created = await app.server.api('/api/documents', { method: 'POST', body: { title: '通知', kind: 'notice' }, token: member.token })
    const id = ((await created.json()) as { id: string }).id
    await openEditor(member.page, app.server.url, id)
    await member.page.click('.ProseMirror')
    await member.page.keyboard.type('关于开展学习的通知')
    await member.page.keyboard.press('Enter')
    await member.page.keyboard.type('近日，其它支部也参加。')
    // 近日 (still on) is flagged; 其它 (switched off by the branch) is not.
    await member.page.waitForFunction(() => document.querySelectorAll('.format-check-panel .check-item').length === 1)
    expect(await underlined(member.page, 'warning')).toEqual(['近日'])
    expect([...secretary.errors, ...member.errors]).toEqual([])
  })

  it('a submitted 公文 carries its check summary to the mentor, who sees the findings without fix buttons', async () => {
    const author = await app.open('孙丽', 'sunli')
    const mentor = await app.open('刘洋', 'liuyang')
    const created = await app.server.api('/api/documents', { method: 'POST', body: { title: '关于开展学习教育月活动的通知', kind: 'notice' }, token: author.token })
    const id = ((await created.json()) as { id: string }).id
    await openEditor(author.page, app.server.url, id)
    await author.page.click('.ProseMirror')
    for (const [i, line] of lines.entries()) {
      if (i > 0) await author.page.keyboard.press('Enter')
      await author.page.keyboard.type(line)
    }
    await author.page.waitForFunction(() => document.querySelector('dongbi-editor')?.sync.status === 'saved')
    const submitted = await app.server.api(`/api/documents/${id}/review/submit`, { method: 'POST', body: { reviewerId: mentor.userId }, token: author.token })
    expect(submitted.status).toBe(200)

    await openEditor(mentor.page, app.server.url, id)
    await mentor.page.waitForFunction(() => document.querySelectorAll('.format-check-panel .check-item').length === 5)
    expect(await mentor.page.$$('.format-check-panel .check-fix')).toHaveLength(0)
    await mentor.page.click('.review-chip')
    await mentor.page.waitForSelector('.review-history .timeline-check')
    expect(await mentor.page.textContent('.review-history .timeline-check')).toBe('格式检查：4 个错误，1 个警告')
    await screenshot(mentor.page, 'format-check-mentor')
    expect([...author.errors, ...mentor.errors]).toEqual([])
  })
})
