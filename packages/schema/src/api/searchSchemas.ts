import { z } from 'zod'
import { documentKind } from '../documents/documentKind.ts'
import { documentSchema } from './documentSchemas.ts'

/** Longest search query accepted, in characters. */
export const maxSearchQueryLength = 200

const id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an id')

/**
 * `GET /api/search`. Terms are separated by spaces (half- or full-width); every term must
 * match, in the title or the body. `from`/`to` bound the last edit (ISO 8601 with offset:
 * the browser sends its local day boundaries).
 */
export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, '请输入搜索内容 (empty query)')
    .max(maxSearchQueryLength, `搜索内容最长 ${maxSearchQueryLength} 字 (query too long)`)
    .refine((q) => !/[\u0000-\u001f\u007f]/.test(q), '搜索内容不能包含控制字符 (control characters)'),
  kind: documentKind.optional(),
  branchId: id.optional(),
  /** The owner: branch documents have none, so this filter leaves them out. */
  authorId: id.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** `relevance` (default) or most recently edited first. */
  sort: z.enum(['relevance', 'updated']).default('relevance'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
})
export type SearchQueryInput = z.input<typeof searchQuery>
export type SearchQuery = z.output<typeof searchQuery>

/** A piece of text with the ranges (UTF-16 offsets, end exclusive) that matched. Render as text, never HTML. */
export const highlightedTextSchema = z
  .object({
    text: z.string(),
    highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    /** Text was cut before / after this excerpt (show an ellipsis). */
    truncatedStart: z.boolean(),
    truncatedEnd: z.boolean(),
  })
  .meta({ id: 'HighlightedText' })
export type HighlightedTextDto = z.infer<typeof highlightedTextSchema>

export const searchResultSchema = z
  .object({
    document: documentSchema,
    ownerName: z.string().nullable(),
    branchName: z.string().nullable(),
    /** Ranges of the title that matched. */
    titleHighlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    /** Up to three excerpts of the body around matches; the opening of the body when only the title matched. */
    snippets: z.array(highlightedTextSchema),
    /** Higher is better; only comparable within one response. */
    score: z.number(),
  })
  .meta({ id: 'SearchResult' })
export type SearchResultDto = z.infer<typeof searchResultSchema>

export const searchResultsSchema = z
  .object({ results: z.array(searchResultSchema), total: z.number().int() })
  .meta({ id: 'SearchResults' })
export type SearchResultsDto = z.infer<typeof searchResultsSchema>
