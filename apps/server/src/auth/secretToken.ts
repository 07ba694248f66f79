import { createHash, randomBytes } from 'node:crypto'

/** A new 256-bit secret, url-safe, with a readable prefix (`dbs_` session, `dbt_` API token, `dbi_` invitation). */
export function newSecret(prefix: 'dbs_' | 'dbt_' | 'dbi_'): string {
  return prefix + randomBytes(32).toString('base64url')
}

/** What the database keeps of a secret: its sha256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** A short random id for rows (users, branches, tokens): 96 bits, url-safe. */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}
