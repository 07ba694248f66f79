import { bodyFragmentName } from '@dongbi/schema'
import * as Y from 'yjs'
import { createStore } from '../store/createStore.ts'
import type { Store } from '../store/Store.ts'

/** A fresh Y.Doc built by replaying the document's stored update log, as a restart would. */
export async function storedDoc(store: Store, documentId: string): Promise<Y.Doc> {
  const { updates } = await store.loadUpdates(documentId)
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc
}

/** What the tests compare of a document: the `t` Y.Text and the rich-text body as XML. */
export function contentOf(doc: Y.Doc): { text: string; xml: string } {
  return { text: doc.getText('t').toString(), xml: doc.getXmlFragment(bodyFragmentName).toString() }
}

/**
 * Opens the SQLite file at `databaseUrl` on its own (e.g. while a spawned server is stopped)
 * and returns the document replayed from its log, with the number of log rows.
 */
export async function storedDocAt(databaseUrl: string, documentId: string): Promise<{ doc: Y.Doc; rows: number }> {
  const store = await createStore({ databaseUrl, sqliteSynchronous: 'normal' })
  try {
    const rows = (await store.loadUpdates(documentId)).updates.length
    return { doc: await storedDoc(store, documentId), rows }
  } finally {
    await store.close()
  }
}
