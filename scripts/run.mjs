#!/usr/bin/env node
// The README's commands, for a machine with only Node.js 20 and npm:
//   npm start   — install dependencies, build the web app, start the server (SQLite under ./data)
//   npm test    — install dependencies (and Debian's chromium when missing), start PostgreSQL and
//                 Redis when they are not running, build, run every test (server tests on SQLite
//                 and again on PostgreSQL)
//   npm run bench — run the benchmarks against the peer servers
import { spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pnpm = ['-y', 'pnpm@10.20.0']
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options })
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`)
    process.exit(result.status ?? 1)
  }
}

function install() {
  run('npx', [...pnpm, 'install', '--frozen-lockfile', '--reporter=append-only'], { env: { ...process.env, CI: 'true' } })
}

function buildWeb() {
  run('npx', [...pnpm, '--filter', '@dongbi/web', 'build'])
}

/** The browser tests drive Debian's chromium; install it (with CJK fonts) when we can. */
function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (fs.existsSync(chromium)) return
  const isRoot = process.getuid?.() === 0
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    console.error(`✗ ${chromium} is missing: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`)
    process.exit(1)
  }
  console.log('Installing chromium and CJK fonts with apt-get…')
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:`port` within `timeoutMs`. */
async function listening(port, timeoutMs = 0) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port })
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (ok || Date.now() >= deadline) return ok
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

function aptInstall(packages) {
  if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
    console.error(`✗ missing ${packages.join(', ')}: install Debian's packages (apt-get install ${packages.join(' ')})`)
    process.exit(1)
  }
  console.log(`Installing ${packages.join(', ')} with apt-get…`)
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', ...packages], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

/**
 * The server tests run again against PostgreSQL (127.0.0.1:5432, trust auth, database `test`)
 * and the multi-instance tests also need Redis (127.0.0.1:6379): start them when they are not
 * running, install Debian's packages when they are missing. Idempotent: does nothing when
 * both answer and nginx is installed.
 */
async function ensureServices() {
  if (!(await listening(5432))) {
    if (!fs.existsSync('/usr/bin/pg_ctlcluster')) aptInstall(['postgresql'])
    const version = fs.readdirSync('/etc/postgresql').sort().at(-1)
    const hba = `/etc/postgresql/${version}/main/pg_hba.conf`
    if (!/^host\s+all\s+all\s+127\.0\.0\.1\/32\s+trust/m.test(fs.readFileSync(hba, 'utf8'))) {
      // A fresh Debian cluster asks for passwords over TCP; the tests connect as postgres without one.
      fs.writeFileSync(hba, `local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n${fs.readFileSync(hba, 'utf8')}`)
    }
    console.log(`Starting PostgreSQL ${version}…`)
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'])
    if (!(await listening(5432, 30_000))) {
      console.error('✗ PostgreSQL did not start on 127.0.0.1:5432')
      process.exit(1)
    }
  }
  const hasTestDb = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-Atc', 'select 1'], { stdio: 'ignore' })
  if (hasTestDb.status !== 0) run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-c', 'create database test'])

  if (!(await listening(6379))) {
    if (!fs.existsSync('/usr/bin/redis-server')) aptInstall(['redis-server'])
    fs.mkdirSync('/var/lib/redis', { recursive: true })
    fs.mkdirSync('/var/log/redis', { recursive: true })
    console.log('Starting Redis…')
    run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log'])
    if (!(await listening(6379, 30_000))) {
      console.error('✗ Redis did not start on 127.0.0.1:6379')
      process.exit(1)
    }
  }
  // The README's nginx deployment is tested with Debian's nginx (tests/server/nginx.test.ts
  // skips, saying so, where it cannot be installed). The package does not start a server here.
  if (!fs.existsSync('/usr/sbin/nginx') && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) aptInstall(['nginx'])
}

function start() {
  install()
  buildWeb()
  const nodeFlags = JSON.parse(fs.readFileSync(path.join(root, 'apps/server/nodeFlags.json'), 'utf8'))
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'apps/server/src/main.ts'], { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const command = process.argv[2]
if (command === 'start') {
  start()
} else if (command === 'test') {
  install()
  ensureChromium()
  await ensureServices()
  buildWeb()
  run(bin('vitest'), ['run', ...process.argv.slice(3)])
} else if (command === 'bench') {
  install()
  run('npx', [...pnpm, '--filter', '@dongbi/bench', 'bench'])
} else {
  console.error('usage: node scripts/run.mjs start|test|bench')
  process.exit(2)
}
