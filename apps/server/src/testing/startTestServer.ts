import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig, type Config } from '../config.ts'
import { startServer, type RunningServer } from '../startServer.ts'

export interface TestServer extends RunningServer {
  dir: string
  config: Config
  /** `ws://host:port/collab`, the URL a stock WebsocketProvider takes. */
  collabUrl: string
  /** Logged server errors, for assertions. */
  errors: string[]
}

/** A real server on port 0 with a fresh temporary SQLite file. Close it in `afterAll`/`afterEach`. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-test-'))
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${path.join(dir, 'test.db')}`,
    webRoot: '',
    unloadAfterMs: 60_000,
    ...overrides,
  }
  const errors: string[] = []
  const server = await startServer(config, (message, error) => {
    errors.push(`${message} ${error instanceof Error ? error.message : (error ?? '')}`)
  })
  const close = server.close
  return {
    ...server,
    dir,
    config,
    errors,
    collabUrl: `${server.url.replace(/^http/, 'ws')}/collab`,
    async close() {
      await close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
