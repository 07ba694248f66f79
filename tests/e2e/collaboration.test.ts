import type { TestServer } from '@dongbi/server/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDocument, shareWith, startAppServer } from './appServer.ts'
import { collectPageErrors, editorText, launchBrowser, openEditor, screenshot, signedIn, syncStatus, type SignedIn } from './browser.ts'
import { startTcpProxy, type TcpProxy } from './tcpProxy.ts'

let userCount = 0
const alice = { name: '王芳' }
const bob = { name: '李强' }

let server: TestServer
let browser: Browser
let proxy: TcpProxy
const contexts: BrowserContext[] = []

async function person(who: { name: string }): Promise<SignedIn & { page: Page; errors: string[] }> {
  const signed = await signedIn(browser, server, { name: who.name, username: `user${++userCount}` })
  contexts.push(signed.context)
  const page = await signed.context.newPage()
  return { ...signed, page, errors: collectPageErrors(page) }
}

/** Alice and Bob, on a document Alice owns and shares with Bob at 可编辑. */
async function pair(title: string): Promise<{ id: string; a: Awaited<ReturnType<typeof person>>; b: Awaited<ReturnType<typeof person>> }> {
  const a = await person(alice)
  const b = await person(bob)
  const id = await createDocument(server, title, a.token)
  await shareWith(server, id, b.userId, 'edit', a.token)
  return { id, a, b }
}

beforeAll(async () => {
  server = await startAppServer()
  proxy = await startTcpProxy(server.port)
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {})
  await browser?.close()
  await proxy?.close()
  await server?.close()
})

