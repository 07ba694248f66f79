/** Name of the session cookie. HttpOnly, SameSite=Lax, Secure over HTTPS. */
export const sessionCookieName = 'dongbi_session'
