import type { Context } from 'hono'
import type { Principal } from '../auth/Principal.ts'
import { ApiError } from './ApiError.ts'

/** The signed-in principal, or a 401. */
export function requireUser(c: Context): Principal {
  const principal = c.var.principal
  if (!principal) throw new ApiError('unauthorized', '请先登录 (sign in first)')
  return principal
}

/** The signed-in org admin, or 401/403. */
export function requireAdmin(c: Context): Principal {
  const principal = requireUser(c)
  if (!principal.user.is_admin) throw new ApiError('forbidden', '需要组织管理员权限 (org admin only)')
  return principal
}
