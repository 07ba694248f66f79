import { randomBytes } from 'node:crypto'

/** A 16-character url-safe random id (96 bits): unguessable and short enough for URLs. */
export function newDocumentId(): string {
  return randomBytes(12).toString('base64url')
}
