import type SqliteDatabase from 'better-sqlite3'
import { Migrator, sql, type Kysely } from 'kysely'
import * as Y from 'yjs'
import { AssignmentStore } from './AssignmentStore.ts'
import { AuditLog } from './AuditLog.ts'
import { BranchStore } from './BranchStore.ts'
import { CheckerSettingsStore } from './CheckerSettingsStore.ts'
import { CommentStore } from './CommentStore.ts'
import type { Database } from './Database.ts'
import { JournalStore } from './JournalStore.ts'
import { dialectOf } from './dialectOf.ts'
import { migrationProvider } from './migrations/index.ts'
import { NotificationStore } from './NotificationStore.ts'
import { ReviewStore } from './ReviewStore.ts'
import { SessionStore } from './SessionStore.ts'
import { ShareStore } from './ShareStore.ts'
import { TemplateStore } from './TemplateStore.ts'
import type { DocumentKind } from '@dongbi/schema'
import type { AppendEntry, DocumentRecord, DocumentScope, Store, StoredUpdates } from './Store.ts'
import { toDocumentRecord } from './toDocumentRecord.ts'
import { TouchQueue } from './TouchQueue.ts'
import { UserStore } from './UserStore.ts'
import { VersionStore } from './VersionStore.ts'
import type { WalCheckpointer } from './WalCheckpointer.ts'

type DocumentRow = Database['documents']

/** First key of the two-key advisory locks taken while compacting a document's log. */
const compactionLockClass = 0x646f63 // 'doc'

/** The {@link Store} on any SQL dialect Kysely speaks; SQLite and PostgreSQL share it. */
export class KyselyStore implements Store {
  readonly users: UserStore
  readonly sessions: SessionStore
  readonly branches: BranchStore
  readonly shares: ShareStore
  readonly audit: AuditLog
  readonly comments: CommentStore
  readonly versions: VersionStore
  readonly reviews: ReviewStore
  readonly notifications: NotificationStore
  readonly templates: TemplateStore
  readonly assignments: AssignmentStore
  readonly journal: JournalStore
  readonly checkerSettings: CheckerSettingsStore

  /**
   * SQLite's hot path: appending updates is the one query on every keystroke. On the raw handle
   * the append is one synchronous call — no query building, no promise — which lets a lone
   * keystroke be stored within the handler of its frame (`appendUpdatesNow`); under load it
   * runs inside Kysely's connection lock like any query.
   */
  private appendSqlite: ((entries: AppendEntry[], now: string) => number[]) | undefined
  /** SQLite only: `updated_at` of appended documents, written a few milliseconds later (see {@link TouchQueue}). */
  private touches: TouchQueue | undefined

  private readonly sqlite: SqliteDatabase.Database | undefined
  /** SQLite only: checkpoints the log after appends, off the keystroke path. */
  private readonly checkpoints: WalCheckpointer | undefined
  /** PostgreSQL schema holding the tables (and Kysely's migration tables). */
  private readonly schema: string | undefined
  private readonly postgres: boolean

  constructor(
    readonly db: Kysely<Database>,
    options: { sqlite?: SqliteDatabase.Database; checkpoints?: WalCheckpointer; schema?: string } = {},
  ) {
    this.sqlite = options.sqlite
    this.checkpoints = options.checkpoints
    this.schema = options.schema
    this.postgres = dialectOf(db) === 'postgres'
    this.users = new UserStore(db)
    this.sessions = new SessionStore(db)
    this.branches = new BranchStore(db)
    this.shares = new ShareStore(db)
    this.audit = new AuditLog(db)
    this.comments = new CommentStore(db)
    this.versions = new VersionStore(db)
    this.reviews = new ReviewStore(db)
    this.notifications = new NotificationStore(db)
    this.templates = new TemplateStore(db)
    this.assignments = new AssignmentStore(db)
    this.journal = new JournalStore(db)
    this.checkerSettings = new CheckerSettingsStore(db)
  }

