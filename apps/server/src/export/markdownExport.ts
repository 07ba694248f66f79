import type { ExportBlock, ExportRun } from './exportBlocks.ts'

/**
 * Escapes text so Markdown shows it as written: every character with a meaning anywhere
 * (emphasis, code, links, HTML, tables, entities), and block markers at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|&{}]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/^(\s*)!/, '$1\\!')
}

function runText(run: ExportRun, atLineStart: boolean): string {
  const escaped = atLineStart ? escapeMarkdown(run.text) : escapeMarkdown(`x${run.text}`).slice(1)
  const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(escaped) ?? []
  if (!core) return escaped
  let marked = core
  if (run.strike) marked = `~~${marked}~~`
  if (run.italic) marked = `*${marked}*`
  if (run.bold) marked = `**${marked}**`
  return lead + marked + trail
}

/** A block's runs as inline Markdown; hard breaks continue on a new line behind `linePrefix`. */
function inline(runs: ExportRun[], linePrefix: string): string {
  let out = ''
  let atLineStart = true
  for (const run of runs) {
    if (run.break) {
      out += `\\\n${linePrefix}`
      atLineStart = true
      continue
    }
    out += runText(run, atLineStart)
    if (run.text) atLineStart = false
  }
  return out
}

/**
 * The document as CommonMark: the title, the editor's headings one level below it, lists,
 * quotes, emphasis and rules. 公文 heading labels (一、（一）…) stay text: they number themselves.
 */
export function markdownExport(blocks: ExportBlock[]): string {
  const lines: string[] = []
  let previousList = false
  for (const block of blocks) {
    if (block.type === 'rule') {
      lines.push('', '---')
      previousList = false
      continue
    }
    if (block.role === 'empty') continue
    const quote = '> '.repeat(block.quote)
    if (block.list) {
      const marker = block.list.ordered ? `${block.list.number}. ` : '- '
      const indent = '    '.repeat(block.list.depth)
      if (!previousList) lines.push('')
      lines.push(`${quote}${indent}${marker}${inline(block.runs, `${quote}${indent}    `)}`)
      previousList = true
      continue
    }
    previousList = false
    let prefix = ''
    if (block.role === 'title') prefix = '# '
    else if (block.type === 'heading') prefix = `${'#'.repeat(Math.min((block.level ?? 1) + 1, 6))} `
    lines.push('', `${quote}${prefix}${inline(block.runs, quote)}`)
  }
  return `${lines.join('\n').trim()}\n`
}
