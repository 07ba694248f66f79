import { describe, expect, it } from 'vitest'
import { parseCsv } from './parseCsv.ts'
import { parseRoster } from './parseRoster.ts'

describe('parseCsv', () => {
  it('reads quotes, embedded commas and newlines, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,c","d ""e"""\r\n"多\n行",x,\r\n\r\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['多\n行', 'x', ''],
    ])
  })
})

describe('parseRoster', () => {
  it('accepts Chinese headers in any order and role names in Chinese', () => {
    const { rows, errors } = parseRoster('用户名,姓名,支部,角色,出生年份\nwangfang,王芳,第一支部,导师,1985\nliqiang,李强,第一支部,,1990')
    expect(errors).toEqual([])
    expect(rows).toEqual([
      { line: 2, name: '王芳', username: 'wangfang', branch: '第一支部', role: 'mentor', birthYear: 1985, errors: [] },
      { line: 3, name: '李强', username: 'liqiang', branch: '第一支部', role: 'member', birthYear: 1990, errors: [] },
    ])
  })

  it('lists every bad row with its reasons', () => {
    const { rows } = parseRoster('name,username,branch,role,birth_year\n,x,一支部,member,1890\nok,Bad Name!,一支部,boss,\nok,ok1,一支部,member,\nok,ok1,一支部,member,')
    expect(rows.map((r) => [r.line, r.errors.length])).toEqual([
      [2, 3],
      [3, 2],
      [4, 0],
      [5, 1],
    ])
    expect(rows[3]!.errors[0]).toContain('第 4 行')
  })

  it('refuses one username under two names', () => {
    const { rows } = parseRoster('姓名,用户名,支部\n张三,zhangsan,一支部\n李四,zhangsan,二支部\n张三,zhangsan,三支部')
    expect(rows.map((r) => r.errors.length)).toEqual([0, 1, 0])
    expect(rows[1]!.errors[0]).toContain('第 2 行属于「张三」')
  })

  it('refuses a file without the needed columns', () => {
    expect(parseRoster('foo,bar\n1,2').errors[0]).toContain('缺少列')
  })
})
