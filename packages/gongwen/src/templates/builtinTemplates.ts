import { everydayTemplates } from './everydayTemplates.ts'
import { gongwenTemplates } from './gongwenTemplates.ts'
import type { Template } from './Template.ts'

/**
 * The built-in templates, one per kind: the 公文 types first, then everyday writing. Guidance
 * sits in the text itself between 〖〗 so the writer sees it where the words go and
 * overwrites it (as with a Word 公文 template).
 */
export const builtinTemplates: Template[] = [...gongwenTemplates, ...everydayTemplates]

/** The built-in template with this id, if any. */
export function builtinTemplate(id: string): Template | undefined {
  return builtinTemplates.find((t) => t.id === id)
}
