import { countCharacters, nodeToText, ydocToNode } from '@dongbi/schema'
import type { Services } from '../http/ContextVariables.ts'
import type { JournalEntryView } from '../store/JournalStore.ts'

/** The opening of a body as one line: enough for two lines of a card. */
function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 120 ? `${line.slice(0, 120)}…` : line
}

/**
 * Brings the cached 字数 and excerpt of entries up to date. The count is kept with the update-log seq it
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
      const excerpt = excerptOf(text)
      await store.journal.setCharacters(entry.documentId, characters, excerpt, entry.lastSeq)
      return { ...entry, characters, excerpt, charactersSeq: entry.lastSeq }
    }),
  )
}
