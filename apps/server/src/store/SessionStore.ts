import type { Kysely, Selectable } from 'kysely'
import type { ApiTokensTable, Database, SessionsTable } from './Database.ts'

export type SessionRow = Selectable<SessionsTable>
export type ApiTokenRow = Selectable<ApiTokensTable>

/** Login sessions and personal API tokens; both stored by the hash of their secret. */
export class SessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insertSession(row: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute()
  }

  session(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
  }

  async touchSession(id: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute()
  }

  async revokeSession(id: string): Promise<void> {
    await this.db.updateTable('sessions').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute()
  }

  /** Revokes every session of a user, except `keep` (the one changing the password). */
  async revokeUserSessions(userId: string, keep?: string): Promise<void> {
    let query = this.db.updateTable('sessions').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null)
    if (keep) query = query.where('id', '!=', keep)
    await query.execute()
  }

  async insertToken(row: ApiTokenRow): Promise<void> {
    await this.db.insertInto('api_tokens').values(row).execute()
  }

  tokenByHash(hash: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst()
  }

  tokens(userId: string): Promise<ApiTokenRow[]> {
    return this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute()
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute()
  }

  async revokeToken(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }
}
