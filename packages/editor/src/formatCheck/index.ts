export { FormatCheck, formatCheckKey, type FormatCheckOptions, type FormatCheckSettings } from './FormatCheck.ts'
export type { EditorFinding, FormatCheckDetail } from './EditorFinding.ts'
