import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'

/** Every server child this process started; all are killed when it exits, however it exits. */
const running = new Set<ChildProcess>()

function killAll(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
  running.clear()
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAll()
    process.exit(130)
  })
}

export interface Child {
  readonly pid: number
  readonly port: number
  /** Resident set size of the child, from `/proc/<pid>/status` VmRSS. */
  rssBytes(): number
  /** User + system CPU time the child has used so far, in seconds (`/proc/<pid>/stat`). */
  cpuSeconds(): number
  /** Runs a full garbage collection in the child (the preload hook, `--expose-gc`) and returns its `process.memoryUsage()`. */
  gc(): Promise<NodeJS.MemoryUsage>
  /** SIGTERM (the server flushes and exits), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>
  /** Last lines of its stderr, for error messages. */
  stderrTail(): string
}

export interface SpawnOptions {
  name: string
  args: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  /** Matched against stdout; group 1 is the port. */
  ready: RegExp
  timeoutMs?: number
}

const CLK_TCK = 100

export function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status)
  if (!match) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(match[1]) * 1024
}

export function readCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

/** Starts a server in its own process and resolves once it printed its port. */
export function spawnServer(options: SpawnOptions): Promise<Child> {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exited.then(() => running.delete(child))
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  const tail = () => stderr.trim().split('\n').slice(-15).join('\n')

  return new Promise<Child>((resolve, reject) => {
    let stdout = ''
    let memoryWaiter: ((usage: NodeJS.MemoryUsage) => void) | null = null
    let lines = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${options.name} did not start within ${options.timeoutMs ?? 20_000} ms\n${tail()}`))
    }, options.timeoutMs ?? 20_000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${options.name} exited early (${code ?? signal})\n${tail()}`))
    })
    child.stdout!.setEncoding('utf8')
    let started = false
    child.stdout!.on('data', (chunk: string) => {
      if (started) {
        // Keep draining stdout so the child never blocks on a full pipe; pick out memory reports.
        lines += chunk
        let newline: number
        while ((newline = lines.indexOf('\n')) >= 0) {
          const line = lines.slice(0, newline)
          lines = lines.slice(newline + 1)
          if (line.startsWith('BENCH_MEMORY ') && memoryWaiter) {
            memoryWaiter(JSON.parse(line.slice('BENCH_MEMORY '.length)) as NodeJS.MemoryUsage)
            memoryWaiter = null
          }
        }
        return
      }
      stdout += chunk
      const match = options.ready.exec(stdout)
      if (!match) return
      clearTimeout(timer)
      started = true
      const pid = child.pid!
      resolve({
        pid,
        port: Number(match[1]),
        rssBytes: () => readRssBytes(pid),
        cpuSeconds: () => readCpuSeconds(pid),
        gc() {
          return new Promise<NodeJS.MemoryUsage>((resolve, reject) => {
            const timeout = setTimeout(() => reject(new Error(`${options.name} sent no memory report`)), 10_000)
            memoryWaiter = (usage) => {
              clearTimeout(timeout)
              resolve(usage)
            }
            child.kill('SIGUSR2')
          })
        },
        async stop(graceMs = 20_000) {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.kill('SIGTERM')
          const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref())
          if ((await Promise.race([exited, timeout])) === 'timeout') {
            child.kill('SIGKILL')
            await exited
            throw new Error(`${options.name} did not exit within ${graceMs} ms of SIGTERM; killed`)
          }
        },
        stderrTail: tail,
      })
    })
  })
}
