import { dashboardQuery } from '@dongbi/schema'
import { Hono } from 'hono'
import { buildDashboard } from '../../assignments/buildDashboard.ts'
import { dashboardCsv } from '../../assignments/dashboardCsv.ts'
import { parseQuery } from '../../http/parseJson.ts'
import { findAssignment, requireManage } from './findAssignment.ts'

/** `GET /api/assignments/:id/dashboard[?format=csv]`: progress for the setter, the branch's secretaries and mentors. */
export const dashboard = new Hono().get('/:id/dashboard', async (c) => {
  const found = await findAssignment(c)
  requireManage(found)
  const { format } = parseQuery(c, dashboardQuery)
  const data = await buildDashboard(c.var.services, found.assignment, found.user)
  if (format === 'json') return c.json(data)
  const filename = encodeURIComponent(`${found.assignment.row.title}-进度.csv`)
  return c.body(dashboardCsv(data), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="assignment.csv"; filename*=UTF-8''${filename}`,
  })
})
