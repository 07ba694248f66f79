import { replaceBody } from '@dongbi/schema'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { editorText, outputDir, screenshot } from './browser.ts'
import { useApp } from './useApp.ts'

const app = useApp()

/** A filled-in 通知 with every element, for the print view. */
const notice = {
  type: 'doc',
  content: [
    { type: 'paragraph', attrs: { textAlign: 'center' }, content: [{ type: 'text', text: 'X机关党委发〔2024〕5号' }] },
    { type: 'heading', attrs: { level: 1, textAlign: 'center' }, content: [{ type: 'text', text: '关于开展2024年学习教育月活动的通知' }] },
    ...[
      '各党支部：',
      '为深入学习贯彻党的创新理论，推动机关党员学有所获、学有所用，经研究，决定在全机关开展2024年学习教育月活动。现将有关事项通知如下。',
      '一、活动时间',
      '2024年3月1日至31日。',
      '二、主要内容',
      '（一）集中学习',
      '各支部每周组织一次集中学习，原原本本学习重要文献，结合业务实际开展研讨。',
      '（二）专题党课',
      '1.支部书记讲党课',
      '（1）围绕机关自身建设确定题目',
      '三、工作要求',
      '各支部要高度重视，精心组织，于3月31日前将活动总结报机关党委办公室。',
      '特此通知。',
      '',
      '附件：1.学习书目',
      '2.活动安排表',
      '',
    ].map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
    { type: 'paragraph', attrs: { textAlign: 'right' }, content: [{ type: 'text', text: 'X机关党委' }] },
    { type: 'paragraph', attrs: { textAlign: 'right' }, content: [{ type: 'text', text: '2024年2月26日' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '抄送：机关纪委，机关工会。' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'X机关党委办公室　2024年2月26日印发' }] },
  ],
}

