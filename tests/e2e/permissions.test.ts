import type { TestServer } from '@dongbi/server/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAppServer } from './appServer.ts'
import { collectPageErrors, launchBrowser, screenshot } from './browser.ts'

let server: TestServer
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startAppServer()
  browser = await launchBrowser()
  await server.addUser('zuzhi', { isAdmin: true, displayName: '机关党委管理员', password: 'admin-password-1' })
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {})
  await browser?.close()
  await server?.close()
})

async function freshPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })
  contexts.push(context)
  const page = await context.newPage()
  return { page, errors: collectPageErrors(page) }
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${server.url}/`)
  await page.waitForURL(/\/login/)
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await page.click('button[type=submit]')
}

/** First sign-in with a temporary password: the app insists on a new one. */
async function signInAndChangePassword(page: Page, username: string, temporary: string, next: string): Promise<void> {
  await signIn(page, username, temporary)
  await page.waitForURL(/\/account$/)
  await page.waitForSelector('.notice')
  await page.fill('input[name=currentPassword]', temporary)
  await page.fill('input[name=newPassword]', next)
  await page.fill('input[name=confirm]', next)
  await page.click('form.stack button[type=submit]')
  await page.waitForSelector('.form-ok')
}

const roster = ['姓名,用户名,支部,角色,出生年份', '陈静,chenjing,第一支部,党员,1988', '刘洋,liuyang,第一支部,导师,1979', '周敏,zhoumin,第二支部,党员,1995'].join('\n')

describe('accounts and permissions in Chromium', () => {
  it('admin imports a roster; a member shares with a mentor at 可评论; the mentor can only suggest and sees live edits', async () => {
    // The admin signs in and imports the roster, previewing a bad file first.
    const admin = await freshPage()
    await signIn(admin.page, 'zuzhi', 'admin-password-1')
    await admin.page.waitForSelector('dongbi-document-list-page')
    await screenshot(admin.page, 'admin-home')
    await admin.page.click('a[href="/branches"]')
    await admin.page.setInputFiles('dongbi-roster-import input[type=file]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('姓名,用户名,支部,角色\n,x,第一支部,校长\n'),
    })
    await admin.page.waitForSelector('.roster-preview .row-error')
    expect(await admin.page.textContent('.roster-preview .row-error')).toContain('未知角色')
    expect(await admin.page.locator('dongbi-roster-import button.primary').count()).toBe(0)

    await admin.page.setInputFiles('dongbi-roster-import input[type=file]', { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) })
    await admin.page.waitForSelector('.roster-preview tbody tr >> nth=2')
    await screenshot(admin.page, 'roster-preview')
    await admin.page.click('dongbi-roster-import button.primary')
    await admin.page.waitForSelector('table.credentials')
    await screenshot(admin.page, 'roster-imported')
    const credentials = await admin.page.$$eval('table.credentials tbody tr', (rows) =>
      Object.fromEntries(rows.map((row) => [row.children[1]!.textContent!.trim(), row.children[3]!.textContent!.trim()])),
    )
    expect(Object.keys(credentials).sort()).toEqual(['chenjing', 'liuyang', 'zhoumin'])
    await expect.poll(async () => (await admin.page.locator('.doc-list .doc-row').allTextContents()).join('|')).toMatch(/第一支部.*第二支部/)

    // The member signs in with the temporary password, must change it, then writes and shares.
    const member = await freshPage()
    await signInAndChangePassword(member.page, 'chenjing', credentials.chenjing!, 'chen-jing-new-pass')
    await member.page.click('a.brand')
    await member.page.click('button.primary')
    await member.page.click('.template-card.blank')
    await member.page.waitForURL(/\/d\//)
    await member.page.waitForFunction(() => document.querySelector('dongbi-editor')?.provider?.synced === true)
    await member.page.click('.ProseMirror')
    await member.page.keyboard.type('学习心得：')

    await member.page.click('button.share-button')
    await member.page.fill('input.share-search', '刘洋')
    await member.page.click('.combo-list li >> text=刘洋')
    await member.page.selectOption('.share-add select.level', 'comment')
    await member.page.click('.share-add button.primary')
    await member.page.waitForSelector('.plain-list.shares li')
    expect(await member.page.textContent('.plain-list.shares li')).toContain('刘洋')
    await screenshot(member.page, 'share-dialog')
    await member.page.click('.dialog-actions button')

    // The mentor opens it (可评论): typing only makes suggestions (建议模式), live edits arrive.
    const mentor = await freshPage()
    await signInAndChangePassword(mentor.page, 'liuyang', credentials.liuyang!, 'liu-yang-new-pass')
    await mentor.page.goto(`${server.url}/shared`)
    await mentor.page.waitForSelector('.doc-row .chip.access-comment')
    await mentor.page.click('.doc-row a.doc-title')
    await mentor.page.waitForFunction(() => document.querySelector('dongbi-editor')?.editor?.getText() === '学习心得：')
    await mentor.page.waitForSelector('.toolbar-row .suggest-chip')
    await mentor.page.click('.ProseMirror')
    await mentor.page.keyboard.type('导师改动')
    await member.page.waitForFunction(() => document.querySelector('dongbi-editor ins.dongbi-suggestion--insert')?.textContent === '导师改动')
    await member.page.click('.ProseMirror')
    await member.page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.commands.focus('end'))
    await member.page.keyboard.type('认真学习。')
    // The text without pending suggestions.
    const ownText = () => {
      let text = ''
      document.querySelector('dongbi-editor')!.editor!.state.doc.descendants((node) => {
        if (node.isText && !node.marks.some((mark) => mark.type.name === 'suggestionInsert')) text += node.text
      })
      return text
    }
    await expect.poll(() => mentor.page.evaluate(ownText)).toBe('学习心得：认真学习。')
    await member.page.waitForFunction(() => document.querySelector('dongbi-editor')?.sync.status === 'saved')
    expect(await member.page.evaluate(ownText)).toBe('学习心得：认真学习。')
    expect(await mentor.page.textContent('.editor-topbar .chip')).toContain('可评论')
    await screenshot(mentor.page, 'mentor-read-only')

    // The member from the other branch cannot open it at all.
    const outsider = await freshPage()
    await signInAndChangePassword(outsider.page, 'zhoumin', credentials.zhoumin!, 'zhou-min-new-pass')
    await outsider.page.goto(member.page.url())
    await outsider.page.waitForSelector('.editor-failure')

    // Revoking the share closes the mentor's editor.
    await member.page.click('button.share-button')
    await member.page.click('.plain-list.shares li button.small-button')
    await mentor.page.waitForSelector('.editor-failure', { timeout: 5000 })
    expect(await mentor.page.textContent('.editor-failure')).toContain('访问权限已被收回')
    expect([...admin.errors, ...member.errors, ...mentor.errors, ...outsider.errors]).toEqual([])
  })

  it('refuses a wrong password and shows why', async () => {
    const { page } = await freshPage()
    await signIn(page, 'zuzhi', 'wrong-password')
    await page.waitForSelector('.form-error')
    expect(await page.textContent('.form-error')).toContain('用户名或密码错误')
    await screenshot(page, 'login-error')
  })
})
