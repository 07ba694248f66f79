export { SuggestionMode, suggestionModeKey, type SuggestionModeStorage } from './SuggestionMode.ts'
export { suggestChanges, type Suggester, type SuggestChangesOptions } from './suggestChanges.ts'
