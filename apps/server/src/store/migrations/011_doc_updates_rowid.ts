import { sql, type Kysely, type Migration } from 'kysely'
import { dialectOf } from '../dialectOf.ts'

/**
 * SQLite: `doc_updates.seq` becomes a plain rowid, without `AUTOINCREMENT`. AUTOINCREMENT
 * keeps its counter in `sqlite_sequence`, one more page written to the log by every
 * keystroke's commit (a third more bytes). The plain rowid is the largest seq plus one, which
 * keeps every document's log in order: compaction keeps a log's last seq, and only a purged
 * document's seqs can be handed out again. PostgreSQL's bigserial has no such cost.
 *
 * A table rebuild in one transaction (Kysely runs SQLite migrations outside one); skipped
 * when the table has no AUTOINCREMENT, so a rerun after a crash before Kysely noted it is safe.
 */
export const docUpdatesRowid: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'sqlite') return
    await db.transaction().execute(async (trx) => {
      const table = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates'`.execute(trx)
      if (!/autoincrement/i.test(table.rows[0]?.sql ?? '')) return
      await sql`CREATE TABLE doc_updates_next (
        seq INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        data BLOB NOT NULL
      )`.execute(trx)
      await sql`INSERT INTO doc_updates_next (seq, doc_id, data) SELECT seq, doc_id, data FROM doc_updates ORDER BY seq`.execute(trx)
      // Nothing references doc_updates, so dropping it cascades nothing; its index goes with it.
      await sql`DROP TABLE doc_updates`.execute(trx)
      await sql`ALTER TABLE doc_updates_next RENAME TO doc_updates`.execute(trx)
      await sql`CREATE INDEX doc_updates_doc_seq ON doc_updates (doc_id, seq)`.execute(trx)
    })
  },
}
