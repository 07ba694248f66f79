import { getLocale } from '@dongbi/editor'
import { documentKindInfo, type DocumentKind } from '@dongbi/schema'

/** The name of a kind of writing in the UI language: 通知 / Notice. */
export function kindLabel(kind: DocumentKind): string {
  const info = documentKindInfo[kind]
  return getLocale() === 'en' ? info.en : info.zh
}
