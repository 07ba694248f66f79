import { accessAtLeast } from '@dongbi/schema'
import type { JournalEntryView } from '../store/JournalStore.ts'
import type { Store } from '../store/Store.ts'
import type { UserRow } from '../store/UserStore.ts'
import { documentAccess } from './documentAccess.ts'

/**
 * What a user may do with a journal entry: its writer files it (`write`: date, tags, prompt);
 * anyone who may read its document — a mentor it was shared with — may `read` its date and
 * prompt; everyone else gets nothing, and must be told it does not exist.
 */
export async function journalAccess(store: Store, user: UserRow, entry: JournalEntryView): Promise<'write' | 'read' | null> {
  if (user.disabled_at) return null
  if (entry.userId === user.id) return 'write'
  const record = await store.getDocument(entry.documentId)
  return record && accessAtLeast(await documentAccess(store, user, record), 'view') ? 'read' : null
}
