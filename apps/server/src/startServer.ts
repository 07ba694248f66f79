import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { bootstrapAdmin } from './auth/bootstrapAdmin.ts'
import { createCollabAuthorizer } from './auth/createCollabAuthorizer.ts'
import { LoginThrottle } from './auth/LoginThrottle.ts'
import { CollabServer } from './collaboration/CollabServer.ts'
import type { Config } from './config.ts'
import { createApp } from './createApp.ts'
import { unreadCountOnHello } from './notifications/unreadCountOnHello.ts'
import { createStore } from './store/createStore.ts'
import { createSearchIndex } from './search/createSearchIndex.ts'
import { SearchIndexer } from './search/SearchIndexer.ts'
import { isPostgresUrl, postgresConnection } from './store/postgresConnection.ts'
import { RedisFanout } from './cluster/RedisFanout.ts'
import { checkpointVersions } from './versions/checkpointVersions.ts'
import type { Store } from './store/Store.ts'
import type { SearchIndex } from './search/SearchIndex.ts'

export interface RunningServer {
  /** `http://host:port` */
  url: string
  port: number
  store: Store
  collab: CollabServer
  search: SearchIndex
  /** The link to the other instances, when REDIS_URL is set. */
  fanout: RedisFanout | undefined
  /** The Hono app (for `app.request()` and route listings). */
  app: ReturnType<typeof createApp>
  /** Stops accepting, flushes every update, compacts and closes the database. */
  close(): Promise<void>
}

/** Opens the store (running migrations), then serves REST, the web app and the collaboration socket on one port. */
export async function startServer(config: Config, log: (message: string, error?: unknown) => void = console.error): Promise<RunningServer> {
  if (config.redisUrl && !isPostgresUrl(config.databaseUrl)) {
    throw new Error('REDIS_URL joins instances that share one database: set a postgres:// DATABASE_URL too')
  }
  const store = await createStore(config)
  let fanout: RedisFanout | undefined
  try {
    fanout = config.redisUrl
      ? await RedisFanout.connect({ url: config.redisUrl, prefix: `dongbi:${postgresConnection(config.databaseUrl).schema}`, log })
      : undefined
  } catch (error) {
    await store.close()
    throw error
  }
  if (await bootstrapAdmin(store, config.adminUsername, config.adminPassword)) {
    log(`created the first org admin "${config.adminUsername}" from ADMIN_USERNAME/ADMIN_PASSWORD`)
  }
  const search = createSearchIndex(store.db)
  const searchIndexer = new SearchIndexer({ index: search, log })
  const collab = new CollabServer({
    ...config,
    store,
    log,
    fanout,
    authorizer: createCollabAuthorizer(store, config),
    extensions: [checkpointVersions({ store, everyMs: config.checkpointEveryMs }), unreadCountOnHello(store), searchIndexer],
  })
  const loginThrottle = new LoginThrottle({
    perAccount: config.loginFailuresPerAccount,
    perAddress: config.loginFailuresPerAddress,
    windowMs: 15 * 60_000,
  })
  const app = createApp({ store, collab, config, loginThrottle, search, log })
  const server = http.createServer(getRequestListener(app.fetch))
  server.on('upgrade', collab.handleUpgrade)
  server.on('clientError', (_error, socket) => socket.destroy())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  // In the background: the server answers meanwhile, and search finds those documents as they are indexed.
  const backfill = searchIndexer.backfill((id) => collab.readDocument(id)).catch((error) => log('search backfill failed', error))
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  let closing: Promise<void> | undefined
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    store,
    collab,
    search,
    fanout,
    app,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        await collab.close()
        await searchIndexer.close()
        await backfill
        server.closeAllConnections()
        await closed
        await fanout?.close()
        await store.close()
      })()
      return closing
    },
  }
}
