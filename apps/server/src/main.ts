import { loadConfig } from './config.ts'
import { startServer } from './startServer.ts'

const config = loadConfig()
const server = await startServer(config)
// Loading and migrating leave tens of MB of garbage: collected now, in one pause before anyone
// types, rather than in the first minutes of editing (`--expose-gc` is in nodeFlags.json).
;(globalThis as { gc?: () => void }).gc?.()
console.log(`动笔 listening on ${server.url} (database: ${config.databaseUrl})`)

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(`${signal}: flushing and closing…`)
  try {
    await server.close()
    process.exit(0)
  } catch (error) {
    console.error('shutdown failed', error)
    process.exit(1)
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
