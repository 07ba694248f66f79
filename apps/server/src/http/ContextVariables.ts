import type { LoginThrottle } from '../auth/LoginThrottle.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Config } from '../config.ts'
import type { CollabServer } from '../collaboration/CollabServer.ts'
import type { SearchIndex } from '../search/SearchIndex.ts'
import type { Store } from '../store/Store.ts'

/** Services every route may use, set once per request by {@link createApp}. */
export interface Services {
  store: Store
  collab: CollabServer
  config: Config
  loginThrottle: LoginThrottle
  search: SearchIndex
}

declare module 'hono' {
  interface ContextVariableMap {
    services: Services
    /** The signed-in user, or null; set by `authenticate`. */
    principal: Principal | null
    /** The client's address (see `clientAddress`). */
    clientIp: string
  }
}
