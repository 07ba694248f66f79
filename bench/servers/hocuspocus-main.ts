/**
 * @hocuspocus/server 4.7 with @hocuspocus/extension-sqlite on a file, all defaults
 * otherwise (2 s store debounce, 10 s max, unload on last disconnect). Its own signal
 * handler flushes pending stores on SIGTERM. With REDIS_URL it also loads
 * @hocuspocus/extension-redis, its documented way to run several instances.
 */
import { Redis } from '@hocuspocus/extension-redis'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const database = process.env.HOCUSPOCUS_DB
if (!database) throw new Error('HOCUSPOCUS_DB must be set: the bench runs every server with persistence')
const redisUrl = process.env.REDIS_URL ? new URL(process.env.REDIS_URL) : undefined

const server = new Server({
  port: 0,
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [
    new SQLite({ database }),
    ...(redisUrl ? [new Redis({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379), prefix: process.env.REDIS_PREFIX ?? 'hocuspocus' })] : []),
  ],
})
await server.listen()
console.log(`hocuspocus listening on port ${server.address.port}`)
