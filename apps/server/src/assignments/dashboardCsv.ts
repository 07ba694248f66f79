import type { AssignmentDashboardDto, WorkStatus } from '@dongbi/schema'
import { toCsv } from './toCsv.ts'

const statusNames: Record<WorkStatus, string> = { not_started: '未开始', drafting: '写作中', submitted: '已提交', late: '逾期提交', reviewed: '已评阅' }

/** The dashboard as a spreadsheet: one row per member, one column per criterion. */
export function dashboardCsv({ assignment, rows }: AssignmentDashboardDto): string {
  const header = ['用户名', '姓名', '状态', '逾期', '字数', '提交时间', '审阅人', ...assignment.rubric.map((c) => c.name), `总分（满分 ${assignment.maxPoints}）`]
  return toCsv([
    header,
    ...rows.map((r) => [
      r.username,
      r.displayName,
      statusNames[r.status],
      r.late ? '是' : '',
      r.characters,
      r.submittedAt,
      r.reviewers.join('、'),
      ...assignment.rubric.map((c) => r.points[c.id] ?? null),
      r.total,
    ]),
  ])
}
