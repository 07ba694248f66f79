/**
 * @hocuspocus/server 4.7 with @hocuspocus/extension-sqlite on a file, all defaults
 * otherwise (2 s store debounce, 10 s max, unload on last disconnect). Its own signal
 * handler flushes pending stores on SIGTERM. With HOCUSPOCUS_REDIS_URL also
 * @hocuspocus/extension-redis 4.7.0 (row 5).
 */
import { Redis } from '@hocuspocus/extension-redis'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const database = process.env.HOCUSPOCUS_DB
if (!database) throw new Error('HOCUSPOCUS_DB must be set: the bench runs every server with persistence')

const server = new Server({
  port: 0,
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  // HOCUSPOCUS_REDIS_URL (bench row 5): instances on one database exchange updates through
  // @hocuspocus/extension-redis, its documented way to run several.
  extensions: [new SQLite({ database }), ...redisExtension()],
})
function redisExtension() {
  const raw = process.env.HOCUSPOCUS_REDIS_URL
  if (!raw) return []
  const url = new URL(raw)
  return [new Redis({ host: url.hostname, port: Number(url.port || 6379), prefix: `bench-${process.env.HOCUSPOCUS_REDIS_PREFIX ?? 'hocuspocus'}` })]
}

await server.listen()
console.log(`hocuspocus listening on port ${server.address.port}`)
