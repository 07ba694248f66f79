import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { baseExtensions } from './baseExtensions.ts'

let cached: Schema | undefined

/** The ProseMirror schema built from {@link baseExtensions}; built once, then reused. */
export function editorSchema(): Schema {
  cached ??= getSchema(baseExtensions())
  return cached
}
