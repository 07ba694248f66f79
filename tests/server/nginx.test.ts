import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {
  contentOf,
  createDocument,
  createStore,
  saved,
  spawnServer,
  storedDoc,
  synced,
  testDatabase,
  waitFor,
  yClient,
  type SpawnedServer,
  type TestDatabase,
  type YClient,
} from '@dongbi/server/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The README's deployment, for real: deploy/nginx/dongbi.conf (only its ports changed) in front
 * of two instances on PostgreSQL and Redis, with Debian's nginx.
 */
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file))
if (!nginxBinary) console.warn('nginx.test.ts skipped: nginx is not installed (apt-get install nginx)')

const repoRoot = path.resolve(import.meta.dirname, '../..')
const redisUrl = process.env.DONGBI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

let dir: string
let database: TestDatabase
let nginx: ChildProcess | undefined
let nginxOutput = ''
let proxyUrl: string
const instances: SpawnedServer[] = []
const clients: YClient[] = []

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The shipped site config with our listen address and upstreams. */
function siteConfig(port: number, upstreams: string[]): string {
  const shipped = fs.readFileSync(path.join(repoRoot, 'deploy/nginx/dongbi.conf'), 'utf8')
  const servers = upstreams.map((address) => `    server ${address} max_fails=1 fail_timeout=5s;`).join('\n')
  const config = shipped
    .replace(/^ {4}server 127\.0\.0\.1:842\d.*\n/gm, '')
    .replace('    least_conn;\n', `    least_conn;\n${servers}\n`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
  expect(config).toContain(servers)
  return config
}

beforeAll(async () => {
  if (!nginxBinary) return
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dongbi-nginx-'))
  fs.chmodSync(dir, 0o755)
  database = testDatabase(dir, 'postgres')
  const env = { REDIS_URL: redisUrl, TRUST_PROXY: '127.0.0.1' }
  instances.push(await spawnServer(database.url, env))
  instances.push(await spawnServer(database.url, env))

  const port = await freePort()
  proxyUrl = `http://127.0.0.1:${port}`
  fs.writeFileSync(path.join(dir, 'dongbi.conf'), siteConfig(port, instances.map((instance) => new URL(instance.url).host)))
  for (const temp of ['body', 'proxy']) fs.mkdirSync(path.join(dir, temp), { mode: 0o777 })
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'worker_processes 1;',
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  include ${dir}/dongbi.conf;`,
      '}',
    ].join('\n'),
  )
  nginx = spawn(nginxBinary, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] })
  nginx.stdout!.setEncoding('utf8').on('data', (chunk: string) => (nginxOutput += chunk))
  nginx.stderr!.setEncoding('utf8').on('data', (chunk: string) => (nginxOutput += chunk))
  await waitFor(
    async () => {
      if (nginx!.exitCode !== null) throw new Error(`nginx exited: ${nginxOutput}`)
      return fetch(`${proxyUrl}/api/health`).then((response) => response.ok, () => false)
    },
    { timeoutMs: 15_000, message: 'nginx to answer' },
  )
}, 120_000)

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once('exit', resolve))
    nginx.kill('SIGQUIT')
    await exited
  }
  await Promise.all(instances.map((instance) => instance.stop('SIGTERM')))
  await database?.drop()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('two instances behind nginx (deploy/nginx/dongbi.conf)', () => {
  it.skipIf(!nginxBinary)('serves REST and WebSockets through one port; clients converge, also after an instance is killed', async () => {
    const server = { url: proxyUrl, token: instances[0]!.token }
    const { id } = await createDocument(server, '负载均衡')
    const collabUrl = `${proxyUrl.replace(/^http/, 'ws')}/collab`
    const editors = Array.from({ length: 4 }, () => {
      const client = yClient(collabUrl, id, { token: instances[0]!.token })
      clients.push(client)
      return client
    })
    await Promise.all(editors.map(synced))
    for (const [k, client] of editors.entries()) client.doc.getText('t').insert(0, `第${k}位 `)
    await Promise.all(editors.map((client) => saved(client)))
    await waitFor(() => editors.every((client) => client.text() === editors[0]!.text()), { message: 'clients through nginx to converge' })
    expect(editors[0]!.text().length).toBe(4 * '第0位 '.length)

    // Kill one instance: the clients nginx had sent there reconnect through it to the other.
    const closes = editors.map(() => 0)
    editors.forEach((client, k) => client.provider.on('connection-close', () => closes[k]!++))
    const victim = instances[1]!
    victim.child.kill('SIGKILL')
    await victim.exited
    // least_conn spread the four sockets two and two, so two clients lose theirs. nginx closes
    // both at once, but their close events may arrive in different turns: wait for both.
    await waitFor(() => closes.filter((n) => n > 0).length >= 2, { message: 'both of the victim’s clients to notice' })
    expect(closes.filter((n) => n > 0).length).toBe(2)
    await waitFor(() => editors.every((client) => client.provider.wsconnected && client.provider.synced), { timeoutMs: 15_000, message: 'every client to reconnect' })
    for (const [k, client] of editors.entries()) client.doc.getText('t').insert(0, `再${k} `)
    await Promise.all(editors.map((client) => saved(client)))
    await waitFor(() => editors.every((client) => client.text() === editors[0]!.text()), { message: 'clients to converge after the failover' })
    const store = await createStore({ databaseUrl: database.url, sqliteSynchronous: 'normal' })
    try {
      expect(contentOf(await storedDoc(store, id)).text).toBe(editors[0]!.text())
    } finally {
      await store.close()
    }
  })
})
