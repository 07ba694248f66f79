import { studyTopicsBody, studyTopicsQuery, type StudyTopicsDto } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson, parseQuery } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { branchAccess } from '../../policies/branchAccess.ts'

/** The branch named by `:id` and whether the caller manages it; 404 for non-members, as for every branch route. */
async function findBranch(c: Context): Promise<{ branchId: string; manage: boolean }> {
  const { user } = requireUser(c)
  const { store } = c.var.services
  const branch = await store.branches.byId(c.req.param('id') ?? '')
  const access = branch ? await branchAccess(store, user, branch.id) : null
  if (!branch || !access) throw new ApiError('not_found', '没有这个支部 (no such branch)')
  return { branchId: branch.id, manage: access === 'manage' }
}

async function present(c: Context, branchId: string, month: string, canEdit: boolean): Promise<StudyTopicsDto> {
  const { topics, updatedAt } = await c.var.services.store.journal.topics(branchId, month)
  return { branchId, month, topics, canEdit, updatedAt }
}

/** `/api/branches/:id/study-topics?month=YYYY-MM`: the month's study topics (专题) behind the daily journal prompts. */
export const studyTopics = new Hono()
  .get('/:id/study-topics', async (c) => {
    const { branchId, manage } = await findBranch(c)
    const { month } = parseQuery(c, studyTopicsQuery)
    return c.json(await present(c, branchId, month, manage))
  })
  .put('/:id/study-topics', async (c) => {
    const { branchId, manage } = await findBranch(c)
    if (!manage) throw new ApiError('forbidden', '只有支部书记或管理员可以设置学习专题 (secretary or admin only)')
    const { month } = parseQuery(c, studyTopicsQuery)
    const { topics } = await parseJson(c, studyTopicsBody)
    const { store } = c.var.services
    const actor = c.var.principal!.user
    await store.journal.setTopics(branchId, month, topics, actor.id)
    await store.audit.record({ actorId: actor.id, action: 'study_topics_set', targetType: 'branch', targetId: branchId, ip: c.var.clientIp, details: { month, count: topics.length } })
    return c.json(await present(c, branchId, month, true))
  })
