/** The app's pages, parsed from the URL path. */
export type Route = { page: 'documents' } | { page: 'trash' } | { page: 'editor'; id: string } | { page: 'missing' }

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'documents' }
  if (pathname === '/trash') return { page: 'trash' }
  const match = /^\/d\/([A-Za-z0-9_-]+)$/.exec(pathname)
  if (match) return { page: 'editor', id: match[1]! }
  return { page: 'missing' }
}

/** Client-side navigation: pushes the path and tells the app shell. */
export function navigate(path: string): void {
  if (location.pathname === path) return
  history.pushState(null, '', path)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** Click handler for `<a href>` inside the app: navigates without a page load. */
export function linkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
  const anchor = (event.composedPath() as Element[]).find((el) => el instanceof HTMLAnchorElement) as HTMLAnchorElement | undefined
  if (!anchor || anchor.origin !== location.origin || anchor.target) return
  event.preventDefault()
  navigate(anchor.pathname)
}
