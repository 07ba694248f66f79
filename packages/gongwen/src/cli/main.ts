/**
 * 公文格式检查 on the command line:
 *
 *   node --import tsx packages/gongwen/src/cli/main.ts [--kind <kind>] [--json] [--disable <id,…>] <file.txt|.md|.docx>…
 *
 * Prints one line per finding (file:line:col: severity rule-id message), or JSON with
 * `--json`. Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
 */
import { documentKindInfo, documentKinds, type DocumentKind } from '@dongbi/schema'
import { runCheck } from './runCheck.ts'

const usage = `用法（usage）: check [--kind <类型>] [--json] [--disable <规则,…>] <文件.txt|.md|.docx>…
  --kind     文档类型（document kind）: ${documentKinds.map((k) => `${k}=${documentKindInfo[k].zh}`).join(', ')}
             默认根据标题中的文种判断，否则为 free（default: guessed from the title, else free）
  --json     以 JSON 输出（print JSON）
  --disable  关闭的实务规则（practice rules to switch off）, e.g. vague-date,word-qita
退出码（exit code）: 0 无错误, 1 有错误, 2 用法错误`

interface Arguments {
  files: string[]
  kind?: DocumentKind
  json: boolean
  disabledRules: string[]
}

function parseArguments(argv: string[]): Arguments | string {
  const args: Arguments = { files: [], json: false, disabledRules: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [name, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s) as [string, string | undefined]) : [arg, undefined]
    const value = () => inline ?? argv[++i]
    if (name === '--json') args.json = true
    else if (name === '--help' || name === '-h') return ''
    else if (name === '--kind') {
      const kind = value()
      if (!kind || !(documentKinds as readonly string[]).includes(kind)) return `未知的文档类型 "${kind ?? ''}"（unknown kind）`
      args.kind = kind as DocumentKind
    } else if (name === '--disable') args.disabledRules.push(...(value() ?? '').split(',').filter(Boolean))
    else if (name.startsWith('-')) return `未知选项 ${name}（unknown option）`
    else args.files.push(arg)
  }
  if (args.files.length === 0) return '请指定要检查的文件（no file given）'
  return args
}

const parsed = parseArguments(process.argv.slice(2))
if (typeof parsed === 'string') {
  if (parsed) console.error(parsed)
  console.error(usage)
  process.exit(parsed ? 2 : 0)
}
process.exit(runCheck({ ...parsed, out: (line) => console.log(line), err: (line) => console.error(line) }))
