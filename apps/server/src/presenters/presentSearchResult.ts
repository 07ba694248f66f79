import type { DocumentAccess, SearchResultDto } from '@dongbi/schema'
import { buildSnippets } from '../search/buildSnippets.ts'
import { findMatches } from '../search/findMatches.ts'
import type { SearchHit } from '../search/SearchIndex.ts'
import { presentDocument } from './presentDocument.ts'

/** A search hit as the API shows it: the document, who and where, and text excerpts with highlight ranges (never HTML). */
export function presentSearchResult(hit: SearchHit, access: DocumentAccess, terms: readonly string[]): SearchResultDto {
  return {
    document: presentDocument(hit.record, access),
    ownerName: hit.ownerName,
    branchName: hit.branchName,
    titleHighlights: findMatches(hit.record.title, terms),
    snippets: buildSnippets(hit.body, terms),
    score: hit.score,
  }
}
