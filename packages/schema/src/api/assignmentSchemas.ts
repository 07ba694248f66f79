import { z } from 'zod'
import { documentKind } from '../documents/documentKind.ts'
import { userId } from './accessSchemas.ts'
import { peerAliasSchema } from './commentSchemas.ts'

const entityId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an id')
/** Rubric criterion and level ids are short and chosen by the client (stable across edits). */
const rubricId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a rubric id')
const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `最长 ${max} 字`)

/** A level of one criterion: 优秀 10 分, 良好 7 分… */
export const rubricLevel = z.object({ id: rubricId, label: text(40, '等级名称不能为空'), points: z.number().min(0).max(1000) }).strict()
export type RubricLevel = z.infer<typeof rubricLevel>

export const rubricCriterion = z
  .object({
    id: rubricId,
    name: text(80, '评分项名称不能为空'),
    description: z.string().trim().max(1000).default(''),
    levels: z.array(rubricLevel).min(1, '每个评分项至少一个等级').max(10),
  })
  .strict()
  .refine((c) => new Set(c.levels.map((l) => l.id)).size === c.levels.length, '等级 id 重复')
export type RubricCriterion = z.infer<typeof rubricCriterion>

export const rubricSchema = z
  .array(rubricCriterion)
  .max(20)
  .refine((r) => new Set(r.map((c) => c.id)).size === r.length, '评分项 id 重复')
export type Rubric = z.infer<typeof rubricSchema>

/**
 * Who is asked to write: every member (role `member`) of the branch, chosen people of the
 * branch, or members whose age this year is within a range (e.g. 45 and under for the 公文
 * writing test). Age is `current year − birth year`; members without a birth year are left out.
 */
export const audienceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('branch') }).strict(),
  z.object({ type: z.literal('members'), userIds: z.array(userId).min(1, '请至少选择一人').max(500) }).strict(),
  z
    .object({ type: z.literal('age'), minAge: z.number().int().min(0).max(120).optional(), maxAge: z.number().int().min(0).max(120).optional() })
    .strict()
    .refine((a) => a.minAge !== undefined || a.maxAge !== undefined, '请填写年龄范围')
    .refine((a) => a.minAge === undefined || a.maxAge === undefined || a.minAge <= a.maxAge, '年龄范围有误'),
])
export type Audience = z.infer<typeof audienceSchema>

/**
 * Who reviews each submission: one fixed mentor, the branch's mentors in turn (round-robin in
 * the order members start), or `count` other addressed members (peer review), optionally
 * anonymous — the author then sees 同伴评审 1/2 instead of names.
 */
export const allocationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mentor'), mentorId: userId }).strict(),
  z.object({ type: z.literal('round-robin') }).strict(),
  z.object({ type: z.literal('peer'), count: z.number().int().min(1).max(5), anonymous: z.boolean().default(false) }).strict(),
])
export type Allocation = z.infer<typeof allocationSchema>

const lengthRange = z
  .object({ min: z.number().int().min(0).max(100_000).nullable(), max: z.number().int().min(1).max(100_000).nullable() })
  .strict()
  .refine((r) => r.min === null || r.max === null || r.min <= r.max, '字数范围有误')

const assignmentFields = {
  title: text(200, '标题不能为空'),
  prompt: z.string().trim().max(10_000).default(''),
  kind: documentKind,
  /** A template id (built-in such as `notice`, or a branch template). */
  templateId: z.string().regex(/^[A-Za-z0-9_:-]{1,80}$/, 'not a template id').nullable().default(null),
  deadline: z.iso.datetime({ offset: true }),
  /** 字数 as counted by countCharacters().total; either end may be open. */
  length: lengthRange.default({ min: null, max: null }),
  audience: audienceSchema,
  rubric: rubricSchema.default([]),
  allocation: allocationSchema,
}

export const createAssignmentBody = z
  .object({ branchId: entityId, ...assignmentFields })
  .strict()
  .meta({ id: 'CreateAssignment' })
export type CreateAssignmentBody = z.input<typeof createAssignmentBody>

export const updateAssignmentBody = z
  .object({
    title: assignmentFields.title.optional(),
    prompt: z.string().trim().max(10_000).optional(),
    kind: documentKind.optional(),
    templateId: assignmentFields.templateId.optional(),
    deadline: assignmentFields.deadline.optional(),
    length: lengthRange.optional(),
    audience: audienceSchema.optional(),
    rubric: rubricSchema.optional(),
    allocation: allocationSchema.optional(),
    /** Closing stops new starts and submissions; reopening allows them again. */
    status: z.enum(['open', 'closed']).optional(),
  })
  .strict()
  .meta({ id: 'UpdateAssignment' })
export type UpdateAssignmentBody = z.input<typeof updateAssignmentBody>

/** Where one member is with an assignment. `late` is a submission after the deadline not yet reviewed. */
export const workStatus = z.enum(['not_started', 'drafting', 'submitted', 'late', 'reviewed'])
export type WorkStatus = z.infer<typeof workStatus>

export const assignmentSchema = z
  .object({
    id: z.string(),
    branchId: z.string(),
    branchName: z.string(),
    createdBy: z.string(),
    createdByName: z.string(),
    title: z.string(),
    prompt: z.string(),
    kind: documentKind,
    templateId: z.string().nullable(),
    deadline: z.string(),
    length: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
    audience: audienceSchema,
    rubric: rubricSchema,
    allocation: allocationSchema,
    status: z.enum(['open', 'closed']),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Highest possible total: the best level of every criterion. */
    maxPoints: z.number(),
    /** The caller may edit, close and see the dashboard. */
    canManage: z.boolean(),
  })
  .meta({ id: 'Assignment' })
