import { documentKindInfo, withoutSuggestions, type DocumentKind, type ExportFormat, type ydocToNode } from '@dongbi/schema'
import { gongwenDocx } from './docx/gongwenDocx.ts'
import { plainDocx } from './docx/plainDocx.ts'
import { exportBlocks, type JsonNode } from './exportBlocks.ts'
import { exportFileName } from './contentDisposition.ts'
import { markdownExport } from './markdownExport.ts'
import { printHtml } from './printHtml.ts'

/** A document body as ProseMirror node (the server does not depend on @tiptap/pm itself). */
type BodyNode = ReturnType<typeof ydocToNode>

export interface ExportedFile {
  body: Uint8Array | string
  contentType: string
  fileName: string
}

/**
 * A document in one export format. The author's text only: pending suggestions are left
 * out. 公文 kinds get the GB/T 9704 layout; everything else a plain one.
 */
export function exportDocument(options: { node: BodyNode; title: string; kind: DocumentKind; format: ExportFormat; author?: string; updatedAt: string }): ExportedFile {
  const { title, format } = options
  const gongwen = documentKindInfo[options.kind].gongwen
  const blocks = exportBlocks(withoutSuggestions(options.node).toJSON() as JsonNode, title)
  switch (format) {
    case 'docx': {
      const meta = { title, created: new Date(options.updatedAt), ...(options.author ? { author: options.author } : {}) }
      return {
        body: gongwen ? gongwenDocx(blocks, meta) : plainDocx(blocks, meta),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName: exportFileName(title, 'docx'),
      }
    }
    case 'md':
      return { body: markdownExport(blocks), contentType: 'text/markdown; charset=utf-8', fileName: exportFileName(title, 'md') }
    case 'html':
      return { body: printHtml(blocks, { title, gongwen }), contentType: 'text/html; charset=utf-8', fileName: exportFileName(title, 'html') }
  }
}
