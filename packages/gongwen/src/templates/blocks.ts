import type { TextAlignment } from '@dongbi/schema'

/** Small builders for template bodies in the editor schema's ProseMirror JSON. */

function text(value: string): Record<string, unknown>[] {
  return value ? [{ type: 'text', text: value }] : []
}

/** A paragraph; `align` centres titles or right-aligns 署名 and 成文日期. */
export function paragraph(value: string, align: TextAlignment | null = null): Record<string, unknown> {
  return { type: 'paragraph', attrs: { textAlign: align }, content: text(value) }
}

export function heading(level: 1 | 2 | 3 | 4, value: string, align: TextAlignment | null = null): Record<string, unknown> {
  return { type: 'heading', attrs: { level, textAlign: align }, content: text(value) }
}
