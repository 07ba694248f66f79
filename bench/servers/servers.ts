import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import type * as Y from 'yjs'
import { spawnServer, type Child } from '../lib/children.ts'
import { RawClient, type Dialect } from '../lib/rawClient.ts'
import dongbiNodeFlags from '../../apps/server/nodeFlags.json' with { type: 'json' }

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const repoRoot = path.resolve(benchDir, '..')

/** `floor` is not a peer: a bare relay giving row 1's lower bound on this machine (`servers/floor-main.ts`). */
export type ServerKey = 'dongbi' | 'ywss' | 'hocuspocus' | 'floor'

/** A stock editor-side client: the provider each server is meant to be used with. */
export interface ProviderClient {
  doc: Y.Doc
  /** The provider's own "synced" event (which for @y/websocket-server may precede loading from disk). */
  synced: Promise<void>
  destroy(): void
}

/** One running server process plus the clients that speak to it. */
export interface ServerHandle {
  readonly key: ServerKey
  readonly child: Child
  readonly dialect: Dialect
  /** Creates a document the server will accept; peers accept any name. */
  createDocument(): Promise<string>
  provider(documentId: string, doc: Y.Doc): ProviderClient
  raw(documentId: string): RawClient
  /** SIGTERM: the server makes everything durable and exits (SIGKILL after `graceMs`, then throws). */
  stop(graceMs?: number): Promise<void>
}

export interface ServerKind {
  readonly key: ServerKey
  readonly label: string
  /** Starts the server on a data directory; starting again on the same one is a restart. */
  start(dataDir: string): Promise<ServerHandle>
}

const tsxLoader = import.meta.resolve('tsx')
const preload = import.meta.resolve('./preload.ts')
/**
 * Every server runs the same way: plain node, TypeScript through tsx, the GC hook,
 * `--expose-gc`, and the node flags it ships with (动笔's `apps/server/nodeFlags.json`).
 */
const nodeArgs = (entry: string, serverFlags: readonly string[] = []) => [
  '--expose-gc',
  ...serverFlags,
  '--import',
  tsxLoader,
  '--import',
  preload,
  // Extra flags for investigating a run, e.g. BENCH_SERVER_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  ...(process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  entry,
]

const baseEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
})

let nameCounter = 0
/** Document names for the peers, which take any. */
const peerDocumentName = () => `bench-${process.pid}-${++nameCounter}`

function stockProvider(serverUrl: string, documentId: string, doc: Y.Doc, params: Record<string, string> = {}): ProviderClient {
  const provider = new WebsocketProvider(serverUrl, documentId, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
  return { doc, synced, destroy: () => provider.destroy() }
}

const benchAdmin = { username: 'bench', password: 'bench-password-1234' }

/** Signs in as the bench's org admin and creates an API token, as a script would. */
async function dongbiToken(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchAdmin),
  })
  if (!login.ok) throw new Error(`login as ${benchAdmin.username} answered ${login.status}`)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const created = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: base },
    body: JSON.stringify({ name: 'bench' }),
  })
  if (created.status !== 201) throw new Error(`POST /api/tokens answered ${created.status}`)
  return ((await created.json()) as { token: string }).token
}

/** 动笔 with extra environment, e.g. a PostgreSQL DATABASE_URL and a REDIS_URL (row 5). */
export function dongbiWith(extraEnv: NodeJS.ProcessEnv): ServerKind {
  return { ...dongbi, start: (dataDir) => startDongbi(dataDir, extraEnv) }
}

export const dongbi: ServerKind = {
  key: 'dongbi',
  label: '动笔 (ours)',
  start: (dataDir) => startDongbi(dataDir, {}),
}

async function startDongbi(dataDir: string, extraEnv: NodeJS.ProcessEnv): Promise<ServerHandle> {
  fs.mkdirSync(dataDir, { recursive: true })
  const child = await spawnServer({
    name: 'dongbi',
    // BENCH_DONGBI_ENTRY runs a variant of the server (e.g. a prototype of a fix) in its place.
    args: nodeArgs(path.resolve(repoRoot, process.env.BENCH_DONGBI_ENTRY || 'apps/server/src/main.ts'), dongbiNodeFlags),
    cwd: repoRoot,
    env: {
      ...baseEnv(),
      PORT: '0',
      DATABASE_URL: `sqlite:${path.join(dataDir, 'dongbi.db')}`,
      WEB_ROOT: '',
      // The first start creates the admin; a restart on the same data keeps it.
      ADMIN_USERNAME: benchAdmin.username,
      ADMIN_PASSWORD: benchAdmin.password,
      ...pick('SQLITE_SYNCHRONOUS'),
      ...extraEnv,
    },
    ready: /listening on http:\/\/[^\s]+:(\d+)/,
  })
  const base = `http://127.0.0.1:${child.port}`
  const token = await dongbiToken(base)
  return {
    key: 'dongbi',
    child,
    dialect: 'y-websocket',
    async createDocument() {
      const response = await fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title: 'bench' }),
      })
      if (response.status !== 201) {
        throw new Error(`POST /api/documents answered ${response.status}: ${(await response.text()).slice(0, 200)}`)
      }
      return ((await response.json()) as { id: string }).id
    },
    provider: (id, doc) => stockProvider(`ws://127.0.0.1:${child.port}/collab`, id, doc, { token }),
    raw: (id) => new RawClient(`ws://127.0.0.1:${child.port}/collab/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`, 'y-websocket', id),
    stop: (graceMs) => child.stop(graceMs),
  }
}

