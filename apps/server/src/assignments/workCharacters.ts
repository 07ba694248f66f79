import type { Services } from '../http/ContextVariables.ts'
import { snapshotBody } from '../versions/snapshotBody.ts'

/** 字数 of a document's live body, as the editor's counter shows it. */
export async function workCharacters({ collab }: Pick<Services, 'collab'>, documentId: string): Promise<number> {
  return snapshotBody(await collab.readDocument(documentId)).characters
}

/** Where a count sits in an assignment's length range: shown as a warning, never enforced. */
export function lengthCheck(characters: number, range: { min: number | null; max: number | null }): 'ok' | 'short' | 'long' {
  if (range.min !== null && characters < range.min) return 'short'
  if (range.max !== null && characters > range.max) return 'long'
  return 'ok'
}