export type AssignmentDto = z.infer<typeof assignmentSchema>

/** One assignment as an addressed member sees it in 我的作业. */
export const myAssignmentSchema = z.object({
  assignment: assignmentSchema,
  status: workStatus,
  late: z.boolean(),
  documentId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** The average total of the finished score sheets, when reviewed. */
  total: z.number().nullable(),
})
export type MyAssignmentDto = z.infer<typeof myAssignmentSchema>

export const assignmentListSchema = z
  .object({
    /** Addressed to me, soonest deadline first. */
    assigned: z.array(myAssignmentSchema),
    /** Assignments of branches where I set or manage them, newest first. */
    managing: z.array(assignmentSchema),
  })
  .meta({ id: 'AssignmentList' })
export type AssignmentListDto = z.infer<typeof assignmentListSchema>

export const assignmentDetailSchema = z
  .object({ assignment: assignmentSchema, mine: myAssignmentSchema.nullable() })
  .meta({ id: 'AssignmentDetail' })
export type AssignmentDetailDto = z.infer<typeof assignmentDetailSchema>

export const submitAssignmentBody = z
  .object({ comment: z.string().trim().max(5000).optional() })
  .strict()
  .meta({ id: 'SubmitAssignment' })

/** One reviewer's choice for one criterion. */
export const scoreInput = z.object({ criterionId: rubricId, levelId: rubricId, note: z.string().trim().max(2000).default('') }).strict()
export const scoreBody = z
  .object({ scores: z.array(scoreInput).max(20) })
  .strict()
  .refine((b) => new Set(b.scores.map((s) => s.criterionId)).size === b.scores.length, '同一评分项只能打一次分')
  .meta({ id: 'ScoreWork' })
export type ScoreBody = z.input<typeof scoreBody>

export const threadCriterionBody = z.object({ criterionId: rubricId.nullable() }).strict().meta({ id: 'ThreadCriterion' })

export const tiedCommentSchema = z.object({
  threadId: z.string(),
  quote: z.string(),
  status: z.enum(['open', 'resolved']),
  comments: z.array(z.object({ authorName: z.string(), authorAlias: peerAliasSchema.optional(), body: z.string(), createdAt: z.string() })),
})

/** One reviewer's sheet. Anonymous peers are named 同伴评审 k/N for the author. */
export const scoreSheetSchema = z.object({
  reviewerId: z.string().nullable(),
  reviewerName: z.string(),
  /** Set (and `reviewerName` is 同伴评审 k/N) when the caller may not know this peer. */
  reviewerAlias: peerAliasSchema.optional(),
  /** Every criterion has a level. */
  complete: z.boolean(),
  total: z.number(),
  scores: z.array(z.object({ criterionId: z.string(), levelId: z.string(), label: z.string(), points: z.number(), note: z.string() })),
})
export type ScoreSheetDto = z.infer<typeof scoreSheetSchema>

/** The assignment as seen from one of its documents: the editor's side panel. */
export const workContextSchema = z
  .object({
    assignment: assignmentSchema,
    documentId: z.string(),
    authorName: z.string(),
    role: z.enum(['author', 'reviewer', 'manager', 'reader']),
    status: workStatus,
    /** The document's place in the review loop (draft, submitted, returned, approved). */
    reviewState: z.enum(['draft', 'submitted', 'returned', 'approved']),
    late: z.boolean(),
    submittedAt: z.string().nullable(),
    characters: z.number(),
    /** `short`/`long` against the length range: shown as a warning, never blocks. */
    lengthCheck: z.enum(['ok', 'short', 'long']),
    /** The reviewers, named as the caller may see them. */
    reviewers: z.array(z.object({ id: z.string().nullable(), name: z.string(), alias: peerAliasSchema.optional() })),
    /** Sheets the caller may see: the author sees finished ones; a reviewer their own; a manager all. */
    sheets: z.array(scoreSheetSchema),
    /** Average of the finished sheets' totals. */
    total: z.number().nullable(),
    /** Comment threads tied to criteria, by criterion id. */
    tied: z.record(z.string(), z.array(tiedCommentSchema)),
    /** The caller is an allocated reviewer and may score. */
    canScore: z.boolean(),
  })
  .meta({ id: 'WorkContext' })
export type WorkContextDto = z.infer<typeof workContextSchema>

export const dashboardRowSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  status: workStatus,
  late: z.boolean(),
  /** Only when the caller may open the document. */
  documentId: z.string().nullable(),
  characters: z.number().nullable(),
  submittedAt: z.string().nullable(),
  reviewers: z.array(z.string()),
  total: z.number().nullable(),
  /** criterion id → points (average over finished sheets). */
  points: z.record(z.string(), z.number()),
})
export type DashboardRowDto = z.infer<typeof dashboardRowSchema>

export const assignmentDashboardSchema = z
  .object({
    assignment: assignmentSchema,
    rows: z.array(dashboardRowSchema),
    counts: z.record(workStatus, z.number()),
    /** Per criterion, how many finished sheets chose each level. */
    distribution: z.array(z.object({ criterionId: z.string(), name: z.string(), levels: z.array(z.object({ levelId: z.string(), label: z.string(), points: z.number(), count: z.number() })) })),
  })
  .meta({ id: 'AssignmentDashboard' })
export type AssignmentDashboardDto = z.infer<typeof assignmentDashboardSchema>

export const dashboardQuery = z.object({ format: z.enum(['json', 'csv']).default('json') })
