import { z } from 'zod'
import { documentKind } from '../documents/documentKind.ts'

/** An unambiguous correction inside one block: replace [from, to) of its text with `insert`. */
export const checkFixSchema = z.object({ from: z.number().int(), to: z.number().int(), insert: z.string() })

/** One finding of the 公文 format checker; offsets are into the text of block `blockIndex`. */
export const checkFindingSchema = z
  .object({
    ruleId: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    messageEn: z.string(),
    blockIndex: z.number().int(),
    from: z.number().int(),
    to: z.number().int(),
    fix: checkFixSchema.optional(),
    /** The text the finding points at. */
    text: z.string(),
  })
  .meta({ id: 'CheckFinding' })
export type CheckFindingDto = z.infer<typeof checkFindingSchema>

/** Counts of a check: what a mentor sees on a submission. */
export const checkSummarySchema = z.object({ errors: z.number().int(), warnings: z.number().int() }).meta({ id: 'CheckSummary' })
export type CheckSummaryDto = z.infer<typeof checkSummarySchema>

export const documentCheckSchema = z
  .object({
    kind: documentKind,
    /** The branch whose settings applied (owning branch, else the author's first), if any. */
    branchId: z.string().nullable(),
    disabledRules: z.array(z.string()),
    findings: z.array(checkFindingSchema),
    summary: checkSummarySchema,
  })
  .meta({ id: 'DocumentCheck' })
export type DocumentCheckDto = z.infer<typeof documentCheckSchema>

/** A rule as the settings page lists it. */
export const checkerRuleSchema = z.object({
  id: z.string(),
  basis: z.enum(['reg', 'std', 'practice']),
  clause: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  messageEn: z.string(),
  /** Only practice rules may be switched off. */
  disableable: z.boolean(),
})
export type CheckerRuleDto = z.infer<typeof checkerRuleSchema>

const ruleId = z.string().regex(/^[a-z]+(-[a-z]+)*$/, '规则编号格式不对 (bad rule id)').max(64)

export const branchCheckerBody = z
  .object({ disabledRules: z.array(ruleId).max(200, '最多 200 条规则 (at most 200 rules)') })
  .strict()
  .meta({ id: 'BranchCheckerSettingsBody' })
export type BranchCheckerBody = z.input<typeof branchCheckerBody>

export const branchCheckerSchema = z
  .object({
    branchId: z.string(),
    disabledRules: z.array(z.string()),
    /** Every rule, for the settings page. */
    rules: z.array(checkerRuleSchema),
    /** Whether the caller may change the settings (secretary of the branch, admin). */
    canEdit: z.boolean(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'BranchCheckerSettings' })
export type BranchCheckerDto = z.infer<typeof branchCheckerSchema>