export const ywss: ServerKind = {
  key: 'ywss',
  label: '@y/websocket-server 0.1.1 + y-leveldb',
  async start(dataDir) {
    fs.mkdirSync(dataDir, { recursive: true })
    const child = await spawnServer({
      name: 'y-websocket-server',
      args: nodeArgs(path.join(benchDir, 'servers/ywss-main.ts')),
      cwd: benchDir,
      env: { ...baseEnv(), YPERSISTENCE: path.join(dataDir, 'leveldb') },
      ready: /listening on port (\d+)/,
    })
    return {
      key: 'ywss',
      child,
      dialect: 'y-websocket',
      createDocument: async () => peerDocumentName(),
      provider: (id, doc) => stockProvider(`ws://127.0.0.1:${child.port}`, id, doc),
      raw: (id) => new RawClient(`ws://127.0.0.1:${child.port}/${encodeURIComponent(id)}`, 'y-websocket', id),
      stop: (graceMs) => child.stop(graceMs),
    }
  },
}

/** hocuspocus with extra environment, e.g. HOCUSPOCUS_DB and HOCUSPOCUS_REDIS_URL shared by instances (row 5). */
export function hocuspocusWith(extraEnv: NodeJS.ProcessEnv): ServerKind {
  return { ...hocuspocus, start: (dataDir) => startHocuspocus(dataDir, extraEnv) }
}

export const hocuspocus: ServerKind = {
  key: 'hocuspocus',
  label: '@hocuspocus/server 4.7 + extension-sqlite',
  start: (dataDir) => startHocuspocus(dataDir, {}),
}

async function startHocuspocus(dataDir: string, extraEnv: NodeJS.ProcessEnv): Promise<ServerHandle> {
  fs.mkdirSync(dataDir, { recursive: true })
  const child = await spawnServer({
    name: 'hocuspocus',
    args: nodeArgs(path.join(benchDir, 'servers/hocuspocus-main.ts')),
    cwd: benchDir,
    env: { ...baseEnv(), HOCUSPOCUS_DB: path.join(dataDir, 'hocuspocus.db'), ...extraEnv },
    ready: /listening on port (\d+)/,
  })
  const url = `ws://127.0.0.1:${child.port}`
  return {
    key: 'hocuspocus',
    child,
    dialect: 'hocuspocus',
    createDocument: async () => peerDocumentName(),
    provider(id, doc) {
      // WebSocketPolyfill goes to the provider's own HocuspocusProviderWebsocket (absent from the provider's type).
      const configuration = { url, name: id, document: doc, WebSocketPolyfill: WebSocket }
      const provider = new HocuspocusProvider(configuration)
      const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()))
      return { doc, synced, destroy: () => provider.destroy() }
    },
    raw: (id) => new RawClient(url, 'hocuspocus', id),
    stop: (graceMs) => child.stop(graceMs),
  }
}

export const floor: ServerKind = {
  key: 'floor',
  label: 'bare relay (floor of rows 1 and 2)',
  async start() {
    const child = await spawnServer({
      name: 'floor',
      args: nodeArgs(path.join(benchDir, 'servers/floor-main.ts')),
      cwd: benchDir,
      env: baseEnv(),
      ready: /listening on port (\d+)/,
    })
    return {
      key: 'floor',
      child,
      dialect: 'y-websocket',
      createDocument: async () => peerDocumentName(),
      provider: (id, doc) => stockProvider(`ws://127.0.0.1:${child.port}`, id, doc),
      raw: (id) => new RawClient(`ws://127.0.0.1:${child.port}/${encodeURIComponent(id)}`, 'y-websocket', id),
      stop: (graceMs) => child.stop(graceMs),
    }
  },
}

export const allServers: ServerKind[] = [dongbi, ywss, hocuspocus]

function pick(...names: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const name of names) if (process.env[name] !== undefined) env[name] = process.env[name]
  return env
}
