import { sessionCookieName } from '../auth/sessionCookie.ts'

/** `dongbi_session=<secret>` from a response's Set-Cookie, ready for a `Cookie` header; undefined when none is set. */
export function sessionCookieOf(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';')
    if (pair?.startsWith(`${sessionCookieName}=`) && pair.length > sessionCookieName.length + 1) return pair
  }
  return undefined
}

/**
 * Signs in through `POST /api/auth/login` (no cookie, no Origin: like a first visit) and
 * returns the session cookie; throws unless the login succeeds.
 */
export async function login(baseUrl: string, username: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  })
  const cookie = sessionCookieOf(response)
  if (response.status !== 200 || !cookie) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`)
  return cookie
}
