import type { Kysely, Selectable } from 'kysely'
import type { AuditEventsTable, Database } from './Database.ts'

export type AuditEventRow = Selectable<AuditEventsTable>

export interface AuditEvent {
  actorId: string | null
  /** e.g. `login`, `login_failed`, `share_set`, `token_created`, `role_changed` */
  action: string
  targetType?: string
  targetId?: string
  ip?: string
  details?: Record<string, unknown>
}

/** Security events the org admin can read. Append-only. */
export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(event: AuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        at: new Date().toISOString(),
        actor_id: event.actorId,
        action: event.action,
        target_type: event.targetType ?? null,
        target_id: event.targetId ?? null,
        ip: event.ip ?? '',
        details: JSON.stringify(event.details ?? {}),
      })
      .execute()
  }

  recent(options: { limit: number; before?: number; action?: string }): Promise<AuditEventRow[]> {
    let query = this.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(options.limit)
    if (options.before) query = query.where('id', '<', options.before)
    if (options.action) query = query.where('action', '=', options.action)
    return query.execute()
  }
}
