/**
 * True when a browser's `Origin` header names the server itself (the request's own Host),
 * or one of the configured extra origins. Used against CSRF and cross-site WebSocket hijacking.
 */
export function sameOrigin(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}
