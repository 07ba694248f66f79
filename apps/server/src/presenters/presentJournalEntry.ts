import type { JournalEntryDto } from '@dongbi/schema'
import type { JournalEntryView } from '../store/JournalStore.ts'

/** What the API shows of a journal entry to `viewerId`. */
export function presentJournalEntry(entry: JournalEntryView, viewerId: string): JournalEntryDto {
  const mine = entry.userId === viewerId
  return {
    id: entry.documentId,
    title: entry.title,
    date: entry.date,
    // Tags are the writer's own filing; a mentor reading a shared entry does not see them.
    tags: mine ? entry.tags : [],
    prompt: entry.prompt,
    characters: entry.characters,
    excerpt: entry.excerpt,
    shareCount: mine ? entry.shareCount : 0,
    mine,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  }
}
