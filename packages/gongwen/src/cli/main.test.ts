import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../../..')
const fixtures = path.join(import.meta.dirname, 'fixtures')

function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'packages/gongwen/src/cli/main.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

/** A minimal Word document: the paragraphs, optionally centred or right-aligned. */
function docx(paragraphs: { text: string; jc?: string }[]): Uint8Array {
  const body = paragraphs
    .map(({ text, jc }) => `<w:p>${jc ? `<w:pPr><w:jc w:val="${jc}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`)
    .join('')
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(document),
  })
}

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('check CLI', { timeout: 60_000 }, () => {
  it('prints file:line:col, severity, rule and message for a .txt and exits 1 on errors', async () => {
    const file = path.join(fixtures, 'notice-with-errors.txt')
    const { code, stdout } = await check(file)
    expect(code).toBe(1)
    expect(stdout).toContain(`${file}:1:4: 错误 error docnumber-brackets 发文字号的年份应使用六角括号“〔〕” 「[2024]」`)
    expect(stdout).toContain(`${file}:3:4: 错误 error addressee-colon`)
    expect(stdout).toContain(`${file}:4:1: 错误 error heading-label 层次序数“一.”应写作“一、”`)
    expect(stdout).toContain(`${file}:5:1: 警告 warning word-qita`)
    expect(stdout).toContain(`${file}:8:1: 错误 error date-format`)
    expect(stdout.trim().split('\n').at(-1)).toBe('5 个错误，1 个警告（5 errors, 1 warning）')
  })

  it('prints JSON with --json, guessing the kind from the title', async () => {
    const { code, stdout } = await check('--json', path.join(fixtures, 'notice-with-errors.txt'))
    expect(code).toBe(1)
    const report = JSON.parse(stdout)
    expect(report.kind).toBe('notice')
    expect(report.summary).toEqual({ errors: 5, warnings: 1 })
    expect(report.findings[0]).toMatchObject({ ruleId: 'docnumber-brackets', severity: 'error', line: 1, column: 4, text: '[2024]', basis: 'std', clause: 'GB/T 9704-2012 7.2.5', fix: { insert: '〔2024〕' } })
  })

  it('reads Markdown, pointing past the # syntax, and exits 0 when there are only warnings', async () => {
    const file = path.join(fixtures, 'notice.md')
    const { code, stdout } = await check(file)
    expect(code).toBe(0)
    expect(stdout).toContain(`${file}:13:10: 警告 warning word-qita`)
    expect(stdout).toContain('0 个错误，1 个警告')
  })

  it('reads a .docx (paragraphs, alignment) and honours --kind', async () => {
    const file = path.join(dir, 'request.docx')
    fs.writeFileSync(
      file,
      docx([
        { text: 'X支发[2024]3号', jc: 'center' },
        { text: '关于申请学习经费的请示', jc: 'center' },
        { text: '市委:' },
        { text: '为开展学习教育月活动，现申请经费2万元。' },
        { text: '特此报告。' },
        { text: 'X支部', jc: 'right' },
        { text: '二〇二四年三月五日', jc: 'right' },
      ]),
    )
    const { code, stdout } = await check('--json', '--kind', 'request', file)
    expect(code).toBe(1)
    const report = JSON.parse(stdout)
    expect(report.kind).toBe('request')
    expect(report.findings.map((f: { ruleId: string; line: number }) => `${f.line}:${f.ruleId}`)).toEqual([
      '1:signer-missing',
      '1:docnumber-brackets',
      '3:addressee-colon',
      '5:request-closing',
      '5:closing-mismatch',
      '7:date-format',
    ])
  })

  it('finds no errors in the sample speech checked as a 讲话稿', async () => {
    const { code, stdout } = await check('--kind=speech', path.join(root, 'tests/fixtures/seed-speech-zh.txt'))
    expect(code).toBe(0)
    expect(stdout).toContain('0 个错误')
  })

  it('exits 2 on usage errors and unreadable files', async () => {
    expect((await check()).code).toBe(2)
    const badKind = await check('--kind', 'poem', path.join(fixtures, 'notice.md'))
    expect(badKind.code).toBe(2)
    expect(badKind.stderr).toContain('未知的文档类型')
    expect((await check('--frobnicate', path.join(fixtures, 'notice.md'))).code).toBe(2)
    const missing = await check(path.join(dir, 'missing.txt'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('文件不存在')
    fs.writeFileSync(path.join(dir, 'broken.docx'), 'not a zip')
    expect((await check(path.join(dir, 'broken.docx'))).stderr).toContain('.docx')
    fs.writeFileSync(path.join(dir, 'x.pdf'), '')
    expect((await check(path.join(dir, 'x.pdf'))).code).toBe(2)
  })
})
