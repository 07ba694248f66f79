import type { DocumentKind } from '@dongbi/schema'
import { checkDocument } from '../checker/checkDocument.ts'
import { guessKind } from '../checker/kindNames.ts'
import { ruleById } from '../checker/rules/index.ts'
import { classifyBlocks } from '../structure/classifyBlocks.ts'
import { readDocument } from './readDocument.ts'

export interface RunCheckOptions {
  files: string[]
  kind?: DocumentKind
  json: boolean
  disabledRules: string[]
  out: (line: string) => void
  err: (line: string) => void
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Checks every file and prints the findings; returns the exit code (0, 1 on errors, 2 on unreadable files). */
export function runCheck({ files, kind, json, disabledRules, out, err }: RunCheckOptions): number {
  let errors = 0
  let warnings = 0
  let unreadable = false
  const reports: unknown[] = []
  for (const file of files) {
    let source
    try {
      source = readDocument(file)
    } catch (error) {
      err(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在（no such file）' : (error as Error).message}`)
      unreadable = true
      continue
    }
    const title = classifyBlocks(source.blocks).find((b) => b.role === 'title')
    const fileKind = kind ?? (title && guessKind(title.text)) ?? 'free'
    const findings = checkDocument(source.blocks, { kind: fileKind, disabledRules })
    const located = findings.map((finding) => ({
      ...finding,
      ...source.locate(finding.blockIndex, finding.from),
      text: source.blocks[finding.blockIndex]!.text.slice(finding.from, finding.to),
      basis: ruleById.get(finding.ruleId)?.basis,
      clause: ruleById.get(finding.ruleId)?.clause,
    }))
    const fileErrors = findings.filter((f) => f.severity === 'error').length
    errors += fileErrors
    warnings += findings.length - fileErrors
    if (json) {
      reports.push({ file, kind: fileKind, findings: located, summary: { errors: fileErrors, warnings: findings.length - fileErrors } })
      continue
    }
    for (const f of located) {
      const severity = f.severity === 'error' ? '错误 error' : '警告 warning'
      out(`${file}:${f.line}:${f.column}: ${severity} ${f.ruleId} ${f.message}${f.text ? ` 「${f.text}」` : ''}${f.fix ? ' [可修正 fixable]' : ''}`)
    }
  }
  if (json) out(JSON.stringify(files.length === 1 && reports.length === 1 ? reports[0] : reports, null, 2))
  else out(`${errors} 个错误，${warnings} 个警告（${plural(errors, 'error')}, ${plural(warnings, 'warning')}）`)
  if (unreadable) return 2
  return errors > 0 ? 1 : 0
}