describe('two people editing one document in Chromium', () => {
  it('see each other’s text and named carets, and the character count', async () => {
    const { id, a, b } = await pair('支部学习讨论纪要')
    await openEditor(a.page, server.url, id)
    await openEditor(b.page, server.url, id)

    await a.page.click('.ProseMirror')
    await a.page.keyboard.type('各支部：请认真组织学习。')
    await b.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText().includes('请认真组织学习。'))

    await b.page.click('.ProseMirror')
    await b.page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.commands.focus('end'))
    await b.page.keyboard.type(' OK')
    await a.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText().endsWith(' OK'))
    expect(await editorText(a.page)).toBe('各支部：请认真组织学习。 OK')

    // Each sees the other's caret labelled with their name.
    await a.page.waitForSelector('.collaboration-carets__label')
    expect(await a.page.textContent('.collaboration-carets__label')).toBe(bob.name)
    await b.page.waitForSelector('.collaboration-carets__label')
    expect(await b.page.textContent('.collaboration-carets__label')).toBe(alice.name)

    // 字数: 10 hanzi + 2 full-width punctuation + 1 word.
    await a.page.waitForFunction(() => document.querySelector('dongbi-char-count')?.shadowRoot?.textContent?.includes('13'))
    await a.page.waitForFunction(() => document.querySelector('dongbi-sync-status')?.getAttribute('status') === 'saved')
    expect(await syncStatus(a.page)).toBe('已保存')
    await screenshot(a.page, 'editor-two-people')
    expect([...a.errors, ...b.errors]).toEqual([])
  })

  it('sends only committed IME text, never the pinyin', async () => {
    const { id, a, b } = await pair('输入法测试')
    await openEditor(a.page, server.url, id)
    await openEditor(b.page, server.url, id)
    await b.page.evaluate(() => {
      const element = document.querySelector('dongbi-editor')!
      const seen: string[] = []
      ;(window as unknown as { seen: string[] }).seen = seen
      element.ydoc!.on('update', () => seen.push(element.editor!.getText()))
    })

    await a.page.click('.ProseMirror')
    const cdp = await a.page.context().newCDPSession(a.page)
    for (const text of ['x', 'xu', 'xue', 'xuex', 'xuexi']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    }
    await cdp.send('Input.insertText', { text: '学习' })
    for (const text of ['j', 'jiao', 'jiaoyu']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    }
    await cdp.send('Input.insertText', { text: '教育' })

    await b.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '学习教育')
    expect(await editorText(a.page)).toBe('学习教育')
    const seen = await b.page.evaluate(() => (window as unknown as { seen: string[] }).seen)
    expect(seen.length).toBeGreaterThan(0)
    for (const text of seen) expect(text, `the other page saw "${text}"`).not.toMatch(/[a-z]/)
  })

  it('keeps offline edits, shows them as unsynced, and merges them on reconnect', async () => {
    const { id, a, b } = await pair('离线编辑')
    // Alice reaches the server through a proxy we can cut; Bob directly.
    await openEditor(a.page, proxy.url, id)
    await openEditor(b.page, server.url, id)
    await a.page.click('.ProseMirror')
    await a.page.keyboard.type('第一段。')
    await b.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '第一段。')

    proxy.cut()
    await a.page.waitForFunction(() => document.querySelector('dongbi-sync-status')?.getAttribute('status') === 'offline')
    await a.page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.commands.focus('end'))
    await a.page.keyboard.type('离线写的。')
    await a.page.waitForFunction(() => /离线（\d+ 处修改未同步）/.test(document.querySelector('dongbi-sync-status')!.shadowRoot!.textContent!))
    await screenshot(a.page, 'editor-offline')
    // Meanwhile Bob edits the start.
    await b.page.click('.ProseMirror')
    // Put the caret at the very start (a key press could race the click's own caret placement).
    await b.page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.commands.setTextSelection(1))
    await b.page.keyboard.type('【在线】')

    // Closing the tab with unsynced edits warns.
    let warned = false
    a.page.once('dialog', (dialog) => {
      warned = dialog.type() === 'beforeunload'
      void dialog.dismiss()
    })
    await a.page.close({ runBeforeUnload: true })
    await expect.poll(() => warned).toBe(true)

    proxy.restore()
    const expected = '【在线】第一段。离线写的。'
    // Animation frames pause in a page that is not in front; poll on a timer instead.
    await a.page.bringToFront()
    await a.page
      .waitForFunction((text) => document.querySelector('dongbi-editor')!.editor!.getText() === text, expected, { timeout: 20_000, polling: 100 })
      .catch(async (error) => {
        const state = await a.page.evaluate(() => {
          const el = document.querySelector('dongbi-editor')!
          return { text: el.editor!.getText(), connected: el.provider?.wsconnected, synced: el.provider?.synced, status: el.sync }
        })
        throw new Error(`${error.message}; page A: ${JSON.stringify(state)}`)
      })
    await b.page.waitForFunction((text) => document.querySelector('dongbi-editor')!.editor!.getText() === text, expected)
    await a.page.waitForFunction(() => document.querySelector('dongbi-sync-status')?.getAttribute('status') === 'saved')

    // Reload keeps everything.
    await a.page.reload()
    await a.page.waitForSelector('dongbi-editor .ProseMirror')
    await a.page.waitForFunction((text) => document.querySelector('dongbi-editor')?.editor?.getText() === text, expected)
  })

  it('undo takes back only your own changes', async () => {
    const { id, a, b } = await pair('撤销')
    await openEditor(a.page, server.url, id)
    await openEditor(b.page, server.url, id)
    await a.page.click('.ProseMirror')
    await a.page.keyboard.type('甲写的')
    await b.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '甲写的')
    await b.page.click('.ProseMirror')
    await b.page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.commands.focus('end'))
    await b.page.keyboard.type('乙写的')
    await a.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '甲写的乙写的')
    await a.page.keyboard.press('Control+z')
    await a.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '乙写的')
    await b.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '乙写的')
    await a.page.keyboard.press('Control+Shift+z')
    await b.page.waitForFunction(() => document.querySelector('dongbi-editor')!.editor!.getText() === '甲写的乙写的')
  })
})
