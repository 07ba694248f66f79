import { z } from 'zod'
import { diffOpSchema } from './diffSchemas.ts'

/** Why a version exists: named by someone, frozen by a submission, an idle checkpoint, or kept before a restore. */
export const versionKind = z.enum(['named', 'submission', 'checkpoint', 'before_restore'])
export type VersionKind = z.infer<typeof versionKind>

export const versionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a version id')

const versionName = z
  .string()
  .trim()
  .max(100, '版本名最长 100 字')
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), '版本名不能包含控制字符')

export const versionSchema = z
  .object({
    id: versionId,
    documentId: z.string(),
    /** 1, 2, 3… per document, in order of creation. */
    number: z.number().int(),
    kind: versionKind,
    name: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    characters: z.number().int(),
  })
  .meta({ id: 'Version' })
export type VersionDto = z.infer<typeof versionSchema>

export const versionListSchema = z.object({ versions: z.array(versionSchema) }).meta({ id: 'VersionList' })

export const createVersionBody = z.object({ name: versionName.pipe(z.string().min(1, '版本名不能为空')) }).strict().meta({ id: 'CreateVersion' })
/** An empty name clears it. */
export const renameVersionBody = z.object({ name: versionName }).strict().meta({ id: 'RenameVersion' })
export type CreateVersionBody = z.input<typeof createVersionBody>
export type RenameVersionBody = z.input<typeof renameVersionBody>

export const versionContentSchema = z
  .object({
    version: versionSchema,
    format: z.enum(['json', 'text', 'html']),
    content: z.union([z.string(), z.record(z.string(), z.unknown())]),
  })
  .meta({ id: 'VersionContent' })
export type VersionContentDto = z.infer<typeof versionContentSchema>

export const restoreResultSchema = z
  .object({
    restored: versionSchema,
    /** The content just before the restore, kept as a version; null when nothing changed. */
    backup: versionSchema.nullable(),
  })
  .meta({ id: 'RestoreResult' })
export type RestoreResultDto = z.infer<typeof restoreResultSchema>

/** `current` is the live document. */
export const diffSide = z.union([z.literal('current'), versionId])
export const diffQuery = z.object({ from: diffSide, to: diffSide.default('current') })

export const documentDiffSchema = z
  .object({
    from: z.union([z.literal('current'), versionSchema]),
    to: z.union([z.literal('current'), versionSchema]),
    /** A character diff of the plain texts (blocks separated by a blank line), after `cleanupSemantic`. */
    ops: z.array(diffOpSchema),
    inserted: z.number().int(),
    deleted: z.number().int(),
  })
  .meta({ id: 'DocumentDiff' })
export type DocumentDiffDto = z.infer<typeof documentDiffSchema>
