import type { TestServer } from '@dongbi/server/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startAppServer } from './appServer.ts'
import { collectPageErrors, launchBrowser, signedIn, type SignedIn } from './browser.ts'

export interface OpenedPerson extends SignedIn {
  page: Page
  /** Uncaught errors of the page, for a final `toEqual([])`. */
  errors: string[]
}

export interface App {
  readonly server: TestServer
  readonly browser: Browser
  /** A new user, signed in within their own browser context, with a page open. */
  open(name: string, username: string, locale?: string): Promise<OpenedPerson>
}

/**
 * One app server and one Chromium for a test file: started in `beforeAll`, closed (with every
 * context opened through `open`) in `afterAll`.
 */
export function useApp(): App {
  let server: TestServer | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      return server!
    },
    get browser() {
      return browser!
    },
    async open(name, username, locale) {
      const signed = await signedIn(browser!, server!, { name, username }, locale)
      contexts.push(signed.context)
      const page = await signed.context.newPage()
      return { ...signed, page, errors: collectPageErrors(page) }
    },
  }
}
