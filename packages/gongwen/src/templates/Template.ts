import type { DocumentKind } from '@dongbi/schema'

/** ProseMirror JSON of a document body in the editor schema. */
export interface BodyJson {
  type: 'doc'
  content: Record<string, unknown>[]
}

/**
 * A starting structure for a piece of writing. Built-in templates have the kind's id
 * (`notice`); a branch's own templates are stored by the server with ids `branch:<id>`.
 */
export interface Template {
  id: string
  kind: DocumentKind
  /** Chinese name shown in the picker, e.g. 通知. */
  name: string
  /** One line on when to use it. */
  description: string
  /** Suggested document title, e.g. 关于××××的通知. */
  title: string
  body: BodyJson
}

/**
 * Stands for the 成文日期 in a template body; {@link fillTemplateBody} writes the day the
 * document is started in its place, in the form GB/T 9704 wants (2024年3月5日).
 */
export const datePlaceholder = '〖成文日期〗'