  /** Brings the schema up to date; run once at startup. */
  async migrate(): Promise<void> {
    const { error, results } = await new Migrator({
      db: this.db,
      provider: migrationProvider,
      // Named, because Kysely looks for its tables in every schema of the database otherwise.
      migrationTableSchema: this.schema,
      // Features land on separate branches, each with its own numbered migration; a database that
      // already ran a later number must still take an earlier one that arrives after it.
      allowUnorderedMigrations: true,
    }).migrateToLatest()
    const failed = results?.find((r) => r.status === 'Error')
    if (error || failed) {
      throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`)
    }
  }

  async createDocument({
    id,
    title,
    ownerId = null,
    branchId = null,
    kind = 'free',
    templateId = null,
  }: {
    id: string
    title: string
    ownerId?: string | null
    branchId?: string | null
    kind?: DocumentKind
    templateId?: string | null
  }): Promise<DocumentRecord> {
    const now = new Date().toISOString()
    const row: DocumentRow = { id, title, created_at: now, updated_at: now, deleted_at: null, owner_id: ownerId, branch_id: branchId, kind, template_id: templateId }
    await this.db.insertInto('documents').values(row).execute()
    return toDocumentRecord(row)
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toDocumentRecord(row)
  }

  async listDocuments({ deleted }: { deleted: boolean }): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('deleted_at', deleted ? 'is not' : 'is', null)
      .orderBy(deleted ? 'deleted_at' : 'updated_at', 'desc')
      .execute()
    return rows.map(toDocumentRecord)
  }

  async listDocumentsFor(userId: string, scope: DocumentScope, options: { managedBranchIds?: string[] } = {}): Promise<DocumentRecord[]> {
    const myBranches = this.db.selectFrom('memberships').select('branch_id').where('user_id', '=', userId)
    let query = this.db.selectFrom('documents').selectAll()
    if (scope === 'mine') {
      // Journal entries live in 学习日志, not among the user's documents.
      query = query.where('owner_id', '=', userId).where('branch_id', 'is', null).where('deleted_at', 'is', null).where('kind', '!=', 'journal')
    } else if (scope === 'branch') {
      query = query.where('branch_id', 'in', myBranches).where('deleted_at', 'is', null)
    } else if (scope === 'shared') {
      const shared = this.db
        .selectFrom('document_shares')
        .select('document_id')
        .where((eb) =>
          eb.or([
            eb.and([eb('grantee_type', '=', 'user'), eb('grantee_id', '=', userId)]),
            eb.and([eb('grantee_type', '=', 'branch'), eb('grantee_id', 'in', myBranches)]),
          ]),
        )
      query = query
        .where('id', 'in', shared)
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '!=', userId)]))
    } else {
      const managed = options.managedBranchIds ?? []
      query = query
        .where('deleted_at', 'is not', null)
        .where((eb) => eb.or([eb('owner_id', '=', userId), ...(managed.length ? [eb('branch_id', 'in', managed)] : [])]))
    }
    const rows = await query.orderBy(scope === 'trash' ? 'deleted_at' : 'updated_at', 'desc').execute()
    return rows.map(toDocumentRecord)
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
    return row && toDocumentRecord(row)
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
    const appendSqlite = this.sqliteAppender()
    if (appendSqlite) return this.db.connection().execute(async () => appendSqlite(entries, now))
    // PostgreSQL: one statement, so one round trip and one commit: it is on the path of every
    // keystroke. Sequence numbers are drawn in VALUES order, so sorting them gives the entries' order.
    const docIds = [...new Set(entries.map((e) => e.docId))]
    const rows = await this.db
      .with('inserted', (db) => db.insertInto('doc_updates').values(entries.map((e) => ({ doc_id: e.docId, data: e.data }))).returning('seq'))
      .with('touched', (db) => db.updateTable('documents').set({ updated_at: now }).where('id', 'in', docIds).returning('id'))
      .selectFrom('inserted')
      .select('seq')
      .orderBy('seq')
      .execute()
    return rows.map((r) => Number(r.seq))
  }

  /**
   * Typing's fast path: no promise, no connection mutex. Safe exactly when no transaction is
   * open on the single SQLite connection: a Kysely query holding the mutex without one runs
   * synchronously inside better-sqlite3, so it cannot be split by this append.
   */
  appendUpdatesNow(entries: AppendEntry[]): number[] | undefined {
    const appendSqlite = this.sqliteAppender()
    if (!appendSqlite || this.sqlite!.inTransaction) return undefined
    return appendSqlite(entries, new Date().toISOString())
  }

  /** Prepared on first use, after the migrations have created the tables. */
  private sqliteAppender(): ((entries: AppendEntry[], now: string) => number[]) | undefined {
    const sqlite = this.sqlite
    if (!sqlite || this.appendSqlite) return this.appendSqlite
    const insert = sqlite.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)')
    const insertOne = (entry: AppendEntry) => Number(insert.run(entry.docId, entry.data).lastInsertRowid)
    const insertAll = sqlite.transaction((entries: AppendEntry[]) => entries.map(insertOne))
    const touch = sqlite.prepare('UPDATE documents SET updated_at = ? WHERE id = ? AND updated_at < ?')
    const touchAll = sqlite.transaction((due: ReadonlyMap<string, string>) => {
      for (const [docId, at] of due) touch.run(at, docId, at)
    })
    // Inside Kysely's connection lock: never in the middle of one of its transactions.
    const touches = new TouchQueue((due) => this.db.connection().execute(async () => touchAll(due)))
    this.touches = touches
    this.appendSqlite = (entries, now) => {
      // One statement is atomic on its own: BEGIN and COMMIT around it would cost a lone keystroke a third more.
      const seqs = entries.length === 1 ? [insertOne(entries[0]!)] : insertAll(entries)
      for (const { docId } of entries) touches.add(docId, now)
      this.checkpoints?.noteWrite()
      return seqs
    }
    return this.appendSqlite
  }

  async compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    if (this.postgres) return this.compactShared(docId, state, throughSeq)
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('doc_updates').where('doc_id', '=', docId).where('seq', '<=', throughSeq).execute()
      await trx.insertInto('doc_updates').values({ seq: throughSeq, doc_id: docId, data: state }).execute()
    })
    const sqlite = this.sqlite
    if (sqlite) await this.db.connection().execute(async () => sqlite.pragma('incremental_vacuum'))
  }

  /**
   * Compaction when several server instances append to the same log (PostgreSQL). Another
   * instance may have stored rows up to `throughSeq` that this one has not applied yet, so
   * the rows are read back inside the transaction and merged into `state` (Yjs updates are
   * idempotent) before they are replaced, and only rows read are deleted. A transaction-scoped
   * advisory lock on the document keeps two instances from compacting it at once; when
   * another holds it, this one skips (the other is doing the work).
   */
  private async compactShared(docId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${compactionLockClass}, hashtext(${docId})) as locked`.execute(trx)
      if (!rows[0]?.locked) return
      // Read and deleted in one statement: exactly the rows merged below are removed, even
      // when another instance commits a lower seq meanwhile (that row stays, unmerged).
      const logged = await trx
        .deleteFrom('doc_updates')
        .where('doc_id', '=', docId)
        .where('seq', '<=', throughSeq)
        .returning(['seq', 'data'])
        .execute()
      if (logged.length === 0) return
      logged.sort((a, b) => Number(a.seq) - Number(b.seq))
      const doc = new Y.Doc()
      try {
        Y.applyUpdate(doc, state)
        for (const row of logged) {
          try {
            Y.applyUpdate(doc, row.data)
          } catch {
            // A row that never applied is left out, as loading skips it.
          }
        }
        const lastSeq = Number(logged[logged.length - 1]!.seq)
        await trx.insertInto('doc_updates').values({ seq: lastSeq, doc_id: docId, data: Y.encodeStateAsUpdate(doc) }).execute()
      } finally {
        doc.destroy()
      }
    })
  }

  async close(): Promise<void> {
    await this.touches?.flush()
    this.checkpoints?.close()
    await this.db.destroy()
  }
}
