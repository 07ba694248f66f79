import fs from 'node:fs'
import path from 'node:path'
import { waitFor, writeBody } from '@dongbi/server/testing'
import type { DocumentKind } from '@dongbi/schema'
import { describe, expect, it } from 'vitest'
import { screenshot } from './browser.ts'
import { useApp, type OpenedPerson } from './useApp.ts'

const app = useApp()
const speech = fs
  .readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed-speech-zh.txt'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.trim())
  .filter(Boolean)

async function create(person: OpenedPerson, title: string, kind: DocumentKind, ...body: string[]): Promise<string> {
  const response = await app.server.api('/api/documents', { method: 'POST', body: { title, kind }, token: person.token })
  expect(response.status).toBe(201)
  const { id } = (await response.json()) as { id: string }
  if (body.length) await writeBody(app.server.collabUrl, id, person.token, ...body)
  return id
}

/** Until the index (a short debounce after each stored edit) finds `id` for `q`. */
async function indexed(person: OpenedPerson, q: string, id: string): Promise<void> {
  await waitFor(
    async () => {
      const response = await app.server.api(`/api/search?q=${encodeURIComponent(q)}`, { token: person.token })
      return ((await response.json()) as { results: { document: { id: string } }[] }).results.some((r) => r.document.id === id)
    },
    { message: `"${q}" to find ${id}` },
  )
}

describe('search', () => {
  it('searches from the header, highlights matches, filters, and opens a result', async () => {
    const li = await app.open('李华', 'lihua')
    const speechId = await create(li, '在2024年学习教育月活动动员会上的讲话', 'speech', ...speech)
    const reflectionId = await create(li, '党建工作心得体会', 'reflection', '围绕机关党建谈几点学习体会。', '一是坚持读原著悟原理，二是联系实际抓落实。')
    await create(li, '<b>标记</b>不会变成粗体', 'free', '标题里的尖括号按原样显示。')
    const branchId = 'searchBranch01'
    await app.server.store.branches.insert({ id: branchId, name: '第一支部', created_at: new Date().toISOString() })
    await app.server.store.branches.setRole(branchId, li.userId, 'member')
    const branchResponse = await app.server.api('/api/documents', { method: 'POST', body: { title: '支部党建学习纪要', kind: 'minutes', branchId }, token: li.token })
    const minutesId = ((await branchResponse.json()) as { id: string }).id
    await writeBody(app.server.collabUrl, minutesId, li.token, '会议讨论了本季度的党建重点。')
    await indexed(li, '党建重点', minutesId)
    await indexed(li, '读原著', reflectionId)
    await indexed(li, '动员会', speechId)
    const { page } = li

    // Empty state before any query.
    await page.goto('/search')
    await page.waitForSelector('.search-empty')
    expect(await page.textContent('.search-empty')).toContain('搜索你能看到的所有文档')
    await screenshot(page, 'search-empty')

    // `/` focuses the header box; Enter opens the results.
    await page.goto('/')
    await page.waitForSelector('dongbi-search-box input')
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q')
    await page.keyboard.type('党建')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\?q=/)
    await page.waitForSelector('.search-result')
    // Title hits first (the two titles with 党建), then the speech, which has it in the body only.
    expect((await page.locator('.search-result-title').allTextContents()).slice(0, 2).sort()).toEqual(['支部党建学习纪要', '党建工作心得体会'].sort())
    expect(await page.locator('.search-result-title').nth(2).textContent()).toContain('动员会上的讲话')
    expect(await page.locator('.search-result', { hasText: '支部党建学习纪要' }).locator('.branch-chip').textContent()).toBe('第一支部')
    expect(new Set(await page.locator('.search-result mark').allTextContents())).toEqual(new Set(['党建']))
    expect(await page.textContent('.search-heading')).toContain('“党建”的搜索结果')
    expect(await page.locator('.search-result', { hasText: '讲话' }).locator('.kind-chip').textContent()).toBe('讲话稿')
    expect(await page.inputValue('dongbi-search-box input')).toBe('党建')
    await screenshot(page, 'search-results')

    // Filter by branch, then by type instead: the filters live in the URL.
    await page.selectOption('select[name=branchId]', branchId)
    await page.waitForURL(/branchId=/)
    await expect.poll(() => page.locator('.search-result-title').allTextContents()).toEqual(['支部党建学习纪要'])
    await page.selectOption('select[name=branchId]', '')
    await expect.poll(() => page.locator('.search-result').count()).toBe(3)
    await page.selectOption('select[name=kind]', 'speech')
    await page.waitForURL(/kind=speech/)
    await expect.poll(() => page.locator('.search-result').count()).toBe(1)
    expect(await page.locator('.search-result-title').textContent()).toContain('动员会上的讲话')
    const snippets = await page.locator('.search-snippet').allTextContents()
    expect(snippets.length).toBeGreaterThan(0)
    await screenshot(page, 'search-filtered')

    // A multi-word query from the box keeps the filter; clearing it brings the rest back.
    await page.fill('dongbi-search-box input', '学习 读原著')
    await page.press('dongbi-search-box input', 'Enter')
    await page.waitForSelector('.search-empty')
    expect(await page.textContent('.search-empty')).toContain('没有找到包含“学习 读原著”的文档')
    await screenshot(page, 'search-no-results')
    await page.click('.search-empty button')
    await page.waitForSelector('.search-result')
    expect(await page.locator('.search-result-title').allTextContents()).toEqual(['党建工作心得体会'])

    // Markup in a title is shown as text, never rendered.
    await page.fill('dongbi-search-box input', '标记')
    await page.press('dongbi-search-box input', 'Enter')
    await page.waitForSelector('.search-result-title >> text=不会变成粗体')
    expect(await page.locator('.search-result-title').textContent()).toBe('<b>标记</b>不会变成粗体')
    expect(await page.locator('.search-result-title b').count()).toBe(0)

    // Click through to the document.
    await page.goBack()
    await page.waitForSelector('.search-result-title >> text=党建工作心得体会')
    await page.click('.search-result-title >> text=党建工作心得体会')
    await page.waitForURL(new RegExp(`/d/${reflectionId}$`))
    await page.waitForSelector('dongbi-editor .ProseMirror')
    await expect.poll(() => page.textContent('dongbi-editor .ProseMirror')).toContain('读原著')
    expect(li.errors).toEqual([])
  })

  it('reads in English too, and never shows other people’s documents', async () => {
    const zhang = await app.open('张伟', 'zhangwei')
    const other = await app.open('王芳', 'wangfang', 'en')
    const secret = await create(zhang, '张伟的私人笔记', 'study-notes', '只有张伟自己能看到：紫藤萝。')
    await indexed(zhang, '紫藤萝', secret)
    const { page } = other
    await page.addInitScript(() => localStorage.setItem('dongbi.locale', 'en'))
    await page.goto('/search?q=%E7%B4%AB%E8%97%A4%E8%90%9D')
    await page.waitForSelector('.search-empty')
    expect(await page.textContent('.search-empty')).toContain('No documents contain “紫藤萝”')
    const mine = await create(other, 'Study notes 学习笔记', 'study-notes', 'Notes on the speech: 学习教育月.')
    await indexed(other, '学习教育月', mine)
    await page.goto('/search?q=%E5%AD%A6%E4%B9%A0')
    await page.waitForSelector('.search-result')
    expect(await page.locator('.search-result .kind-chip').textContent()).toBe('Study notes')
    await screenshot(page, 'search-results-en')
    expect(other.errors).toEqual([])
  })
})