describe('templates and export in the browser', () => {
  it('starts a 请示 from the template picker, exports it, and saves a branch template', async () => {
    const { server } = app
    // The writer is the secretary of 第一支部, so the editor offers 存为支部模板.
    const branch = await (await server.api('/api/branches', { method: 'POST', body: { name: '第一支部' } })).json() as { id: string }
    const writer = await app.open('王芳', 'wangfang')
    expect((await server.api(`/api/branches/${branch.id}/members/${writer.userId}`, { method: 'PUT', body: { role: 'secretary' } })).status).toBe(200)
    const { page } = writer

    await page.goto(server.url)
    await page.click('button.primary')
    await page.waitForSelector('.template-card[data-template="request"]')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-template'))).toBe('')
    const groups = await page.locator('.template-group h3').allTextContents()
    expect(groups).toEqual(['公文', '常用文书', '本支部模板'])
    expect(await page.locator('.template-group[data-group="gongwen"] .template-name').allTextContents()).toEqual(['通知', '请示', '报告', '函', '纪要', '批复', '通报', '意见'])
    expect(await page.textContent('.template-group[data-group="branch"]')).toContain('本支部还没有模板')
    await screenshot(page, 'template-picker')

    await page.click('.template-card[data-template="request"]')
    await page.waitForURL(/\/d\/[\w-]+$/)
    await page.waitForFunction(() => document.querySelector('dongbi-editor')?.provider?.synced === true)
    await page.waitForFunction(() => document.querySelector('dongbi-editor')?.editor?.getText().includes('妥否，请批示。'))
    expect(await page.inputValue('.doc-title-input')).toBe('关于××××的请示')
    const text = await editorText(page)
    expect(text).toContain('关于〖请求事项〗的请示')
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    await screenshot(page, 'template-request-editor')

    // 打印 / 导出: Word downloads under the title's name.
    await page.click('.export-button')
    await page.waitForSelector('.menu-popover')
    await screenshot(page, 'export-menu')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.menu-item[data-format="docx"]')])
    expect(download.suggestedFilename()).toBe('关于××××的请示.docx')
    const saved = path.join(outputDir, 'export-request.docx')
    await download.saveAs(saved)
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK')

    // 存为支部模板, then the picker offers it to the branch.
    await page.click('.export-button')
    await page.click('.menu-item.save-template')
    await page.fill('.save-template-dialog input[name="name"]', '经费请示（支部范本）')
    await page.fill('.save-template-dialog input[name="description"]', '申请活动经费时用')
    await screenshot(page, 'save-template-dialog')
    await page.click('.save-template-dialog button[type="submit"]')
    await page.waitForSelector('.save-template-dialog .form-success')
    expect(await page.textContent('.save-template-dialog .form-success')).toContain('第一支部')
    await page.click('.save-template-dialog .primary')

    await page.click('a.back')
    await page.waitForSelector('.doc-row')
    expect(await page.textContent('.doc-row .kind-chip')).toBe('请示')
    await page.click('button.primary')
    await page.waitForSelector('.template-group[data-group="branch"] .template-card')
    // Once the branch has templates they come first.
    expect(await page.locator('.template-group h3').allTextContents()).toEqual(['本支部模板', '公文', '常用文书'])
    expect(await page.textContent('.template-group[data-group="branch"] .template-name')).toContain('经费请示（支部范本）')
    await screenshot(page, 'template-picker-branch')
    await page.click('.template-group[data-group="branch"] .template-card')
    await page.waitForURL(/\/d\/[\w-]+$/)
    await page.waitForFunction(() => document.querySelector('dongbi-editor')?.editor?.getText().includes('妥否，请批示。'))
    expect(writer.errors).toEqual([])
  })

  it('shows a 公文 in the print view laid out like the DOCX, with no script', async () => {
    const { server } = app
    const reader = await app.open('李明', 'liming')
    const created = await server.api('/api/documents', { method: 'POST', body: { title: '关于开展2024年学习教育月活动的通知', kind: 'notice' }, token: reader.token })
    const { id } = (await created.json()) as { id: string }
    await server.collab.changeDocument(id, (doc) => replaceBody(doc, notice))

    const { page } = reader
    const cspErrors: string[] = []
    page.on('console', (message) => message.type() === 'error' && cspErrors.push(message.text()))
    const response = await page.goto(`${server.url}/api/documents/${id}/export?format=html`)
    expect(response?.status()).toBe(200)
    expect(await page.title()).toBe('关于开展2024年学习教育月活动的通知')
    const styles = await page.evaluate(() => {
      const style = (selector: string) => {
        const s = getComputedStyle(document.querySelector(selector)!)
        // CSS px to points, to a tenth.
        const pt = (px: string) => Math.round(parseFloat(px) * 7.5) / 10
        return { font: pt(s.fontSize), line: pt(s.lineHeight), indent: pt(s.textIndent), align: s.textAlign, family: s.fontFamily }
      }
      return { title: style('h1'), body: style('p.body'), heading: style('h2'), date: style('p.date'), cc: style('p.cc') }
    })
    // 22 pt title, 16 pt body on 28 pt lines indented two characters, 14 pt 版记.
    expect(styles.title).toMatchObject({ font: 22, align: 'center' })
    expect(styles.title.family).toContain('方正小标宋简体')
    expect(styles.body).toMatchObject({ font: 16, line: 28, indent: 32 })
    expect(styles.body.family).toContain('仿宋_GB2312')
    expect(styles.heading.family).toContain('黑体')
    expect(styles.date.align).toBe('right')
    expect(styles.cc.font).toBe(14)
    expect(await page.locator('script').count()).toBe(0)
    await screenshot(page, 'print-view')
    await page.screenshot({ path: path.join(outputDir, 'print-view-full.png'), fullPage: true })
    expect(cspErrors).toEqual([])
    expect(reader.errors).toEqual([])
  })

  it('speaks English when switched, kind names included', async () => {
    const { server } = app
    const reader = await app.open('Zhang Wei', 'zhangwei')
    await reader.context.addInitScript(() => localStorage.setItem('dongbi.locale', 'en'))
    const created = await server.api('/api/documents', { method: 'POST', body: { templateId: 'minutes' }, token: reader.token })
    expect(created.status).toBe(201)
    const { page } = reader
    await page.goto(server.url)
    await page.waitForSelector('.doc-row')
    expect(await page.textContent('.doc-row .kind-chip')).toBe('Minutes')
    await page.click('button.primary')
    await page.waitForSelector('.template-card[data-template="notice"]')
    expect(await page.textContent('#template-picker-title')).toBe('New document')
    expect(await page.locator('.template-group h3').allTextContents()).toEqual(['Official documents (公文)', 'Everyday writing', 'Branch templates'])
    await screenshot(page, 'template-picker-en')
    expect(reader.errors).toEqual([])
  })
})
