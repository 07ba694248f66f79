import fs from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import { cachedStatements } from './cachedStatements.ts'
import type { Database } from './Database.ts'
import { KyselyStore } from './KyselyStore.ts'
import { WalCheckpointer } from './WalCheckpointer.ts'
import { isPostgresUrl, openPostgresPool, postgresConnection } from './postgresConnection.ts'

export interface StoreOptions {
  databaseUrl: string
  sqliteSynchronous: 'normal' | 'full'
  /** Most connections one process opens to PostgreSQL. */
  postgresPoolSize?: number
}

/** Resolves `sqlite:/abs/path.db`, `sqlite:relative.db`, a bare path or `:memory:` to a file name. */
export function sqliteFileName(databaseUrl: string): string {
  const raw = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : databaseUrl
  return raw === ':memory:' ? raw : path.resolve(raw)
}

/** Opens the store named by `databaseUrl` (`postgres://…` or SQLite) and migrates it to the latest schema. */
export async function createStore({ databaseUrl, sqliteSynchronous, postgresPoolSize = 10 }: StoreOptions): Promise<KyselyStore> {
  if (isPostgresUrl(databaseUrl)) {
    const connection = postgresConnection(databaseUrl)
    const pool = await openPostgresPool(connection, postgresPoolSize)
    const store = new KyselyStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), { schema: connection.schema })
    await store.migrate()
    return store
  }
  const fileName = sqliteFileName(databaseUrl)
  if (fileName !== ':memory:') fs.mkdirSync(path.dirname(fileName), { recursive: true })
  const sqlite = new SqliteDatabase(fileName)
  // Lets compaction hand the pages of a rewritten log back to the file system (new files only:
  // an existing file keeps the mode it was created with).
  sqlite.pragma('auto_vacuum = INCREMENTAL')
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`synchronous = ${sqliteSynchronous.toUpperCase()}`)
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const store = new KyselyStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) }), { sqlite, checkpoints: new WalCheckpointer(sqlite) })
  await store.migrate()
  return store
}
