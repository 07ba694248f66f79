import type { VersionKind } from '@dongbi/schema'
import { sql, type Kysely, type Selectable } from 'kysely'
import { newId } from '../auth/secretToken.ts'
import type { Database, DocumentVersionsTable } from './Database.ts'
import { dialectOf } from './dialectOf.ts'

/** First key of the advisory lock that numbers a document's versions one at a time (PostgreSQL). */
const versionNumberLockClass = 0x766572 // 'ver'

export type VersionRow = Selectable<DocumentVersionsTable>
/** A version without its content, for lists. */
export type VersionSummary = Omit<VersionRow, 'content'> & { created_by_name: string | null }

export interface NewVersion {
  documentId: string
  kind: VersionKind
  name?: string | null
  createdBy: string | null
  /** ProseMirror JSON of the body. */
  content: Record<string, unknown>
  characters: number
}

/**
 * Inserts a version numbered one past the document's last. Takes a transaction (on
 * PostgreSQL the numbering lock lasts until it ends), so a submission can freeze its version in the same transaction as the
 * state change; the unique (document_id, number) index refuses a duplicate number.
 */
export async function insertVersion(db: Kysely<Database>, version: NewVersion): Promise<VersionRow> {
  await lockVersions(db, version.documentId)
  const last = await db
    .selectFrom('document_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('document_id', '=', version.documentId)
    .executeTakeFirst()
  const row: VersionRow = {
    id: newId(),
    document_id: version.documentId,
    number: Number(last?.n ?? 0) + 1,
    kind: version.kind,
    name: version.name ?? null,
    created_by: version.createdBy,
    created_at: new Date().toISOString(),
    characters: version.characters,
    content: JSON.stringify(version.content),
  }
  await db.insertInto('document_versions').values(row).execute()
  return row
}

/**
 * SQLite runs one writer at a time; concurrent PostgreSQL transactions (several server
 * instances) would read the same state, so they take turns per document. Held until the
 * transaction `db` belongs to ends; taking it twice in one transaction is fine.
 */
async function lockVersions(db: Kysely<Database>, documentId: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  await sql`select pg_advisory_xact_lock(${versionNumberLockClass}, hashtext(${documentId}))`.execute(db)
}

/** Frozen copies of documents. */
export class VersionStore {
  constructor(private readonly db: Kysely<Database>) {}

  create(version: NewVersion): Promise<VersionRow> {
    return this.db.transaction().execute((trx) => insertVersion(trx, version))
  }

  /**
   * An automatic checkpoint, unless the latest version already holds this content (or, with
   * no version yet, the body is empty). Decided under the document's lock, so instances
   * unloading the same document together keep one. Null when nothing was kept.
   */
  createCheckpoint(version: Omit<NewVersion, 'kind' | 'createdBy'>): Promise<VersionRow | null> {
    const content = JSON.stringify(version.content)
    return this.db.transaction().execute(async (trx) => {
      await lockVersions(trx, version.documentId)
      const latest = await trx
        .selectFrom('document_versions')
        .select('content')
        .where('document_id', '=', version.documentId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (latest ? latest.content === content : version.characters === 0) return null
      return insertVersion(trx, { ...version, kind: 'checkpoint', createdBy: null })
    })
  }

  /** Newest first, without content. */
  list(documentId: string): Promise<VersionSummary[]> {
    return this.summaries().where('document_versions.document_id', '=', documentId).orderBy('document_versions.number', 'desc').execute()
  }

  summary(documentId: string, id: string): Promise<VersionSummary | undefined> {
    return this.summaries().where('document_versions.document_id', '=', documentId).where('document_versions.id', '=', id).executeTakeFirst()
  }

  /** A version of this document (never another document's, whatever the id). */
  get(documentId: string, id: string): Promise<VersionRow | undefined> {
    return this.db.selectFrom('document_versions').selectAll().where('document_id', '=', documentId).where('id', '=', id).executeTakeFirst()
  }

  latest(documentId: string): Promise<VersionRow | undefined> {
    return this.db.selectFrom('document_versions').selectAll().where('document_id', '=', documentId).orderBy('number', 'desc').limit(1).executeTakeFirst()
  }

  async rename(documentId: string, id: string, name: string | null): Promise<boolean> {
    const result = await this.db.updateTable('document_versions').set({ name }).where('document_id', '=', documentId).where('id', '=', id).executeTakeFirst()
    return result.numUpdatedRows > 0n
  }

  private summaries() {
    return this.db
      .selectFrom('document_versions')
      .leftJoin('users', 'users.id', 'document_versions.created_by')
      .select([
        'document_versions.id',
        'document_versions.document_id',
        'document_versions.number',
        'document_versions.kind',
        'document_versions.name',
        'document_versions.created_by',
        'document_versions.created_at',
        'document_versions.characters',
        'users.display_name as created_by_name',
      ])
  }
}
