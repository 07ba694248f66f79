import { z } from 'zod'
import { documentTitle } from './documentSchemas.ts'
import { isCalendarDate } from '../journal/journalDates.ts'

/** A local calendar date chosen by the writer, `YYYY-MM-DD`. */
export const entryDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDate, '不是有效的日期')
  .refine((date) => date >= '2000-01-01' && date <= '2100-12-31', '日期超出范围')
  .describe('A local date, YYYY-MM-DD')

/** A calendar month, `YYYY-MM`. */
export const journalMonth = z
  .string()
  .regex(/^(20\d{2}|2100)-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .describe('A month, YYYY-MM')

/** A tag: a short label without separators or control characters; stored trimmed. */
export const journalTag = z
  .string()
  .trim()
  .min(1, '标签不能为空')
  .max(20, '标签最长 20 字')
  .refine((tag) => !/[\u0000-\u001f\u007f,，;；#<>]/.test(tag), '标签不能包含逗号、分号、# 或控制字符')

/** Up to ten distinct tags (duplicates collapse). */
export const journalTags = z
  .array(journalTag)
  .max(10, '最多 10 个标签')
  .transform((tags) => [...new Set(tags)])

/** The daily prompt an entry answers, kept as text so it survives later edits of the topic list. */
export const journalPrompt = z.string().trim().min(1).max(300, '题目最长 300 字')

export const createJournalEntryBody = z
  .object({
    date: entryDate,
    /** Defaults to 「M月D日学习日志」. */
    title: documentTitle.optional(),
    prompt: journalPrompt.optional(),
    tags: journalTags.default([]),
  })
  .strict()
  .meta({ id: 'CreateJournalEntry' })
export type CreateJournalEntryBody = z.input<typeof createJournalEntryBody>

export const updateJournalEntryBody = z
  .object({ date: entryDate.optional(), tags: journalTags.optional(), prompt: journalPrompt.nullable().optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, '没有要修改的内容')
  .meta({ id: 'UpdateJournalEntry' })
export type UpdateJournalEntryBody = z.input<typeof updateJournalEntryBody>

export const journalEntrySchema = z
  .object({
    /** The entry's document id: open it at /d/:id. */
    id: z.string(),
    title: z.string(),
    date: z.string(),
    tags: z.array(z.string()),
    prompt: z.string().nullable(),
    /** 字数 of the body (countCharacters().total). */
    characters: z.number().int(),
    /** The body's opening words. */
    excerpt: z.string(),
    /** People and branches it is shared with. */
    shareCount: z.number().int(),
    /** The caller wrote it (only the writer changes date and tags). */
    mine: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'JournalEntry' })
export type JournalEntryDto = z.infer<typeof journalEntrySchema>

export const listJournalEntriesQuery = z
  .object({
    from: entryDate.optional(),
    to: entryDate.optional(),
    tag: journalTag.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from 不能晚于 to', path: ['from'] })

export const journalEntryListSchema = z.object({ entries: z.array(journalEntrySchema) }).meta({ id: 'JournalEntryList' })
export type JournalEntryListDto = z.infer<typeof journalEntryListSchema>

export const journalCalendarQuery = z.object({
  month: journalMonth,
  /** The user's local today, for the current streak; defaults to the server's UTC date. */
  today: entryDate.optional(),
})

export const journalCalendarSchema = z
  .object({
    month: z.string(),
    today: z.string(),
    /** Days of the month with at least one entry. */
    days: z.array(z.object({ date: z.string(), entries: z.number().int(), characters: z.number().int() })),
    monthEntries: z.number().int(),
    monthCharacters: z.number().int(),
    /** Consecutive days with an entry, ending today (or yesterday, while today is still open). */
    currentStreak: z.number().int(),
    longestStreak: z.number().int(),
    /** Every day ever written on. */
    totalDays: z.number().int(),
  })
  .meta({ id: 'JournalCalendar' })
export type JournalCalendarDto = z.infer<typeof journalCalendarSchema>

export const journalTodayQuery = z.object({ date: entryDate })

export const journalPromptSchema = z.object({
  /** The month's study topic (专题). */
  topic: z.string(),
  /** A guiding question (思考题), or null when the topic has none. */
  question: z.string().nullable(),
  /** The branch whose topic list it comes from; null for the built-in 学习教育月 prompts. */
  branchId: z.string().nullable(),
  branchName: z.string().nullable(),
  /** Which topic of the month's list (0-based) and how many there are. */
  index: z.number().int(),
  of: z.number().int(),
})
export type JournalPromptDto = z.infer<typeof journalPromptSchema>

export const resurfacedSchema = z.object({
  /** 一个月前的今天 or 一年前的今天. */
  ago: z.enum(['month', 'year']),
  date: z.string(),
  entries: z.array(journalEntrySchema),
})
export type ResurfacedDto = z.infer<typeof resurfacedSchema>

export const journalTodaySchema = z
  .object({
    date: z.string(),
    prompts: z.array(journalPromptSchema),
    /** Entries already written today. */
    entries: z.array(journalEntrySchema),
    /** Earlier entries from a month and a year ago; groups without entries are left out. */
    resurfaced: z.array(resurfacedSchema),
  })
  .meta({ id: 'JournalToday' })
export type JournalTodayDto = z.infer<typeof journalTodaySchema>

export const journalTagsSchema = z
  .object({ tags: z.array(z.object({ tag: z.string(), count: z.number().int() })) })
  .meta({ id: 'JournalTags' })
export type JournalTagsDto = z.infer<typeof journalTagsSchema>

export const journalMentorsSchema = z
  .object({ mentors: z.array(z.object({ id: z.string(), displayName: z.string(), username: z.string(), branchName: z.string() })) })
  .meta({ id: 'JournalMentors' })
export type JournalMentorsDto = z.infer<typeof journalMentorsSchema>

/** One study topic (专题) of a month with optional guiding questions. */
export const studyTopic = z
  .object({
    title: z.string().trim().min(1, '专题不能为空').max(60, '专题最长 60 字'),
    questions: z.array(z.string().trim().min(1, '思考题不能为空').max(200, '思考题最长 200 字')).max(5, '每个专题最多 5 个思考题').default([]),
  })
  .strict()
export type StudyTopicDto = z.output<typeof studyTopic>

export const studyTopicsQuery = z.object({ month: journalMonth })

export const studyTopicsBody = z
  .object({ topics: z.array(studyTopic).max(31, '每月最多 31 个专题') })
  .strict()
  .meta({ id: 'SetStudyTopics' })
export type StudyTopicsBody = z.input<typeof studyTopicsBody>

export const studyTopicsSchema = z
  .object({
    branchId: z.string(),
    month: z.string(),
    topics: z.array(z.object({ title: z.string(), questions: z.array(z.string()) })),
    /** Secretaries of the branch and org admins may change the list. */
    canEdit: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'StudyTopics' })
export type StudyTopicsDto = z.infer<typeof studyTopicsSchema>
