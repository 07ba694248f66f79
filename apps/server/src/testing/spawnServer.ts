import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import nodeFlags from '../../nodeFlags.json' with { type: 'json' }

const rootUsername = 'root'
const rootPassword = 'root-password-for-tests'

/** Signs in as `root` and creates an API token, the way a script would. */
async function adminToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: rootUsername, password: rootPassword }),
  })
  if (!login.ok) throw new Error(`login as root failed: ${login.status}`)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const created = await fetch(`${url}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: url },
    body: JSON.stringify({ name: 'tests' }),
  })
  if (created.status !== 201) throw new Error(`creating a token failed: ${created.status}`)
  return ((await created.json()) as { token: string }).token
}

/** The repository root, where `tsx` resolves from. */
const repoRoot = path.resolve(import.meta.dirname, '../../../..')

export interface SpawnedServer {
  child: ChildProcess
  /** `http://127.0.0.1:port` as printed by the server. */
  url: string
  /** An API token of the org admin `root` (created through ADMIN_USERNAME on a fresh database). */
  token: string
  collabUrl: string
  /** Everything the process wrote, for failure messages. */
  output(): string
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Runs `node --import tsx apps/server/src/main.ts`, with the server's node flags, as its own
 * process on port 0 with the given database — a SQLite file, or any DATABASE_URL
 * (`postgres://…`, `sqlite:…`) — and resolves once it prints its URL.
 */
export async function spawnServer(database: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: /^(postgres(ql)?|sqlite):/.test(database) ? database : `sqlite:${database}`,
      WEB_ROOT: '',
      ADMIN_USERNAME: rootUsername,
      ADMIN_PASSWORD: rootPassword,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 20 s:\n${output}`)), 20_000)
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (!match) return
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      resolve(match[1]!)
    }
    child.stdout!.on('data', onData)
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`))
    })
  })
  return {
    child,
    url,
    token: await adminToken(url),
    collabUrl: `${url.replace(/^http/, 'ws')}/collab`,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}
