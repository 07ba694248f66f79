import { z } from 'zod'
import { userId } from './accessSchemas.ts'
import { checkSummarySchema } from './checkerSchemas.ts'

/** Where a document is in the review loop: 草稿 → 已提交 → 已退回 → (再提交) → 已通过. */
export const reviewState = z.enum(['draft', 'submitted', 'returned', 'approved'])
export type ReviewState = z.infer<typeof reviewState>

/** What someone can do to a review; `submit` from `returned` is a resubmission. */
export const reviewAction = z.enum(['submit', 'withdraw', 'return', 'approve'])
export type ReviewAction = z.infer<typeof reviewAction>

const overallComment = z.string().trim().max(5000, '总体意见最长 5000 字')

export const submitReviewBody = z
  .object({
    /** The mentor asked to review; gets at least comment access. */
    reviewerId: userId,
    /** An optional note to the reviewer. */
    comment: overallComment.optional(),
  })
  .strict()
  .meta({ id: 'SubmitReview' })

export const returnReviewBody = z.object({ comment: overallComment.min(1, '退回时请写总体意见') }).strict().meta({ id: 'ReturnReview' })
export const approveReviewBody = z.object({ comment: overallComment.optional() }).strict().meta({ id: 'ApproveReview' })
export type SubmitReviewBody = z.input<typeof submitReviewBody>
export type ReturnReviewBody = z.input<typeof returnReviewBody>
export type ApproveReviewBody = z.input<typeof approveReviewBody>

export const reviewEventSchema = z.object({
  id: z.number().int(),
  action: reviewAction,
  from: reviewState,
  to: reviewState,
  actorId: z.string().nullable(),
  actorName: z.string(),
  reviewerId: z.string().nullable(),
  reviewerName: z.string().nullable(),
  comment: z.string().nullable(),
  /** The version frozen by a submission. */
  versionId: z.string().nullable(),
  /** 公文 format check of a submitted 公文 (errors and warnings), for the mentor; null otherwise. */
  checkSummary: checkSummarySchema.nullable(),
  at: z.iso.datetime(),
})
export type ReviewEventDto = z.infer<typeof reviewEventSchema>

export const reviewSchema = z
  .object({
    documentId: z.string(),
    state: reviewState,
    reviewerId: z.string().nullable(),
    reviewerName: z.string().nullable(),
    /** Who submitted last; returns and approvals notify them. */
    submittedBy: z.string().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    /** Oldest first. */
    history: z.array(reviewEventSchema),
  })
  .meta({ id: 'Review' })
export type ReviewDto = z.infer<typeof reviewSchema>

export const reviewQueueQuery = z.object({
  /** `reviewer`: documents submitted to me (default); `author`: documents I submitted. */
  role: z.enum(['reviewer', 'author']).default('reviewer'),
  state: reviewState.optional(),
})

export const reviewQueueItemSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  state: reviewState,
  reviewerId: z.string().nullable(),
  reviewerName: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedByName: z.string().nullable(),
  updatedAt: z.iso.datetime(),
})
export const reviewQueueSchema = z.object({ reviews: z.array(reviewQueueItemSchema) }).meta({ id: 'ReviewQueue' })
export type ReviewQueueDto = z.infer<typeof reviewQueueSchema>
