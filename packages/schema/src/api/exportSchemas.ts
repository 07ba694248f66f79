import { z } from 'zod'

/** What `GET /api/documents/:id/export` produces: Word (GB/T 9704 layout for 公文), Markdown, or the print view. */
export const exportFormat = z.enum(['docx', 'md', 'html'])
export type ExportFormat = z.infer<typeof exportFormat>

export const exportQuery = z.object({
  format: exportFormat.default('docx'),
  /** `1`: the print view as a download instead of shown in the browser. */
  download: z.enum(['0', '1']).optional(),
})
