import { sql, type Kysely, type Migration } from 'kysely'
import { dialectOf } from '../dialectOf.ts'

/**
 * The SQLite full-text index (see `search/SqliteSearchIndex.ts`): `search_entries` maps each
 * document to a row of the FTS5 table `search_fts` (trigram tokenizer, so Chinese matches
 * any substring of three or more characters) and records when its body was last indexed.
 * Triggers keep titles and purges in step inside the same transaction as the change; bodies
 * come from the collaboration server. PostgreSQL gets its own pg_trgm index, so nothing here.
 */
export const search: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'sqlite') return
    await sql`CREATE TABLE search_entries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      doc_id TEXT NOT NULL UNIQUE,
      indexed_at TEXT
    )`.execute(db)
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'trigram')`.execute(db)
    await sql`INSERT INTO search_entries (doc_id) SELECT id FROM documents ORDER BY created_at`.execute(db)
    await sql`INSERT INTO search_fts (rowid, title, body)
      SELECT e.id, d.title, '' FROM search_entries e JOIN documents d ON d.id = e.doc_id`.execute(db)
    await sql`CREATE TRIGGER search_document_created AFTER INSERT ON documents BEGIN
      INSERT INTO search_entries (doc_id) VALUES (new.id);
      INSERT INTO search_fts (rowid, title, body) VALUES ((SELECT id FROM search_entries WHERE doc_id = new.id), new.title, '');
    END`.execute(db)
    await sql`CREATE TRIGGER search_document_renamed AFTER UPDATE OF title ON documents WHEN new.title IS NOT old.title BEGIN
      UPDATE search_fts SET title = new.title WHERE rowid = (SELECT id FROM search_entries WHERE doc_id = new.id);
    END`.execute(db)
    await sql`CREATE TRIGGER search_document_purged AFTER DELETE ON documents BEGIN
      DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_entries WHERE doc_id = old.id);
      DELETE FROM search_entries WHERE doc_id = old.id;
    END`.execute(db)
  },
}
