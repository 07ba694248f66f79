#!/usr/bin/env node
// The README's commands, for a machine with only Node.js 20 and npm:
//   npm start   — install dependencies, build the web app, start the server (SQLite under ./data)
//   npm test    — install dependencies (and Debian's chromium when missing), build, run every test
//   npm run bench — run the benchmarks against the peer servers
import { spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
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

function start() {
  install()
  buildWeb()
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const command = process.argv[2]
if (command === 'start') {
  start()
} else if (command === 'test') {
  install()
  ensureChromium()
  buildWeb()
  run(bin('vitest'), ['run', ...process.argv.slice(3)])
} else if (command === 'bench') {
  install()
  run('npx', [...pnpm, '--filter', '@dongbi/bench', 'bench'])
} else {
  console.error('usage: node scripts/run.mjs start|test|bench')
  process.exit(2)
}
