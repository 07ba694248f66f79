import { acceptInvitationBody } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { createUser } from '../../auth/createUser.ts'
import { hashSecret } from '../../auth/secretToken.ts'
import { startSession } from '../../auth/startSession.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { presentUser } from '../../presenters/presentUser.ts'
import type { InvitationRow } from '../../store/BranchStore.ts'

async function validInvitation(c: Context): Promise<InvitationRow> {
  const invitation = await c.var.services.store.branches.invitationByHash(hashSecret(c.req.param('token') ?? ''))
  if (!invitation || invitation.revoked_at || invitation.expires_at <= new Date().toISOString() || invitation.uses >= invitation.max_uses) {
    throw new ApiError('not_found', '邀请链接无效或已过期 (invitation invalid or expired)')
  }
  return invitation
}

/** `/api/invitations/:token`: what an invitation offers, and joining through it. */
export const invitations = new Hono()
  .get('/:token', async (c) => {
    const invitation = await validInvitation(c)
    const branch = await c.var.services.store.branches.byId(invitation.branch_id)
    return c.json({ branchName: branch?.name ?? '', role: invitation.role, expiresAt: invitation.expires_at })
  })
  .post('/:token/accept', async (c) => {
    const invitation = await validInvitation(c)
    const body = await parseJson(c, acceptInvitationBody)
    const { store } = c.var.services
    if (await store.users.byUsername(body.username)) throw new ApiError('conflict', `用户名 ${body.username} 已被使用 (username taken)`)
    // The check above is not enough when two people accept the last use at once: claim it atomically.
    if (!(await store.branches.claimInvitation(invitation.id, new Date().toISOString()))) {
      throw new ApiError('not_found', '邀请链接无效或已过期 (invitation invalid or expired)')
    }
    let user
    try {
      user = await createUser(store, { ...body, membership: { branchId: invitation.branch_id, role: invitation.role } })
    } catch (error) {
      await store.branches.releaseInvitation(invitation.id)
      throw error
    }
    await store.audit.record({ actorId: user.id, action: 'invitation_accepted', targetType: 'branch', targetId: invitation.branch_id, ip: c.var.clientIp, details: { role: invitation.role } })
    await startSession(c, user)
    return c.json(presentUser(user, await store.users.memberships(user.id)), 201)
  })
