import type { Config } from '../config.ts'
import type { CollabServer } from '../collaboration/CollabServer.ts'
import type { Store } from '../store/Store.ts'

/** Services every route may use, set once per request by {@link createApp}. */
export interface Services {
  store: Store
  collab: CollabServer
  config: Config
}

declare module 'hono' {
  interface ContextVariableMap {
    services: Services
  }
}
