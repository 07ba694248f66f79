import { birthYear, branchRole, displayName, username, type BranchRole, type RosterRowDto } from '@dongbi/schema'
import { parseCsv } from './parseCsv.ts'

/** A roster row as read from the file, before the database is consulted. */
export type RosterRow = Omit<RosterRowDto, 'status' | 'newBranch'>

const headerAliases: Record<string, keyof Omit<RosterRow, 'line' | 'errors'>> = {
  name: 'name',
  姓名: 'name',
  username: 'username',
  用户名: 'username',
  账号: 'username',
  branch: 'branch',
  支部: 'branch',
  role: 'role',
  角色: 'role',
  birth_year: 'birthYear',
  birthyear: 'birthYear',
  出生年份: 'birthYear',
  出生年: 'birthYear',
}

const roleAliases: Record<string, BranchRole> = {
  member: 'member',
  党员: 'member',
  成员: 'member',
  mentor: 'mentor',
  导师: 'mentor',
  secretary: 'secretary',
  书记: 'secretary',
  支部书记: 'secretary',
}

/**
 * Reads a member roster (name, username, branch, role, birth year; Chinese or English
 * headers, any column order) and checks every row. Nothing is written here: the caller
 * shows the rows with their errors before importing.
 */
export function parseRoster(csv: string): { rows: RosterRow[]; errors: string[] } {
  const table = parseCsv(csv)
  const header = (table[0] ?? []).map((cell) => headerAliases[cell.trim().toLowerCase()])
  const missing = (['name', 'username', 'branch'] as const).filter((column) => !header.includes(column))
  if (table.length === 0) return { rows: [], errors: ['文件是空的 (empty file)'] }
  if (missing.length > 0) return { rows: [], errors: [`缺少列：${missing.join(', ')} (missing columns)`] }
  const seen = new Map<string, number>()
  const names = new Map<string, { name: string; line: number }>()
  const rows = table.slice(1).map((cells, index) => {
    const raw: Record<string, string> = {}
    header.forEach((column, i) => {
      if (column) raw[column] = (cells[i] ?? '').trim()
    })
    const row: RosterRow = { line: index + 2, name: raw.name ?? '', username: (raw.username ?? '').toLowerCase(), branch: raw.branch ?? '', role: '', birthYear: null, errors: [] }
    const name = displayName.safeParse(row.name)
    if (!name.success) row.errors.push(name.error.issues[0]!.message)
    const login = username.safeParse(row.username)
    if (!login.success) row.errors.push(login.error.issues[0]!.message)
    if (!row.branch) row.errors.push('支部不能为空')
    const role = roleAliases[(raw.role ?? '').toLowerCase()] ?? (raw.role ? undefined : 'member')
    if (role && branchRole.safeParse(role).success) row.role = role
    else row.errors.push(`未知角色「${raw.role}」（党员/导师/支部书记）`)
    if (raw.birthYear) {
      const year = birthYear.safeParse(Number(raw.birthYear))
      if (year.success) row.birthYear = year.data
      else row.errors.push(`出生年份「${raw.birthYear}」无效`)
    }
    const named = names.get(row.username)
    if (named && named.name !== row.name) row.errors.push(`用户名 ${row.username} 在第 ${named.line} 行属于「${named.name}」`)
    else if (!named && row.username) names.set(row.username, { name: row.name, line: row.line })
    const key = `${row.username}\u0000${row.branch}`
    if (seen.has(key)) row.errors.push(`与第 ${seen.get(key)} 行重复`)
    else seen.set(key, row.line)
    return row
  })
  return { rows, errors: [] }
}
