import { allRules, ruleById } from '@dongbi/gongwen'
import { branchCheckerBody, type BranchCheckerDto, type CheckerRuleDto } from '@dongbi/schema'
import { Hono } from 'hono'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { branchAccess } from '../../policies/branchAccess.ts'
import { findBranch } from './branches.ts'

const rules: CheckerRuleDto[] = allRules.map((rule) => ({
  id: rule.id,
  basis: rule.basis,
  clause: rule.clause ?? null,
  severity: rule.severity,
  message: rule.message,
  messageEn: rule.messageEn,
  disableable: rule.basis === 'practice',
}))

/**
 * `/api/branches/:id/checker`: which practice-only rules of the 公文 format checker the branch
 * has switched off. Members read; the branch's secretaries and admins change.
 */
export const checkerSettings = new Hono()
  .get('/:id/checker', async (c) => {
    const branch = await findBranch(c, 'view')
    const { store } = c.var.services
    const settings = await store.checkerSettings.get(branch.id)
    const canEdit = (await branchAccess(store, requireUser(c).user, branch.id)) === 'manage'
    return c.json({ branchId: branch.id, ...settings, rules, canEdit } satisfies BranchCheckerDto)
  })
  .put('/:id/checker', async (c) => {
    const branch = await findBranch(c, 'manage')
    const { disabledRules } = await parseJson(c, branchCheckerBody)
    const refused = disabledRules.filter((id) => ruleById.get(id)?.basis !== 'practice')
    if (refused.length > 0) {
      const unknown = refused.filter((id) => !ruleById.has(id))
      throw new ApiError(
        'invalid_request',
        unknown.length > 0
          ? `没有这些规则：${unknown.join('、')} (unknown rules)`
          : `只有依据实务的规则可以关闭，${refused.join('、')} 依据条例或国家标准 (only practice-based rules can be switched off)`,
      )
    }
    const { store } = c.var.services
    const { user } = requireUser(c)
    const unique = [...new Set(disabledRules)].sort()
    const settings = await store.checkerSettings.set(branch.id, unique, user.id)
    await store.audit.record({ actorId: user.id, action: 'checker_settings_changed', targetType: 'branch', targetId: branch.id, ip: c.var.clientIp, details: { disabledRules: unique } })
    return c.json({ branchId: branch.id, ...settings, rules, canEdit: true } satisfies BranchCheckerDto)
  })
