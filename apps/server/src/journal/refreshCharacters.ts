import { countCharacters, nodeToText, ydocToNode } from '@dongbi/schema'
import type { Services } from '../http/ContextVariables.ts'
import type { JournalEntryView } from '../store/JournalStore.ts'

/**
 * Brings the cached 字数 of entries up to date. The count is kept with the update-log seq it
 * was taken at, so only entries edited since the last look are read and counted again: a
 * calendar of a year of entries costs one indexed query plus the few that changed. The seq is
 * read before the body, so a count is never marked newer than what it counted.
 */
export async function refreshCharacters({ store, collab }: Pick<Services, 'store' | 'collab'>, entries: JournalEntryView[]): Promise<JournalEntryView[]> {
  return Promise.all(
    entries.map(async (entry) => {
      if (entry.charactersSeq === entry.lastSeq) return entry
      const text = nodeToText(ydocToNode(await collab.readDocument(entry.documentId)))
      const characters = countCharacters(text).total
      await store.journal.setCharacters(entry.documentId, characters, entry.lastSeq)
      return { ...entry, characters, charactersSeq: entry.lastSeq }
    }),
  )
}
