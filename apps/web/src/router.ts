/** The app's pages, parsed from the URL path. */
export type Route =
  | { page: 'documents'; scope: 'mine' | 'shared' | 'branch' | 'trash' }
  | { page: 'editor'; id: string }
  | { page: 'login' }
  | { page: 'invite'; token: string }
  | { page: 'account' }
  | { page: 'branches'; id?: string }
  | { page: 'admin'; tab: 'users' | 'audit' }
  | { page: 'assignments' }
  | { page: 'assignment-form'; id?: string }
  | { page: 'assignment-dashboard'; id: string }
  /** Its query (`?q=…&kind=…`) is read from `location.search` by the page. */
  | { page: 'search' }
  | { page: 'journal' }
  | { page: 'missing' }

const documentScopes = { '/': 'mine', '/shared': 'shared', '/branch-docs': 'branch', '/trash': 'trash' } as const

export function parseRoute(pathname: string): Route {
  if (pathname in documentScopes) return { page: 'documents', scope: documentScopes[pathname as keyof typeof documentScopes] }
  if (pathname === '/login') return { page: 'login' }
  if (pathname === '/account') return { page: 'account' }
  if (pathname === '/search') return { page: 'search' }
  if (pathname === '/journal') return { page: 'journal' }
  if (pathname === '/branches') return { page: 'branches' }
  if (pathname === '/admin') return { page: 'admin', tab: 'users' }
  if (pathname === '/admin/audit') return { page: 'admin', tab: 'audit' }
  if (pathname === '/assignments') return { page: 'assignments' }
  if (pathname === '/assignments/new') return { page: 'assignment-form' }
  let match = /^\/d\/([A-Za-z0-9_-]+)$/.exec(pathname)
  if (match) return { page: 'editor', id: match[1]! }
  match = /^\/branches\/([A-Za-z0-9_-]+)$/.exec(pathname)
  if (match) return { page: 'branches', id: match[1]! }
  match = /^\/assignments\/([A-Za-z0-9_-]+)(\/edit)?$/.exec(pathname)
  if (match) return match[2] ? { page: 'assignment-form', id: match[1]! } : { page: 'assignment-dashboard', id: match[1]! }
  match = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(pathname)
  if (match) return { page: 'invite', token: match[1]! }
  return { page: 'missing' }
}

/** The path of the documents list for a scope. */
export function scopePath(scope: 'mine' | 'shared' | 'branch' | 'trash'): string {
  return Object.entries(documentScopes).find(([, s]) => s === scope)![0]
}

/** Client-side navigation: pushes the path and tells the app shell. */
export function navigate(path: string, { replace = false } = {}): void {
  if (location.pathname + location.search === path) return
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** Click handler for `<a href>` inside the app: navigates without a page load. */
export function linkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
  const anchor = (event.composedPath() as Element[]).find((el) => el instanceof HTMLAnchorElement) as HTMLAnchorElement | undefined
  if (!anchor || anchor.origin !== location.origin || anchor.target || anchor.hasAttribute('download')) return
  event.preventDefault()
  navigate(anchor.pathname + anchor.search)
}
