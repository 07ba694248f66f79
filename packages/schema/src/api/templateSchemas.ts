import { z } from 'zod'
import { documentKind } from '../documents/documentKind.ts'
import { documentId } from './documentSchemas.ts'

/** Where a template shows in the picker: 公文, 常用文书 (everyday writing), or 本支部模板. */
export const templateGroup = z.enum(['gongwen', 'everyday', 'branch'])
export type TemplateGroup = z.infer<typeof templateGroup>

export const templateSchema = z
  .object({
    /** A built-in id such as `notice`, or `branch:<id>`; pass it as `templateId` to POST /api/documents. */
    id: z.string(),
    kind: documentKind,
    name: z.string(),
    description: z.string(),
    /** Title of documents started from it. */
    title: z.string(),
    group: templateGroup,
    /** For branch templates: whose they are. */
    branchId: z.string().nullable(),
    branchName: z.string().nullable(),
    createdAt: z.string().nullable(),
  })
  .meta({ id: 'Template' })
export type TemplateDto = z.infer<typeof templateSchema>

export const templateListSchema = z.object({ templates: z.array(templateSchema) }).meta({ id: 'TemplateList' })
export type TemplateListDto = z.infer<typeof templateListSchema>

export const createBranchTemplateBody = z
  .object({
    name: z.string().trim().min(1, '模板名称不能为空').max(40, '模板名称最长 40 字'),
    kind: documentKind,
    description: z.string().trim().max(120, '说明最长 120 字').default(''),
    /** The document whose body becomes the template (a snapshot, without pending suggestions). */
    documentId,
  })
  .strict()
  .meta({ id: 'CreateBranchTemplate' })
export type CreateBranchTemplateBody = z.input<typeof createBranchTemplateBody>

/** Branch templates' ids carry this prefix, so they never clash with the built-in ones. */
export const branchTemplatePrefix = 'branch:'
