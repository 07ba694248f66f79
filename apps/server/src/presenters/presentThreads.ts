import type { PersonDto, ThreadDto } from '@dongbi/schema'
import type { CommentRow, ThreadRow } from '../store/CommentStore.ts'
import type { PeerAlias } from '../policies/peerAnonymity.ts'
import type { Store } from '../store/Store.ts'

/**
 * Threads with their comments and the names of everyone involved, in two queries plus lookups.
 * People in `aliases` (anonymous peers the viewer may not know, see `peerAliases`) appear by
 * their alias only: no name, id or colour of theirs leaves the server.
 */
export async function presentThreads(store: Store, threads: ThreadRow[], { aliases = new Map() }: { aliases?: Map<string, PeerAlias> } = {}): Promise<ThreadDto[]> {
  const comments = await store.comments.comments(threads.map((t) => t.id))
  const people = new Map<string, PersonDto>()
  const person = async (id: string): Promise<PersonDto> => {
    let found = people.get(id)
    const alias = aliases.get(id)
    if (!found && alias) {
      found = { id: alias.id, name: alias.name, color: alias.color, alias: { index: alias.index, of: alias.of } }
      people.set(id, found)
    } else if (!found) {
      const user = await store.users.byId(id)
      found = { id, name: user?.display_name ?? '已删除的用户', color: user?.color ?? '#6e7781' }
      people.set(id, found)
    }
    return found
  }
  const byThread = new Map<string, CommentRow[]>()
  for (const comment of comments) byThread.set(comment.thread_id, [...(byThread.get(comment.thread_id) ?? []), comment])
  return Promise.all(
    threads.map(async (t) => ({
      id: t.id,
      documentId: t.document_id,
      anchor: { start: t.anchor_start, end: t.anchor_end },
      quote: t.quote,
      status: t.status,
      author: await person(t.author_id),
      createdAt: t.created_at,
      resolvedAt: t.resolved_at,
      resolvedBy: t.resolved_by ? await person(t.resolved_by) : null,
      criterionId: t.criterion_id ?? null,
      comments: await Promise.all(
        (byThread.get(t.id) ?? []).map(async (c) => ({
          id: c.id,
          threadId: c.thread_id,
          author: await person(c.author_id),
          body: c.body,
          mentions: JSON.parse(c.mentions) as string[],
          createdAt: c.created_at,
          editedAt: c.edited_at,
        })),
      ),
    })),
  )
}
