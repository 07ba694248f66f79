import type {} from '@dongbi/editor'
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
  name: string
  color: string
}

/** A browser context (own storage, own IndexedDB) that is already "someone". */
export async function personContext(browser: Browser, person: Person, locale = 'zh-CN'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale })
  await context.addInitScript((identity) => {
    localStorage.setItem('dongbi.identity', JSON.stringify(identity))
  }, person)
  return context
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
