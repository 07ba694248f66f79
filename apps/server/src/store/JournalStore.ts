import type { StudyTopicDto } from '@dongbi/schema'
import type { Kysely, Selectable } from 'kysely'
import type { Database, JournalEntriesTable } from './Database.ts'

export type JournalEntryRow = Selectable<JournalEntriesTable>

/** A journal entry as lists show it: its row, its document's title and times, tags and shares. */
export interface JournalEntryView {
  documentId: string
  userId: string
  date: string
  prompt: string | null
  characters: number
  excerpt: string
  charactersSeq: number
  /** The document's last update seq now (0 for an empty body); differs from `charactersSeq` when the count is stale. */
  lastSeq: number
  title: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  tags: string[]
  shareCount: number
}

export interface JournalFilter {
  from?: string
  to?: string
  tag?: string
  /** Exactly these dates (for resurfacing). */
  dates?: string[]
  limit?: number
}

/** Journal entries' dates, prompts, tags and cached 字数; branches' monthly study topics. */
export class JournalStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: JournalEntryRow, tags: string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('journal_entries').values(row).execute()
      if (tags.length) await trx.insertInto('journal_tags').values(tags.map((tag) => ({ document_id: row.document_id, tag }))).execute()
    })
  }

  async update(documentId: string, changes: { date?: string; prompt?: string | null; tags?: string[] }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const set: Partial<JournalEntryRow> = {}
      if (changes.date !== undefined) set.entry_date = changes.date
      if (changes.prompt !== undefined) set.prompt = changes.prompt
      if (Object.keys(set).length) await trx.updateTable('journal_entries').set(set).where('document_id', '=', documentId).execute()
      if (changes.tags) {
        await trx.deleteFrom('journal_tags').where('document_id', '=', documentId).execute()
        if (changes.tags.length) await trx.insertInto('journal_tags').values(changes.tags.map((tag) => ({ document_id: documentId, tag }))).execute()
      }
    })
  }

  async setCharacters(documentId: string, characters: number, excerpt: string, seq: number): Promise<void> {
    await this.db.updateTable('journal_entries').set({ characters, excerpt, characters_seq: seq }).where('document_id', '=', documentId).execute()
  }

  /** One entry, trashed or not. */
  async get(documentId: string): Promise<JournalEntryView | undefined> {
    const [view] = await this.select((q) => q.where('journal_entries.document_id', '=', documentId))
    return view
  }

  /** A user's live entries, newest date first (several a day: latest written first). */
  list(userId: string, filter: JournalFilter = {}): Promise<JournalEntryView[]> {
    return this.select((q) => {
      let query = q.where('journal_entries.user_id', '=', userId).where('documents.deleted_at', 'is', null)
      if (filter.from) query = query.where('journal_entries.entry_date', '>=', filter.from)
      if (filter.to) query = query.where('journal_entries.entry_date', '<=', filter.to)
      if (filter.dates) query = query.where('journal_entries.entry_date', 'in', filter.dates.length ? filter.dates : [''])
      if (filter.tag) {
        const tagged = this.db.selectFrom('journal_tags').select('document_id').where('tag', '=', filter.tag)
        query = query.where('journal_entries.document_id', 'in', tagged)
      }
      return query.limit(filter.limit ?? 1000)
    })
  }

  /** Every date a user has a live entry on, ascending. */
  async dates(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('journal_entries')
      .innerJoin('documents', 'documents.id', 'journal_entries.document_id')
      .select('journal_entries.entry_date')
      .distinct()
      .where('journal_entries.user_id', '=', userId)
      .where('documents.deleted_at', 'is', null)
      .orderBy('journal_entries.entry_date')
      .execute()
    return rows.map((row) => row.entry_date)
  }

  /** A user's tags on live entries with how often each is used, most used first. */
  async tagCounts(userId: string): Promise<{ tag: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('journal_tags')
      .innerJoin('journal_entries', 'journal_entries.document_id', 'journal_tags.document_id')
      .innerJoin('documents', 'documents.id', 'journal_tags.document_id')
      .select(['journal_tags.tag', (eb) => eb.fn.countAll<number>().as('count')])
      .where('journal_entries.user_id', '=', userId)
      .where('documents.deleted_at', 'is', null)
      .groupBy('journal_tags.tag')
      .orderBy('count', 'desc')
      .orderBy('journal_tags.tag')
      .execute()
    return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }))
  }

  private async select(
    narrow: (query: ReturnType<JournalStore['baseQuery']>) => ReturnType<JournalStore['baseQuery']>,
  ): Promise<JournalEntryView[]> {
    const rows = await narrow(this.baseQuery())
      .orderBy('journal_entries.entry_date', 'desc')
      .orderBy('journal_entries.created_at', 'desc')
      .execute()
    if (rows.length === 0) return []
    const tagRows = await this.db
      .selectFrom('journal_tags')
      .select(['document_id', 'tag'])
      .where('document_id', 'in', rows.map((row) => row.document_id))
      .orderBy('tag')
      .execute()
    const tags = new Map<string, string[]>()
    for (const { document_id, tag } of tagRows) tags.set(document_id, [...(tags.get(document_id) ?? []), tag])
    return rows.map((row) => ({
      documentId: row.document_id,
      userId: row.user_id,
      date: row.entry_date,
      prompt: row.prompt,
      characters: Number(row.characters),
      excerpt: row.excerpt,
      charactersSeq: Number(row.characters_seq),
      lastSeq: Number(row.last_seq ?? 0),
      title: row.title,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
      tags: tags.get(row.document_id) ?? [],
      shareCount: Number(row.share_count ?? 0),
    }))
  }

  private baseQuery() {
    return this.db
      .selectFrom('journal_entries')
      .innerJoin('documents', 'documents.id', 'journal_entries.document_id')
      .select([
        'journal_entries.document_id',
        'journal_entries.user_id',
        'journal_entries.entry_date',
        'journal_entries.prompt',
        'journal_entries.characters',
        'journal_entries.excerpt',
        'journal_entries.characters_seq',
        'journal_entries.created_at',
        'documents.title',
        'documents.updated_at',
        'documents.deleted_at',
        (eb) =>
          eb
            .selectFrom('doc_updates')
            .select((e) => e.fn.max('doc_updates.seq').as('m'))
            .whereRef('doc_updates.doc_id', '=', 'journal_entries.document_id')
            .as('last_seq'),
        (eb) =>
          eb
            .selectFrom('document_shares')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('document_shares.document_id', '=', 'journal_entries.document_id')
            .as('share_count'),
      ])
  }

  /** A branch's topics for a month, in order, and when the list was last set. */
  async topics(branchId: string, month: string): Promise<{ topics: StudyTopicDto[]; updatedAt: string | null }> {
    const rows = await this.db.selectFrom('study_topics').selectAll().where('branch_id', '=', branchId).where('month', '=', month).orderBy('position').execute()
    return {
      topics: rows.map((row) => ({ title: row.title, questions: JSON.parse(row.questions) as string[] })),
      updatedAt: rows[0]?.updated_at ?? null,
    }
  }

  /** Replaces a branch's topic list for a month. */
  async setTopics(branchId: string, month: string, topics: { title: string; questions: string[] }[], userId: string): Promise<void> {
    const now = new Date().toISOString()
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('study_topics').where('branch_id', '=', branchId).where('month', '=', month).execute()
      if (topics.length === 0) return
      await trx
        .insertInto('study_topics')
        .values(
          topics.map((topic, position) => ({
            branch_id: branchId,
            month,
            position,
            title: topic.title,
            questions: JSON.stringify(topic.questions),
            updated_by: userId,
            updated_at: now,
          })),
        )
        .execute()
    })
  }
}
