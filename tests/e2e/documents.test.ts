import type { TestServer } from '@dongbi/server/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocument, startAppServer } from './appServer.ts'
import { collectPageErrors, launchBrowser, screenshot, signedIn } from './browser.ts'

let server: TestServer
let browser: Browser
let context: BrowserContext
let token: string
let page: Page
let errors: string[]

beforeAll(async () => {
  server = await startAppServer()
  browser = await launchBrowser()
  ;({ context, token } = await signedIn(browser, server, { name: '赵磊', username: 'zhaolei' }))
  page = await context.newPage()
  errors = collectPageErrors(page)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

const rowTitles = () => page.locator('.doc-row .doc-title').allTextContents()

describe('the document list', () => {
  it('shows an empty state, then creates a document and opens it', async () => {
    await page.goto(server.url)
    await page.waitForSelector('.empty')
    expect(await page.textContent('.empty')).toContain('还没有文档')
    await screenshot(page, 'documents-empty')

    await page.click('button.primary')
    await page.click('.template-card.blank')
    await page.waitForURL(/\/d\/[\w-]+$/)
    await page.waitForSelector('dongbi-editor .ProseMirror')
    expect(await page.inputValue('.doc-title-input')).toBe('未命名文档')

    // Rename from the editor's title field.
    await page.fill('.doc-title-input', '第一支部学习心得')
    await page.press('.doc-title-input', 'Enter')
    await page.click('a.back')
    await page.waitForSelector('.doc-row')
    expect(await rowTitles()).toEqual(['第一支部学习心得'])
  })

  it('renames in the list, moves to the trash with undo, restores and deletes for good', async () => {
    await createDocument(server, '关于开展学习教育月活动的通知', token)
    await page.goto(server.url)
    await page.waitForSelector('.doc-row >> nth=1')
    expect(await rowTitles()).toEqual(['关于开展学习教育月活动的通知', '第一支部学习心得'])

    const row = page.locator('.doc-row', { hasText: '第一支部学习心得' })
    await row.getByRole('button', { name: '重命名' }).click()
    await page.fill('input.rename', '第一支部学习心得（修订）')
    await page.press('input.rename', 'Enter')
    await expect.poll(rowTitles).toContain('第一支部学习心得（修订）')

    await page.locator('.doc-row', { hasText: '通知' }).getByRole('button', { name: '删除' }).click()
    await page.waitForSelector('.toast')
    expect(await page.textContent('.toast')).toContain('已移到回收站')
    await expect.poll(rowTitles).toEqual(['第一支部学习心得（修订）'])
    await screenshot(page, 'documents-toast')
    await page.click('.toast button')
    await expect.poll(async () => (await rowTitles()).length).toBe(2)

    // Trash, restore and purge.
    await page.locator('.doc-row', { hasText: '通知' }).getByRole('button', { name: '删除' }).click()
    await page.click('nav.tabs >> text=回收站')
    await page.waitForURL(/\/trash$/)
    await expect.poll(rowTitles).toEqual(['关于开展学习教育月活动的通知'])
    await screenshot(page, 'documents-trash')
    await page.getByRole('button', { name: '恢复' }).click()
    await page.waitForSelector('.empty')
    expect(await page.textContent('.empty')).toContain('回收站是空的')

    await page.click('nav.tabs >> text=我的文档')
    await page.locator('.doc-row', { hasText: '通知' }).getByRole('button', { name: '删除' }).click()
    await page.click('nav.tabs >> text=回收站')
    await page.waitForSelector('.doc-row')
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: '彻底删除' }).click()
    await page.waitForSelector('.empty')
    const list = (await (await server.api('/api/documents?scope=trash', { token })).json()) as { documents: unknown[] }
    expect(list.documents).toEqual([])
  })

  it('switches to English and back', async () => {
    await page.goto(server.url)
    await page.waitForSelector('.doc-row')
    await page.click('button.lang')
    await page.waitForSelector('text=My documents')
    expect(await page.textContent('button.primary')).toContain('New document')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.reload()
    await page.waitForSelector('text=My documents')
    await screenshot(page, 'documents-english')
    await page.click('button.lang')
    await page.waitForSelector('text=我的文档')
  })

  it('says so when a document does not exist', async () => {
    await page.goto(`${server.url}/d/doesNotExist123`)
    await page.waitForSelector('.editor-failure')
    expect(await page.textContent('.editor-failure')).toContain('文档不存在或已被删除')
  })

  it('closes an open editor when its document is deleted elsewhere', async () => {
    const id = await createDocument(server, '将被删除', token)
    await page.goto(`${server.url}/d/${id}`)
    await page.waitForFunction(() => document.querySelector('dongbi-editor')?.provider?.synced === true)
    await server.api(`/api/documents/${id}`, { method: 'DELETE', token })
    await page.waitForSelector('.editor-failure')
    expect(errors).toEqual([])
  })
})
