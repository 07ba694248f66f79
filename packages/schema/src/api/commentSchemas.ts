import { z } from 'zod'

/**
 * Where a comment thread points: two Yjs relative positions, base64 of
 * `Y.encodeRelativePosition`. `start` sticks to the first commented character and `end` to
 * the last, so they follow that text through any edit, split, join, undo or redo.
 */
export const anchorSchema = z.object({
  start: z.string().regex(/^[A-Za-z0-9+/=]{2,400}$/, 'not an encoded position'),
  end: z.string().regex(/^[A-Za-z0-9+/=]{2,400}$/, 'not an encoded position'),
})
export type AnchorDto = z.infer<typeof anchorSchema>

const commentBody = z.string().trim().min(1, '评论不能为空').max(5000, '评论最长 5000 字')
const mentions = z.array(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)).max(20).default([])

export const createThreadBody = z
  .object({ anchor: anchorSchema, quote: z.string().min(1).max(2000), body: commentBody, mentions })
  .strict()
export const replyBody = z.object({ body: commentBody, mentions }).strict()
export const editCommentBody = z.object({ body: commentBody }).strict()

/**
 * An anonymous peer reviewer as someone who may not know them sees them: 同伴评审 `index`/`of`
 * (the client words it in its language; `name` carries the Chinese).
 */
export const peerAliasSchema = z.object({ index: z.number().int().min(1), of: z.number().int().min(1) })
export type PeerAliasDto = z.infer<typeof peerAliasSchema>

/**
 * The id an anonymous peer acts under where an id is stored with their words — suggestion
 * marks in the document, carets — `peer-<index>-of-<of>`, so any client can word the alias.
 */
export function peerAliasId({ index, of }: PeerAliasDto): string {
  return `peer-${index}-of-${of}`
}

/** The alias an id from {@link peerAliasId} stands for; undefined for anyone else's id. */
export function parsePeerAliasId(id: string): PeerAliasDto | undefined {
  const match = /^peer-(\d+)-of-(\d+)$/.exec(id)
  return match ? { index: Number(match[1]), of: Number(match[2]) } : undefined
}

/** Someone named on a comment; `alias` is set (and `id` is not theirs) for an anonymous peer. */
export const personSchema = z.object({ id: z.string(), name: z.string(), color: z.string(), alias: peerAliasSchema.optional() })
export type PersonDto = z.infer<typeof personSchema>

export const commentSchema = z
  .object({
    id: z.string(),
    threadId: z.string(),
    author: personSchema,
    body: z.string(),
    mentions: z.array(z.string()),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .meta({ id: 'Comment' })
export type CommentDto = z.infer<typeof commentSchema>

export const threadSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    anchor: anchorSchema,
    /** The commented text when the thread was opened; shown as 原文 when it is deleted. */
    quote: z.string(),
    status: z.enum(['open', 'resolved']),
    author: personSchema,
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: personSchema.nullable(),
    comments: z.array(commentSchema),
    /** The assignment rubric criterion this thread is tied to, if any. */
    criterionId: z.string().nullable().optional(),
  })
  .meta({ id: 'Thread' })
export type ThreadDto = z.infer<typeof threadSchema>
