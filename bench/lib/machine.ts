import fs from 'node:fs'
import os from 'node:os'

export interface Machine {
  nproc: number
  cpuModel: string
  memoryGiB: number
  node: string
  kernel: string
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine shows here. */
  loadAverage: string
}

export function describeMachine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown'
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))
    if (match) cpuModel = match[1]!.trim()
  } catch {
    // not Linux
  }
  return {
    nproc: os.availableParallelism(),
    cpuModel,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  }
}
