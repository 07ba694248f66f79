/**
 * @hocuspocus/server 4.7 with @hocuspocus/extension-sqlite on a file, all defaults
 * otherwise (2 s store debounce, 10 s max, unload on last disconnect). Its own signal
 * handler flushes pending stores on SIGTERM.
 */
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const database = process.env.HOCUSPOCUS_DB
if (!database) throw new Error('HOCUSPOCUS_DB must be set: the bench runs every server with persistence')

const server = new Server({
  port: 0,
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database })],
})
await server.listen()
console.log(`hocuspocus listening on port ${server.address.port}`)
