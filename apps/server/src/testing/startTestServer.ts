import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig, type Config } from '../config.ts'
import { startServer, type RunningServer } from '../startServer.ts'
import type { UserRow } from '../store/UserStore.ts'
import { addUserWithToken, newTokenFor } from './addUserWithToken.ts'
import { testDatabase } from './testDatabase.ts'

export interface TestServer extends RunningServer {
  dir: string
  config: Config
  /** `ws://host:port/collab`, the URL a stock WebsocketProvider takes. */
  collabUrl: string
  /** Logged server errors, for assertions. */
  errors: string[]
  /** An org admin's API token (user `root`), for requests that are not about permissions. */
  token: string
  /** `fetch` against this server as `root` (Bearer token, JSON content type when there is a body). */
  api(path: string, init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> }): Promise<Response>
  /** Creates a user directly in the store and returns them with an API token of theirs. */
  addUser(username: string, options?: { isAdmin?: boolean; displayName?: string; password?: string }): Promise<{ user: UserRow; token: string }>
}

/**
 * A real server on port 0 with a fresh database: a temporary SQLite file, or with
 * DONGBI_TEST_DATABASE=postgres a new schema in the local PostgreSQL (dropped at close).
 * Close it in `afterAll`/`afterEach`.
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-test-'))
  const database = testDatabase(dir)
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    webRoot: '',
    unloadAfterMs: 60_000,
    ...overrides,
  }
  const errors: string[] = []
  const server = await startServer(config, (message, error) => {
    errors.push(`${message} ${error instanceof Error ? error.message : (error ?? '')}`)
  })

  const addUser = (username: string, options: { isAdmin?: boolean; displayName?: string; password?: string } = {}) => addUserWithToken(server.store, username, options)

  // A second instance on the same database (overrides.databaseUrl) shares the first one's root.
  const existingRoot = await server.store.users.byUsername('root')
  const root = existingRoot
    ? { user: existingRoot, token: await newTokenFor(server.store, existingRoot.id) }
    : await addUser('root', { isAdmin: true, displayName: '管理员' })
  const close = server.close
  return {
    ...server,
    dir,
    config,
    errors,
    token: root.token,
    collabUrl: `${server.url.replace(/^http/, 'ws')}/collab`,
    addUser,
    api(path, init = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${init.token ?? root.token}`, ...init.headers }
      if (init.body !== undefined) headers['content-type'] ??= 'application/json'
      return fetch(`${server.url}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      })
    },
    async close() {
      await close()
      // Only the database this server created: a second instance leaves the shared one alone.
      if (!overrides.databaseUrl) await database.drop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
