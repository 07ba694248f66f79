import type { MiddlewareHandler } from 'hono'
import { ApiError } from './ApiError.ts'

/**
 * Someone signed in with a temporary password (set by an admin or a roster import) may only
 * use /api/auth/* — who am I, change password, sign out — until they choose their own.
 */
export function passwordChangeGate(): MiddlewareHandler {
  return async (c, next) => {
    const principal = c.var.principal
    if (principal?.via === 'session' && principal.user.must_change_password && !c.req.path.startsWith('/api/auth/')) {
      throw new ApiError('forbidden', '请先修改临时密码 (change your temporary password first)')
    }
    await next()
  }
}
