import type {} from '@dongbi/editor'
import type { TestServer } from '@dongbi/server/testing'
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Where screenshots of test runs go (ignored by git). */
export const outputDir = path.resolve(import.meta.dirname, '../../test-output')

/** Debian's chromium, headless, with the flags this machine needs; a fresh profile per launch. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!fs.existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: run the tests with \`npm test\`, which installs it`)
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface Person {
  /** Display name, shown on carets. */
  name: string
  username: string
}

export interface SignedIn {
  context: BrowserContext
  userId: string
  /** An API token of this user, for setting up data. */
  token: string
}

/**
 * A new user, signed in within their own browser context (own cookies, own IndexedDB): the
 * login goes through the real `/api/auth/login`, so the context holds a real session cookie.
 */
export async function signedIn(browser: Browser, server: TestServer, person: Person, locale = 'zh-CN'): Promise<SignedIn> {
  const password = 'correct horse battery staple'
  const { user, token } = await server.addUser(person.username, { displayName: person.name, password })
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale, baseURL: server.url })
  const response = await context.request.post('/api/auth/login', { data: { username: person.username, password } })
  if (!response.ok()) throw new Error(`login of ${person.username} failed: ${response.status()}`)
  return { context, userId: user.id, token }
}

/** Fails the test on any uncaught error in the page. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(outputDir, { recursive: true })
  const file = path.join(outputDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: false })
  return file
}

/** Opens a document in the editor page and waits until it has synced. */
export async function openEditor(page: Page, baseUrl: string, documentId: string): Promise<void> {
  await page.goto(`${baseUrl}/d/${documentId}`)
  await page.waitForSelector('dongbi-editor .ProseMirror')
  await page.waitForFunction(() => document.querySelector('dongbi-editor')?.provider?.synced === true)
}

/** The editor's plain text, as Tiptap gives it. */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('dongbi-editor')!.editor!.getText())
}

export function syncStatus(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('dongbi-sync-status')?.shadowRoot?.textContent?.trim() ?? '')
}

/**
 * Selects the first occurrence of `text` in the editor (or, with `collapse`, puts the caret
 * right after it). A real click focuses the editor first: Tiptap's own focus() waits for an
 * animation frame, and keys sent before that would go elsewhere.
 */
export async function selectText(page: Page, text: string, { collapse = false } = {}): Promise<void> {
  await page.click('.ProseMirror')
  await page.evaluate(
    ([needle, toEnd]) => {
      const editor = document.querySelector('dongbi-editor')!.editor!
      let found = -1
      editor.state.doc.descendants((node, pos) => {
        if (found >= 0 || !node.isText) return
        const at = node.text!.indexOf(needle!)
        if (at >= 0) found = pos + at
      })
      const end = found + needle!.length
      editor.commands.setTextSelection(toEnd ? end : { from: found, to: end })
    },
    [text, collapse] as const,
  )
}
