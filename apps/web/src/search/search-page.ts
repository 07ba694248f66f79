import { LocaleController, getLocale } from '@dongbi/editor'
import { documentKindInfo, documentKinds, type DocumentKind, type SearchQueryInput, type SearchResultDto } from '@dongbi/schema'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { api } from '../api/apiClient.ts'
import { formatTime } from '../formatTime.ts'
import { tr } from '../messages.ts'
import { navigate } from '../router.ts'
import { session } from '../session.ts'
import { dayBound } from './dayBounds.ts'
import { highlightedText } from './highlightedText.ts'

/** The filters kept in the URL besides `q`; dates are `<input type=date>` values (local days). */
const filterKeys = ['kind', 'branchId', 'authorId', 'from', 'to', 'sort'] as const
type FilterKey = (typeof filterKeys)[number]

const pageSize = 20

function kindLabel(kind: DocumentKind): string {
  return getLocale() === 'en' ? documentKindInfo[kind].en : documentKindInfo[kind].zh
}

/**
 * The results page at `/search?q=…`: highlighted titles and excerpts, each with its type,
 * owner or branch and last edit; filters by type, branch, author and date range; sort by
 * relevance or recency; "load more" paging. State lives in the URL so back/forward and
 * shared links work.
 */
@customElement('dongbi-search-page')
export class DongbiSearchPage extends LitElement {
  /** `location.search` of the page, e.g. `?q=党建&kind=reflection`. */
  @property() query = ''
  @state() private results: SearchResultDto[] | undefined
  @state() private total = 0
  @state() private loading = false
  @state() private error = ''
  @state() private branches: { id: string; name: string }[] = []
  /** Authors seen in results, so a chosen one stays in the menu when the results change. */
  @state() private authors = new Map<string, string>()
  private requestSeq = 0
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void api
      .branches()
      .then(({ branches }) => (this.branches = branches.map((b) => ({ id: b.id, name: b.name }))))
      .catch(() => {})
  }

  private get params(): URLSearchParams {
    return new URLSearchParams(this.query)
  }

  private get q(): string {
    return this.params.get('q')?.trim() ?? ''
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) {
      this.results = undefined
      this.total = 0
      if (this.q) void this.load(0)
    }
  }

  private apiQuery(offset: number): SearchQueryInput {
    const p = this.params
    const kind = p.get('kind')
    return {
      q: this.q,
      kind: kind && (documentKinds as readonly string[]).includes(kind) ? (kind as DocumentKind) : undefined,
      branchId: p.get('branchId') || undefined,
      authorId: p.get('authorId') || undefined,
      from: dayBound(p.get('from') ?? '', 'start'),
      to: dayBound(p.get('to') ?? '', 'end'),
      sort: p.get('sort') === 'updated' ? 'updated' : 'relevance',
      limit: pageSize,
      offset,
    }
  }

  private async load(offset: number): Promise<void> {
    const seq = ++this.requestSeq
    this.loading = true
    this.error = ''
    try {
      const page = await api.search(this.apiQuery(offset))
      if (seq !== this.requestSeq) return
      this.results = offset === 0 ? page.results : [...(this.results ?? []), ...page.results]
      this.total = page.total
      const authors = new Map(this.authors)
      for (const r of page.results) if (r.document.ownerId && r.ownerName) authors.set(r.document.ownerId, r.ownerName)
      this.authors = authors
    } catch (error) {
      if (seq === this.requestSeq) this.error = error instanceof Error ? error.message : String(error)
    } finally {
      if (seq === this.requestSeq) this.loading = false
    }
  }

  private setFilter(key: FilterKey, value: string): void {
    const params = this.params
    if (value) params.set(key, value)
    else params.delete(key)
    navigate(`/search?${params}`)
  }

  private clearFilters(): void {
    navigate(`/search?${new URLSearchParams({ q: this.q })}`)
  }

  private get filtered(): boolean {
    return filterKeys.some((key) => key !== 'sort' && this.params.get(key))
  }

  private renderFilters() {
    const p = this.params
    const me = session.user
    const authors = [...this.authors].filter(([id]) => id !== me?.id)
    const select = (key: FilterKey, label: string, options: [string, string][]) =>
      html`<label class="search-filter"
        ><span>${label}</span>
        <select name=${key} @change=${(e: Event) => this.setFilter(key, (e.target as HTMLSelectElement).value)}>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${(p.get(key) ?? '') === value}>${text}</option>`)}
        </select></label
      >`
    const date = (key: 'from' | 'to', label: string) =>
      html`<label class="search-filter"
        ><span>${label}</span>
        <input type="date" name=${key} .value=${p.get(key) ?? ''} @change=${(e: Event) => this.setFilter(key, (e.target as HTMLInputElement).value)}
      /></label>`
    return html`<div class="search-filters" role="group" aria-label=${tr('search.title')}>
      ${select('kind', tr('search.filter.kind'), [['', tr('search.filter.anyKind')], ...documentKinds.map((k): [string, string] => [k, kindLabel(k)])])}
      ${this.branches.length
        ? select('branchId', tr('search.filter.branch'), [['', tr('search.filter.anyBranch')], ...this.branches.map((b): [string, string] => [b.id, b.name])])
        : nothing}
      ${select('authorId', tr('search.filter.author'), [
        ['', tr('search.filter.anyAuthor')],
        ...(me ? [[me.id, tr('search.filter.me')] as [string, string]] : []),
        ...authors,
      ])}
      ${date('from', tr('search.filter.from'))} ${date('to', tr('search.filter.to'))}
      ${select('sort', tr('search.filter.sort'), [
        ['', tr('search.sort.relevance')],
        ['updated', tr('search.sort.updated')],
      ])}
      ${this.filtered ? html`<button type="button" class="link-button" @click=${this.clearFilters}>${tr('search.clearFilters')}</button>` : nothing}
    </div>`
  }

  private renderResult(result: SearchResultDto) {
    const { document } = result
    const where = document.branchId ? (result.branchName ?? tr('search.branchDoc')) : (result.ownerName ?? '')
    return html`<li class="search-result" data-id=${document.id}>
      <div class="search-result-head">
        <a class="search-result-title" href="/d/${document.id}">${highlightedText(document.title, result.titleHighlights)}</a>
        <span class="chip kind-chip">${kindLabel(document.kind)}</span>
      </div>
      ${result.snippets.map(
        (s) =>
          html`<p class="search-snippet">${s.truncatedStart ? '…' : ''}${highlightedText(s.text, s.highlights)}${s.truncatedEnd ? '…' : ''}</p>`,
      )}
      <div class="search-result-meta">
        ${document.branchId ? html`<span class="chip branch-chip">${where}</span>` : html`<span class="search-author">${where}</span>`}
        <span>${tr('search.updated', { when: formatTime(document.updatedAt) })}</span>
      </div>
    </li>`
  }

  private renderBody() {
    if (!this.q) {
      return html`<div class="empty search-empty">
        <p class="search-empty-title">${tr('search.emptyTitle')}</p>
        <p>${tr('search.emptyHint')}</p>
      </div>`
    }
    if (this.error) return html`<p class="error-box" role="alert">${this.error}</p>`
    if (!this.results) return html`<p class="empty" aria-busy="true">${tr('search.loading')}</p>`
    if (this.results.length === 0) {
      return html`<div class="empty search-empty">
        <p class="search-empty-title">${tr('search.noResults', { q: this.q })}</p>
        <p>${tr('search.noResultsHint')}</p>
        ${this.filtered ? html`<button type="button" @click=${this.clearFilters}>${tr('search.clearFilters')}</button>` : nothing}
      </div>`
    }
    return html`<ol class="search-results">
        ${this.results.map((r) => this.renderResult(r))}
      </ol>
      ${this.results.length < this.total
        ? html`<div class="search-more">
            <button type="button" ?disabled=${this.loading} @click=${() => this.load(this.results!.length)}>
              ${this.loading ? tr('search.loading') : tr('search.more')}
            </button>
          </div>`
        : nothing}`
  }

  protected override render() {
    return html`<main class="list-page search-page">
      <div class="search-heading">
        <h1>${this.q ? tr('search.resultsFor', { q: this.q }) : tr('search.title')}</h1>
        ${this.q && this.results ? html`<span class="search-total">${this.total === 1 ? tr('search.totalOne') : tr('search.total', { n: this.total })}</span>` : nothing}
      </div>
      ${this.q ? this.renderFilters() : nothing} ${this.renderBody()}
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-search-page': DongbiSearchPage
  }
}
