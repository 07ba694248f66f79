import path from 'node:path'
import pg from 'pg'

/** A fresh, isolated database for one test server: a SQLite file, or a new PostgreSQL schema. */
export interface TestDatabase {
  /** A DATABASE_URL. */
  url: string
  /** Removes the PostgreSQL schema (the SQLite file goes with its folder). */
  drop(): Promise<void>
}

/** `postgres` when the tests run against PostgreSQL (DONGBI_TEST_DATABASE=postgres), else `sqlite`. */
export function testDatabaseKind(): 'sqlite' | 'postgres' {
  return process.env.DONGBI_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'
}

/** The PostgreSQL server the tests use; DONGBI_TEST_POSTGRES_URL overrides it. */
export function testPostgresUrl(): string {
  return process.env.DONGBI_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
}

let counter = 0
let swept = false

/**
 * Drops the schemas of test processes that died before dropping theirs (the name carries the
 * pid), so that leftovers do not pile up on a machine that runs the tests again and again.
 */
async function sweepStaleSchemas(client: pg.Client): Promise<void> {
  if (swept) return
  swept = true
  const { rows } = await client.query<{ name: string }>(`select nspname as name from pg_namespace where nspname like 'dongbi\\_test\\_%'`)
  for (const { name } of rows) {
    const pid = Number(name.split('_')[2])
    if (!Number.isInteger(pid) || isAlive(pid)) continue
    await client.query(`drop schema if exists "${name}" cascade`).catch(() => {})
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A new database in the mode the tests run in. On PostgreSQL every call gets its own schema
 * (created by the store on first open), so test files can run in parallel against one server.
 */
export function testDatabase(dir: string, kind = testDatabaseKind()): TestDatabase {
  if (kind === 'sqlite') return { url: `sqlite:${path.join(dir, 'test.db')}`, drop: async () => {} }
  const schema = `dongbi_test_${process.pid}_${Date.now().toString(36)}_${counter++}`
  const url = new URL(testPostgresUrl())
  url.searchParams.set('schema', schema)
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: testPostgresUrl() })
      await client.connect()
      try {
        await client.query(`drop schema if exists "${schema}" cascade`)
        await sweepStaleSchemas(client)
      } finally {
        await client.end()
      }
    },
  }
}
