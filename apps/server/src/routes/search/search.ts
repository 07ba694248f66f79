import { searchQuery, type SearchResultsDto } from '@dongbi/schema'
import { Hono } from 'hono'
import { parseQuery } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { documentAccess } from '../../policies/documentAccess.ts'
import { presentSearchResult } from '../../presenters/presentSearchResult.ts'
import { searchTerms } from '../../search/searchTerms.ts'

/**
 * `GET /api/search`: full-text search over titles and bodies of the live documents the
 * caller may read. The index filters by readability in SQL; each hit is asked of the policy
 * again (for its `access`), and one the policy refuses is dropped, never shown.
 */
export const search = new Hono().get('/', async (c) => {
  const { user } = requireUser(c)
  const query = parseQuery(c, searchQuery)
  const { store, search: index } = c.var.services
  const page = await index.search(user, query)
  const terms = searchTerms(query.q)
  const results = []
  for (const hit of page.hits) {
    const access = await documentAccess(store, user, hit.record)
    if (access) results.push(presentSearchResult(hit, access, terms))
  }
  return c.json({ results, total: page.total } satisfies SearchResultsDto)
})
