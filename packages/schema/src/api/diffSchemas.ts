import { z } from 'zod'

/** One run of a text diff (see `diffText`). */
export const diffOpSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }).meta({ id: 'DiffOp' })
