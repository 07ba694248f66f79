import fs from 'node:fs'
import path from 'node:path'
import { startTestServer, type TestServer } from '@dongbi/server/testing'

const webRoot = path.resolve(import.meta.dirname, '../../apps/web/dist')

/** A real server (port 0, temp SQLite) that also serves the built web app. */
export async function startAppServer(): Promise<TestServer> {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error('apps/web/dist is missing: `npm test` builds it; or run `npx -y pnpm@10.20.0 --filter @dongbi/web build`')
  }
  return startTestServer({ webRoot })
}

export async function createDocument(server: TestServer, title: string): Promise<string> {
  const response = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`create failed: ${response.status}`)
  return ((await response.json()) as { id: string }).id
}
