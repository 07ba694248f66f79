import pg from 'pg'

/** A PostgreSQL DATABASE_URL split into what `pg` takes and the schema 动笔 keeps its tables in. */
export interface PostgresConnection {
  /** The URL without our own `schema` parameter. */
  connectionString: string
  /** From `?schema=name`; `public` when absent. Lets several deployments or test runs share one database. */
  schema: string
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/

export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl)
}

/** Parses `postgres://user@host:port/db?schema=name`; throws on a schema name that is not a plain identifier. */
export function postgresConnection(databaseUrl: string): PostgresConnection {
  const url = new URL(databaseUrl)
  const schema = url.searchParams.get('schema') ?? 'public'
  if (!schemaName.test(schema)) throw new Error(`DATABASE_URL: schema must match ${schemaName}, got "${schema}"`)
  url.searchParams.delete('schema')
  return { connectionString: url.toString(), schema }
}

/**
 * bigint (int8: bigserial ids, count(*)) as a JS number rather than pg's default string:
 * sequence numbers and counts stay far below 2^53.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 && format !== 'binary') return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
} as pg.CustomTypesConfig

/** A pool whose connections all work in `schema` (it is created when missing). */
export async function openPostgresPool(connection: PostgresConnection, max: number): Promise<pg.Pool> {
  const client = new pg.Client({ connectionString: connection.connectionString })
  await client.connect()
  try {
    await client.query(`create schema if not exists "${connection.schema}"`)
  } catch (error) {
    // Instances starting together race to create it: losing the race is fine.
    const code = (error as { code?: string }).code
    if (code !== '23505' && code !== '42P06') throw error
  } finally {
    await client.end()
  }
  const pool = new pg.Pool({
    connectionString: connection.connectionString,
    max,
    types,
    options: `-c search_path="${connection.schema}"`,
  })
  // An idle client that loses its connection (a server restart) must not crash the process.
  pool.on('error', (error) => console.error('[postgres] idle connection failed', error.message))
  return pool
}
