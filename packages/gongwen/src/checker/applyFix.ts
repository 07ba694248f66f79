import type { Fix } from './Rule.ts'

/** The block text with `fix` applied. */
export function applyFix(text: string, fix: Fix): string {
  return text.slice(0, fix.from) + fix.insert + text.slice(fix.to)
}
