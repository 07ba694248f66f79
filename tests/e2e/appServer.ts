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

/** Creates a document owned by the holder of `token` (default: the org admin `root`). */
export async function createDocument(server: TestServer, title: string, token = server.token): Promise<string> {
  const response = await server.api('/api/documents', { method: 'POST', body: { title }, token })
  if (response.status !== 201) throw new Error(`create failed: ${response.status}`)
  return ((await response.json()) as { id: string }).id
}

/** Shares a document with a user at a level, as its owner. */
export async function shareWith(server: TestServer, documentId: string, userId: string, level: 'edit' | 'comment' | 'view', token: string): Promise<void> {
  const response = await server.api(`/api/documents/${documentId}/shares`, { method: 'PUT', body: { granteeType: 'user', granteeId: userId, level }, token })
  if (!response.ok) throw new Error(`share failed: ${response.status}`)
}
