import type { ReviewDto } from '@dongbi/schema'
import type { Store } from '../store/Store.ts'

/** A document's review state with its whole history, people named. */
export async function presentReview(store: Store, documentId: string): Promise<ReviewDto> {
  const [row, events] = await Promise.all([store.reviews.get(documentId), store.reviews.history(documentId)])
  const ids = new Set<string>()
  for (const id of [row?.reviewer_id, ...events.flatMap((e) => [e.actor_id, e.reviewer_id])]) if (id) ids.add(id)
  const names = new Map<string, string>()
  await Promise.all([...ids].map(async (id) => names.set(id, (await store.users.byId(id))?.display_name ?? '')))
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : null)
  return {
    documentId,
    state: row?.state ?? 'draft',
    reviewerId: row?.reviewer_id ?? null,
    reviewerName: nameOf(row?.reviewer_id ?? null),
    submittedBy: row?.submitted_by ?? null,
    updatedAt: row?.updated_at ?? null,
    history: events.map((e) => ({
      id: Number(e.id),
      action: e.action,
      from: e.from_state,
      to: e.to_state,
      actorId: e.actor_id,
      actorName: nameOf(e.actor_id) ?? '',
      reviewerId: e.reviewer_id,
      reviewerName: nameOf(e.reviewer_id),
      comment: e.comment,
      versionId: e.version_id,
      checkSummary: e.check_summary ? (JSON.parse(e.check_summary) as ReviewDto['history'][number]['checkSummary']) : null,
      at: e.at,
    })),
  }
}
