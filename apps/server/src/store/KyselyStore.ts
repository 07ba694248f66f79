import { Migrator, type Kysely } from 'kysely'
import type { Database } from './Database.ts'
import { migrationProvider } from './migrations/index.ts'
import type { AppendEntry, DocumentRecord, Store, StoredUpdates } from './Store.ts'

type DocumentRow = Database['documents']

function toRecord(row: DocumentRow): DocumentRecord {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

/** The {@link Store} on any SQL dialect Kysely speaks; SQLite and PostgreSQL share it. */
export class KyselyStore implements Store {
  constructor(readonly db: Kysely<Database>) {}

  /** Brings the schema up to date; run once at startup. */
  async migrate(): Promise<void> {
    const { error, results } = await new Migrator({ db: this.db, provider: migrationProvider }).migrateToLatest()
    const failed = results?.find((r) => r.status === 'Error')
    if (error || failed) {
      throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
    }
  }

  async createDocument({ id, title }: { id: string; title: string }): Promise<DocumentRecord> {
    const now = new Date().toISOString()
    const row: DocumentRow = { id, title, created_at: now, updated_at: now, deleted_at: null }
    await this.db.insertInto('documents').values(row).execute()
    return toRecord(row)
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toRecord(row)
  }

  async listDocuments({ deleted }: { deleted: boolean }): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('deleted_at', deleted ? 'is not' : 'is', null)
      .orderBy(deleted ? 'deleted_at' : 'updated_at', 'desc')
      .execute()
    return rows.map(toRecord)
  }

  async updateDocument(
    id: string,
    changes: { title?: string; deletedAt?: string | null; touch?: boolean },
  ): Promise<DocumentRecord | undefined> {
    const set: Partial<DocumentRow> = {}
    if (changes.title !== undefined) set.title = changes.title
    if (changes.deletedAt !== undefined) set.deleted_at = changes.deletedAt
    if (changes.touch !== false) set.updated_at = new Date().toISOString()
    const row = await this.db.updateTable('documents').set(set).where('id', '=', id).returningAll().executeTakeFirst()
    return row && toRecord(row)
  }

  async purgeDocument(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('doc_updates').where('doc_id', '=', id).execute()
      const result = await trx.deleteFrom('documents').where('id', '=', id).executeTakeFirst()
      return result.numDeletedRows > 0n
    })
  }

  async loadUpdates(docId: string): Promise<StoredUpdates> {
    const rows = await this.db
      .selectFrom('doc_updates')
      .select(['seq', 'data'])
      .where('doc_id', '=', docId)
      .orderBy('seq')
      .execute()
    let bytes = 0
    const updates = rows.map((row) => {
      bytes += row.data.byteLength
      return new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)
    })
    return { updates, lastSeq: rows.length ? Number(rows[rows.length - 1]!.seq) : 0, bytes }
  }

  async appendUpdates(entries: AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return []
    const now = new Date().toISOString()
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('doc_updates')
        .values(entries.map((e) => ({ doc_id: e.docId, data: e.data })))
        .returning('seq')
        .execute()
      const docIds = [...new Set(entries.map((e) => e.docId))]
      await trx.updateTable('documents').set({ updated_at: now }).where('id', 'in', docIds).execute()
      return rows.map((r) => Number(r.seq))
    })
  }

  async compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('doc_updates').where('doc_id', '=', docId).where('seq', '<=', throughSeq).execute()
      await trx.insertInto('doc_updates').values({ seq: throughSeq, doc_id: docId, data: state }).execute()
    })
  }

  async close(): Promise<void> {
    await this.db.destroy()
  }
}
