import { createThreadBody, editCommentBody, replyBody, type CollabEvent } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { newId } from '../../auth/secretToken.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { actorFor } from '../../notifications/actorFor.ts'
import { notify } from '../../notifications/notify.ts'
import { anonymousPeers } from '../../policies/peerAnonymity.ts'
import { canResolveThread } from '../../policies/commentAccess.ts'
import { documentAccess } from '../../policies/documentAccess.ts'
import { broadcastThread, presentThreadsFor } from '../../comments/publishThread.ts'
import type { ThreadRow } from '../../store/CommentStore.ts'
import { findDocument, type FoundDocument as Found } from '../documents/findDocument.ts'

async function findThread(c: Context, found: Found): Promise<ThreadRow> {
  const thread = await c.var.services.store.comments.thread(c.req.param('threadId') ?? '')
  if (!thread || thread.document_id !== found.record.id) throw new ApiError('not_found', '没有这个评论 (no such thread)')
  return thread
}

/** Everyone mentioned must be able to read the document; otherwise the mention would leak it. */
async function checkMentions(c: Context, found: Found, mentions: string[]): Promise<void> {
  const { store } = c.var.services
  for (const id of new Set(mentions)) {
    const user = await store.users.byId(id)
    if (!user || !(await documentAccess(store, user, found.record))) {
      throw new ApiError('invalid_request', '只能提及能阅读本文档的人 (mentioned user cannot read this document)')
    }
  }
}

/**
 * Tells the people a comment concerns: those it @mentions (`mention`), and, for a reply,
 * everyone else who wrote in the thread (`reply`). Nobody is told twice or about their own words.
 */
async function notifyAbout(c: Context, found: Found, threadId: string, body: string, mentions: string[], isReply: boolean): Promise<void> {
  const { store } = c.var.services
  const actorId = c.var.principal!.user.id
  const data = { threadId, excerpt: body.slice(0, 120) }
  const peers = await anonymousPeers(store, found.record.id)
  const tell = async (userId: string, kind: 'mention' | 'reply') => {
    const actor = await actorFor(store, peers, userId, actorId)
    await notify(c.var.services, { userId, kind, documentId: found.record.id, actorId: actor.actorId, data: { ...data, ...actor.data } })
  }
  const told = new Set<string>([actorId])
  for (const userId of new Set(mentions)) {
    told.add(userId)
    await tell(userId, 'mention')
  }
  if (!isReply) return
  for (const comment of await store.comments.comments([threadId])) {
    if (told.has(comment.author_id)) continue
    told.add(comment.author_id)
    await tell(comment.author_id, 'reply')
  }
}

/** Answers with the thread as it now is, and tells everyone on the document (each as they may see it). */
async function publish(c: Context, documentId: string, threadId: string, status: 200 | 201 = 200) {
  const { store, collab } = c.var.services
  const row = await store.comments.thread(threadId)
  if (!row) {
    collab.broadcastEvent(documentId, { type: 'thread.deleted', threadId } satisfies CollabEvent)
    return c.body(null, 204)
  }
  await broadcastThread(c.var.services, row)
  const [thread] = await presentThreadsFor(store, c.var.principal!.user, documentId, [row])
  return c.json(thread!, status)
}

async function setStatus(c: Context, status: 'open' | 'resolved') {
  const found = await findDocument(c, 'comment')
  const thread = await findThread(c, found)
  const user = c.var.principal!.user
  if (!(await canResolveThread(c.var.services.store, user, found.record, found.access, thread))) {
    throw new ApiError('forbidden', '只有作者、评论人或导师可以解决或重新打开评论 (not allowed)')
  }
  await c.var.services.store.comments.setStatus(thread.id, status, user.id)
  return publish(c, found.record.id, thread.id)
}

/**
 * `/api/documents/:id/threads` and `/api/documents/:id/comments`: inline comment threads.
 * Anyone with 可评论 or more may comment; only authors edit or delete their comments.
 */
export const threads = new Hono()
  .get('/threads', async (c) => {
    const found = await findDocument(c, 'view')
    const { store } = c.var.services
    return c.json({ threads: await presentThreadsFor(store, c.var.principal!.user, found.record.id, await store.comments.threads(found.record.id)) })
  })
  .post('/threads', async (c) => {
    const found = await findDocument(c, 'comment')
    const body = await parseJson(c, createThreadBody)
    await checkMentions(c, found, body.mentions)
    const user = c.var.principal!.user
    const now = new Date().toISOString()
    const threadId = newId()
    await c.var.services.store.comments.insertThread(
      {
        id: threadId,
        document_id: found.record.id,
        author_id: user.id,
        anchor_start: body.anchor.start,
        anchor_end: body.anchor.end,
        quote: body.quote,
        status: 'open',
        resolved_by: null,
        resolved_at: null,
        created_at: now,
      },
      { id: newId(), thread_id: threadId, author_id: user.id, body: body.body, mentions: JSON.stringify(body.mentions), created_at: now, edited_at: null },
    )
    await notifyAbout(c, found, threadId, body.body, body.mentions, false)
    return publish(c, found.record.id, threadId, 201)
  })
  .post('/threads/:threadId/comments', async (c) => {
    const found = await findDocument(c, 'comment')
    const thread = await findThread(c, found)
    const body = await parseJson(c, replyBody)
    await checkMentions(c, found, body.mentions)
    await c.var.services.store.comments.insertComment({
      id: newId(),
      thread_id: thread.id,
      author_id: c.var.principal!.user.id,
      body: body.body,
      mentions: JSON.stringify(body.mentions),
      created_at: new Date().toISOString(),
      edited_at: null,
    })
    await notifyAbout(c, found, thread.id, body.body, body.mentions, true)
    return publish(c, found.record.id, thread.id, 201)
  })
  .post('/threads/:threadId/resolve', (c) => setStatus(c, 'resolved'))
  .post('/threads/:threadId/reopen', (c) => setStatus(c, 'open'))
  .patch('/comments/:commentId', async (c) => {
    const found = await findDocument(c, 'comment')
    const { store } = c.var.services
    const comment = await store.comments.comment(c.req.param('commentId'))
    const thread = comment && (await store.comments.thread(comment.thread_id))
    if (!comment || thread?.document_id !== found.record.id) throw new ApiError('not_found', '没有这条评论 (no such comment)')
    if (comment.author_id !== c.var.principal!.user.id) throw new ApiError('forbidden', '只能修改自己的评论 (not your comment)')
    const { body } = await parseJson(c, editCommentBody)
    await store.comments.editComment(comment.id, body)
    return publish(c, found.record.id, comment.thread_id)
  })
  .delete('/comments/:commentId', async (c) => {
    const found = await findDocument(c, 'comment')
    const { store } = c.var.services
    const comment = await store.comments.comment(c.req.param('commentId'))
    const thread = comment && (await store.comments.thread(comment.thread_id))
    if (!comment || thread?.document_id !== found.record.id) throw new ApiError('not_found', '没有这条评论 (no such comment)')
    if (comment.author_id !== c.var.principal!.user.id) throw new ApiError('forbidden', '只能删除自己的评论 (not your comment)')
    await store.comments.deleteComment(comment)
    await publish(c, found.record.id, comment.thread_id)
    return c.body(null, 204)
  })
