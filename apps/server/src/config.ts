import path from 'node:path'

/** Runtime configuration, read once at startup from the environment (see README § Configuration). */
export interface Config {
  /** TCP port; 0 picks a free one (tests). */
  port: number
  /** Interface to bind. */
  host: string
  /**
   * `sqlite:/abs/path.db`, a bare file path, or `:memory:` (default `./data/dongbi.db`); or
   * `postgres://user@host:port/db[?schema=name]` for PostgreSQL, which several instances share.
   */
  databaseUrl: string
  /** Most connections one process opens to PostgreSQL. */
  postgresPoolSize: number
  /**
   * `redis://host:port[/db]`: instances sharing a PostgreSQL database exchange live updates,
   * awareness and events through it. Empty for a single instance.
   */
  redisUrl: string
  /** SQLite `synchronous` pragma: `normal` survives a process crash, `full` also a power loss. */
  sqliteSynchronous: 'normal' | 'full'
  /** Largest collaboration frame accepted; a larger one closes the socket with 1009. */
  maxMessageBytes: number
  /** Largest stored size of one document; an update past it closes the socket with 4413. */
  maxDocumentBytes: number
  /** Largest REST request body; a larger one gets 413. */
  maxBodyBytes: number
  /** Compact a document's update log into one state once it holds this many updates. */
  compactAfterUpdates: number
  /** How long a document with no connections stays in memory. */
  unloadAfterMs: number
  /** While a document is edited, keep an automatic version at most this often (it is also kept when the document unloads). */
  checkpointEveryMs: number
  /** Folder of the built web app to serve; empty disables static serving. */
  webRoot: string
  /** How long a login session lasts. */
  sessionTtlHours: number
  /** Addresses of reverse proxies whose X-Forwarded-For is believed. */
  trustProxy: string[]
  /** Extra browser origins allowed besides the server's own (e.g. a dev server). */
  allowedOrigins: string[]
  /** With an empty database, create this org admin at startup. */
  adminUsername: string
  adminPassword: string
  /** Failed logins allowed per account / per client address in 15 minutes. */
  loginFailuresPerAccount: number
  loginFailuresPerAddress: number
}

const MiB = 1024 * 1024

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`)
  }
  return value
}

function readList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

/** Reads and validates the configuration; throws with the variable's name on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'normal').toLowerCase()
  if (synchronous !== 'normal' && synchronous !== 'full') {
    throw new Error(`SQLITE_SYNCHRONOUS must be "normal" or "full", got "${env.SQLITE_SYNCHRONOUS}"`)
  }
  return {
    port: readInt(env, 'PORT', 8420, 0),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || `sqlite:${path.resolve(cwd, 'data/dongbi.db')}`,
    postgresPoolSize: readInt(env, 'POSTGRES_POOL_SIZE', 10, 1),
    redisUrl: env.REDIS_URL ?? '',
    sqliteSynchronous: synchronous,
    maxMessageBytes: readInt(env, 'MAX_MESSAGE_BYTES', 16 * MiB, 1024),
    maxDocumentBytes: readInt(env, 'MAX_DOCUMENT_BYTES', 64 * MiB, 1024),
    maxBodyBytes: readInt(env, 'MAX_BODY_BYTES', 1 * MiB, 1024),
    compactAfterUpdates: readInt(env, 'COMPACT_AFTER_UPDATES', 500, 2),
    unloadAfterMs: readInt(env, 'UNLOAD_AFTER_MS', 30_000, 0),
    checkpointEveryMs: readInt(env, 'CHECKPOINT_EVERY_MS', 10 * 60_000, 0),
    webRoot: env.WEB_ROOT ?? path.resolve(import.meta.dirname, '../../web/dist'),
    sessionTtlHours: readInt(env, 'SESSION_TTL_HOURS', 24 * 7, 1),
    trustProxy: readList(env.TRUST_PROXY),
    allowedOrigins: readList(env.ALLOWED_ORIGINS),
    adminUsername: env.ADMIN_USERNAME ?? '',
    adminPassword: env.ADMIN_PASSWORD ?? '',
    loginFailuresPerAccount: readInt(env, 'LOGIN_FAILURES_PER_ACCOUNT', 5, 1),
    loginFailuresPerAddress: readInt(env, 'LOGIN_FAILURES_PER_ADDRESS', 30, 1),
  }
}
