import { ApiError } from '../http/ApiError.ts'
import type { SearchIndex, SearchPage } from './SearchIndex.ts'

/**
 * The index on a database that has none yet (PostgreSQL until its pg_trgm index is built):
 * the server runs, indexing is skipped, and a search answers 503 saying so — never an
 * empty result that would pass for "nothing found".
 */
export class UnavailableSearchIndex implements SearchIndex {
  async setBody(): Promise<void> {}

  async stale(): Promise<string[]> {
    return []
  }

  async search(): Promise<SearchPage> {
    throw new ApiError('unavailable', '此数据库暂不支持全文搜索 (search is not available on this database yet)')
  }
}
