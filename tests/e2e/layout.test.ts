import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openEditor, screenshot } from './browser.ts'
import { useApp } from './useApp.ts'

const app = useApp()

/**
 * The app's chrome as a person sees it, at a desktop and a phone width: no label breaks into
 * one character per line (a Chinese word squeezed by its neighbours), and nothing runs off
 * the side of the page.
 */
async function chromeProblems(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = []
    if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`)
    const controls = document.querySelectorAll<HTMLElement>(`${selector} a, ${selector} button, ${selector} summary`)
    for (const control of controls) {
      if (control.offsetParent === null) continue
      // A text node laid out on more than one line box has wrapped.
      const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (lines.size > 1) problems.push(`"${node.textContent.trim()}" wraps onto ${lines.size} lines`)
      }
    }
    return problems
  }, selector)
}

describe('layout of the chrome', () => {
  it('keeps every header label on one line, on a desktop and on a phone', async () => {
    const person = await app.open('欧阳文静', 'ouyang')
    const branch = await app.server.api('/api/branches', { method: 'POST', body: { name: '机关第一党支部' } })
    const branchId = ((await branch.json()) as { id: string }).id
    await app.server.store.branches.setRole(branchId, person.userId, 'secretary')
    const created = await app.server.api('/api/documents', { method: 'POST', token: person.token, body: { templateId: 'notice', title: '关于开展学习教育月主题读书活动安排的通知' } })
    const documentId = ((await created.json()) as { id: string }).id

    for (const [width, height] of [
      [1280, 860],
      [1024, 768],
      [400, 800],
    ] as const) {
      await person.page.setViewportSize({ width, height })
      await person.page.goto(`${app.server.url}/`)
      await person.page.waitForSelector('.app-header .header-links a')
      await screenshot(person.page, `layout-documents-${width}`)
      expect(await chromeProblems(person.page, '.app-header'), `documents at ${width}px`).toEqual([])
      expect(await chromeProblems(person.page, '.list-head'), `document tabs at ${width}px`).toEqual([])

      await openEditor(person.page, app.server.url, documentId)
      await person.page.waitForSelector('.editor-topbar')
      await screenshot(person.page, `layout-editor-${width}`)
      expect(await chromeProblems(person.page, '.editor-topbar'), `editor at ${width}px`).toEqual([])
      expect(await chromeProblems(person.page, '.toolbar-row'), `editor toolbar at ${width}px`).toEqual([])
    }
    expect(person.errors).toEqual([])
  })
})
