import type { CollabExtension } from '../collaboration/CollabExtension.ts'
import type { Store } from '../store/Store.ts'
import { snapshotBody } from './snapshotBody.ts'

export interface CheckpointOptions {
  store: Store
  /** While a document is being edited, keep a checkpoint at most this often. */
  everyMs: number
}

/**
 * Idle checkpoints: a `checkpoint` version when an edited document leaves memory (its
 * editors left, or the server stops), and during long sessions at most every `everyMs`
 * (the clock starts at the first edit after loading). Nothing is kept when the content
 * equals the latest version, so reading a document never adds one.
 */
export function checkpointVersions({ store, everyMs }: CheckpointOptions): CollabExtension {
  /** Per loaded document that was edited: when its clock started or it was last checkpointed. */
  const editedSince = new Map<string, number>()

  async function checkpoint(documentId: string, snapshot: ReturnType<typeof snapshotBody>): Promise<void> {
    await store.versions.createCheckpoint({ documentId, content: snapshot.json, characters: snapshot.characters })
  }

  return {
    async onChange(documentId, readDoc) {
      const now = Date.now()
      const since = editedSince.get(documentId)
      if (since === undefined || now - since < everyMs) {
        if (since === undefined) editedSince.set(documentId, now)
        return
      }
      editedSince.set(documentId, now)
      await checkpoint(documentId, snapshotBody(readDoc()))
    },
    async beforeUnload(documentId, doc) {
      if (!editedSince.delete(documentId)) return
      const snapshot = snapshotBody(doc)
      const record = await store.getDocument(documentId)
      if (!record || record.deletedAt) return
      await checkpoint(documentId, snapshot)
    },
  }
}
