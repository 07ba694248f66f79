import { createAssignmentBody, submitAssignmentBody, updateAssignmentBody, type AssignmentDto, type MyAssignmentDto } from '@dongbi/schema'
import { Hono, type Context } from 'hono'
import { addressedMembers, isAddressed } from '../../assignments/addressedMembers.ts'
import { notify } from '../../notifications/notify.ts'
import { checkAssignmentSetup } from '../../assignments/checkAssignmentSetup.ts'
import { loadWork } from '../../assignments/loadWork.ts'
import { parseAssignment } from '../../assignments/parseAssignment.ts'
import { startWork } from '../../assignments/startWork.ts'
import { submitWork } from '../../assignments/submitWork.ts'
import { newId } from '../../auth/secretToken.ts'
import { ApiError } from '../../http/ApiError.ts'
import { parseJson } from '../../http/parseJson.ts'
import { requireUser } from '../../http/requireUser.ts'
import { assignmentAccess, assignmentBranchAccess } from '../../policies/assignmentAccess.ts'
import { presentAssignment, presentMyAssignment } from '../../presenters/presentAssignment.ts'
import type { AssignmentRow } from '../../store/AssignmentStore.ts'
import { dashboard } from './dashboard.ts'
import { findAssignment, requireManage, type FoundAssignment } from './findAssignment.ts'

/** The assignment with the caller's own work, as `GET /:id` and the actions answer. */
async function detail(c: Context, found: FoundAssignment, status: 200 | 201 = 200) {
  const { store } = c.var.services
  const canManage = found.access === 'manage'
  const view = await loadWork(store, found.assignment, found.user.id)
  const addressed = found.access === 'addressed' || view.work !== undefined
  return c.json(
    {
      assignment: await presentAssignment(store, found.assignment, canManage),
      mine: addressed ? await presentMyAssignment(store, found.assignment, view, canManage) : null,
    },
    status,
  )
}

function assertOpen(found: FoundAssignment): void {
  if (found.assignment.row.status === 'closed') throw new ApiError('conflict', '作业已关闭 (the assignment is closed)')
}

/**
 * `/api/assignments`: 作业. Secretaries and mentors of a branch (and admins) set, edit and
 * close them; addressed members start their document from the template and submit it through
 * the review loop; setters follow progress on the dashboard.
 */
export const assignments = new Hono()
  .get('/', async (c) => {
    const { user } = requireUser(c)
    const { store } = c.var.services
    const branchIds = user.is_admin ? (await store.branches.list()).map((b) => b.id) : (await store.users.memberships(user.id)).map((m) => m.branchId)
    const assigned: MyAssignmentDto[] = []
    const managing: AssignmentDto[] = []
    for (const row of await store.assignments.inBranches(branchIds)) {
      const access = await assignmentAccess(store, user, row)
      if (!access) continue
      const assignment = parseAssignment(row)
      if (access === 'manage') managing.push(await presentAssignment(store, assignment, true))
      const view = await loadWork(store, assignment, user.id)
      if (view.work || (await isAddressed(store, assignment, user.id))) assigned.push(await presentMyAssignment(store, assignment, view, access === 'manage'))
    }
    assigned.sort((a, b) => a.assignment.deadline.localeCompare(b.assignment.deadline))
    return c.json({ assigned, managing })
  })
  .post('/', async (c) => {
    const { user } = requireUser(c)
    const { store } = c.var.services
    const body = await parseJson(c, createAssignmentBody)
    const access = await assignmentBranchAccess(store, user, body.branchId)
    if (!access) throw new ApiError('not_found', '没有这个支部 (no such branch)')
    if (access !== 'manage') throw new ApiError('forbidden', '只有支部书记和导师可以布置作业 (secretaries and mentors only)')
    await checkAssignmentSetup(store, user, body)
    const now = new Date().toISOString()
    const row: AssignmentRow = {
      id: newId(),
      branch_id: body.branchId,
      created_by: user.id,
      title: body.title,
      prompt: body.prompt,
      kind: body.kind,
      template_id: body.templateId,
      deadline: new Date(body.deadline).toISOString(),
      min_chars: body.length.min,
      max_chars: body.length.max,
      audience: JSON.stringify(body.audience),
      rubric: JSON.stringify(body.rubric),
      allocation: JSON.stringify(body.allocation),
      status: 'open',
      created_at: now,
      updated_at: now,
    }
    await store.assignments.insert(row)
    const assignment = parseAssignment(row)
    for (const member of await addressedMembers(store, row.branch_id, assignment.audience)) {
      await notify(c.var.services, { userId: member.userId, kind: 'assignment_set', documentId: null, actorId: user.id, data: { assignmentId: row.id, title: row.title, deadline: row.deadline } })
    }
    return c.json(await presentAssignment(store, assignment, true), 201)
  })
  .get('/:id', async (c) => detail(c, await findAssignment(c)))
  .patch('/:id', async (c) => {
    const found = await findAssignment(c)
    requireManage(found)
    const body = await parseJson(c, updateAssignmentBody)
    const { store } = c.var.services
    await checkAssignmentSetup(store, found.user, { branchId: found.assignment.row.branch_id, ...body, kind: body.kind ?? found.assignment.kind })
    const changes: Partial<AssignmentRow> = {}
    if (body.title !== undefined) changes.title = body.title
    if (body.prompt !== undefined) changes.prompt = body.prompt
    if (body.kind !== undefined) changes.kind = body.kind
    if (body.templateId !== undefined) changes.template_id = body.templateId
    if (body.deadline !== undefined) changes.deadline = new Date(body.deadline).toISOString()
    if (body.length !== undefined) Object.assign(changes, { min_chars: body.length.min, max_chars: body.length.max })
    if (body.audience !== undefined) changes.audience = JSON.stringify(body.audience)
    if (body.rubric !== undefined) changes.rubric = JSON.stringify(body.rubric)
    if (body.allocation !== undefined) changes.allocation = JSON.stringify(body.allocation)
    if (body.status !== undefined) changes.status = body.status
    const row = await store.assignments.update(found.assignment.row.id, changes)
    return c.json(await presentAssignment(store, parseAssignment(row!), true))
  })
  .post('/:id/start', async (c) => {
    const found = await findAssignment(c)
    const { store } = c.var.services
    const existing = await store.assignments.work(found.assignment.row.id, found.user.id)
    if (!existing) {
      if (!(await isAddressed(store, found.assignment, found.user.id))) throw new ApiError('forbidden', '这份作业不是布置给你的 (not addressed to you)')
      assertOpen(found)
    }
    const { created } = await startWork(c.var.services, found.assignment, found.user)
    return detail(c, { ...found, access: found.access === 'manage' ? 'manage' : 'addressed' }, created ? 201 : 200)
  })
  .post('/:id/submit', async (c) => {
    const found = await findAssignment(c)
    const work = await c.var.services.store.assignments.work(found.assignment.row.id, found.user.id)
    if (!work) throw new ApiError('conflict', '请先开始写作 (start the assignment first)')
    assertOpen(found)
    const { comment } = await parseJson(c, submitAssignmentBody)
    await submitWork(c.var.services, { assignment: found.assignment, work, user: found.user, comment: comment || null, ip: c.var.clientIp })
    return detail(c, found)
  })
  .route('/', dashboard)
