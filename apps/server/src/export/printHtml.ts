import type { ExportBlock, ExportRun } from './exportBlocks.ts'
import { cssFamily, exportFonts } from './exportFonts.ts'
import { xmlText } from './xmlText.ts'

function inlineHtml(runs: ExportRun[]): string {
  return runs
    .map((run) => {
      if (run.break) return '<br>'
      let html = xmlText(run.text)
      if (run.strike) html = `<s>${html}</s>`
      if (run.underline) html = `<u>${html}</u>`
      if (run.italic) html = `<em>${html}</em>`
      if (run.bold) html = `<strong>${html}</strong>`
      return html
    })
    .join('')
}

const issuanceSplit = /^(.*?\S)[\s\u3000]+(\S*\d{4}\s*年.*印发)$/

function blockHtml(block: ExportBlock, next: ExportBlock | undefined, gongwen: boolean, banji: { first: boolean; last: boolean }): string {
  if (block.type === 'rule') return '<hr>'
  const classes: string[] = [block.role]
  const align = block.align && block.align !== 'left' ? ` style="text-align: ${block.align}"` : ''
  let content = inlineHtml(block.runs)
  if (block.role === 'empty') return '<p class="empty"><br></p>'
  if (block.role === 'title') {
    if (next && next.role !== 'empty' && next.role !== 'title') classes.push('space-after')
    return `<h1 class="${classes.join(' ')}">${content}</h1>`
  }
  if (block.role === 'heading') {
    const level = gongwen ? (block.label?.level ?? Math.min(block.level ?? 1, 4)) : block.type === 'heading' ? Math.min(block.level ?? 1, 4) : (block.label?.level ?? 1)
    return `<h${level + 1} class="level-${level}"${align}>${content}</h${level + 1}>`
  }
  if (block.role === 'attendance') {
    const match = /^(\S{2}\s*[:：])(.*)$/s.exec(block.text)
    if (match) content = `<span class="label">${xmlText(match[1]!)}</span>${xmlText(match[2]!)}`
  }
  if (block.role === 'attachment' && !/^附\s*件/.test(block.text)) classes.push('attachment-item')
  if (block.role === 'cc' || block.role === 'issuance') {
    classes.push('banji')
    if (banji.first) classes.push('banji-first')
    if (banji.last) classes.push('banji-last')
    const split = block.role === 'issuance' ? issuanceSplit.exec(block.text) : null
    if (split) content = `<span>${xmlText(split[1]!)}</span><span>${xmlText(split[2]!)}</span>`
  }
  if (block.list) {
    classes.push('li')
    const marker = block.list.ordered ? `${block.list.number}.` : '•'
    content = `<span class="marker">${marker}</span>${content}`
    return `<p class="${classes.join(' ')}" style="margin-left: ${2 + block.list.depth * 2}em${block.align && block.align !== 'left' ? `; text-align: ${block.align}` : ''}">${content}</p>`
  }
  if (block.quote > 0) return `<blockquote><p class="${classes.join(' ')}"${align}>${content}</p></blockquote>`
  return `<p class="${classes.join(' ')}"${align}>${content}</p>`
}

function css(gongwen: boolean): string {
  const f = exportFonts
  const fallbackFaces = `
@font-face { font-family: "Dongbi Title"; src: local("方正小标宋简体"), local("FZXiaoBiaoSong-B05S"), local("FZXBSJW--GB1-0"); }
@font-face { font-family: "Dongbi Title Fallback"; src: local("Noto Serif CJK SC Bold"), local("NotoSerifCJKsc-Bold"), local("Source Han Serif SC Bold"), local("SourceHanSerifSC-Bold"), local("STZhongsong"); }
@font-face { font-family: "Dongbi Hei"; src: local("黑体"), local("SimHei"), local("Noto Sans CJK SC Medium"), local("NotoSansCJKsc-Medium"), local("Source Han Sans SC Medium"); }`
  const shared = `
html { background: #e9e7e2; color: #1b1b1b; }
body { margin: 0; }
.sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto 24px; box-sizing: border-box; box-shadow: 0 1px 4px rgba(0,0,0,.18); }
.hint { font: 13px/1.5 system-ui, sans-serif; color: #555; text-align: center; padding: 12px; }
p, h1, h2, h3, h4, h5 { margin: 0; font-weight: normal; overflow-wrap: anywhere; }
p.empty { min-height: 1lh; }
.li .marker { display: inline-block; min-width: 2em; margin-left: -2em; }
blockquote { margin: 0 0 0 2em; }
hr { border: 0; border-top: 1px solid #999; margin: .5em 0; }
@media print { html { background: #fff; } .hint { display: none; } .sheet { width: auto; min-height: 0; margin: 0; padding: 0 !important; box-shadow: none; } }`
  if (!gongwen) {
    return `${fallbackFaces}${shared}
@page { size: A4; margin: 25.4mm 31.7mm; @bottom-center { content: counter(page); font: 9pt ${cssFamily(f.songTi)}; } }
.sheet { padding: 25.4mm 31.7mm; font: 12pt/1.5 ${cssFamily(f.songTi)}; text-align: justify; }
p.body { text-indent: 2em; }
h1 { font: 18pt/1.6 "Dongbi Hei", ${cssFamily(f.heiTi)}; text-align: center; margin: 12pt 0; }
h2 { font: 16pt/1.6 "Dongbi Hei", ${cssFamily(f.heiTi)}; margin: 12pt 0 6pt; }
h3, h4, h5 { font: bold 14pt/1.6 "Dongbi Hei", ${cssFamily(f.heiTi)}; margin: 10pt 0 4pt; }
blockquote p { font-family: ${cssFamily(f.kaiTi)}; color: #444; border-left: 3px solid #ccc; padding-left: 1em; }`
  }
  const pageNumber = `content: "— " counter(page) " —"; font: 14pt ${cssFamily(f.songTi)}; vertical-align: top; padding-top: 7mm;`
  return `${fallbackFaces}${shared}
/* GB/T 9704: A4, 天头 37 mm, 订口 28 mm, text area 156 × 225 mm; — N — 7 mm below it, odd pages right, even pages left, one character in. */
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { ${pageNumber} padding-right: 14pt; text-align: right; } }
@page :left { @bottom-left { ${pageNumber} padding-left: 14pt; text-align: left; } }
.sheet { padding: 37mm 26mm 35mm 28mm; font: 16pt/28pt ${cssFamily(f.fangSong)}; text-align: justify; }
h1 { font: 22pt/28pt "Dongbi Title", "Dongbi Title Fallback", ${cssFamily(f.xiaoBiaoSong)}; text-align: center; }
h1.space-after { margin-bottom: 28pt; }
h2, h3, h4, h5 { font-size: 16pt; line-height: 28pt; text-indent: 2em; }
h2 { font-family: "Dongbi Hei", ${cssFamily(f.heiTi)}; }
h3 { font-family: ${cssFamily(f.kaiTi)}; }
h4, h5 { font-family: ${cssFamily(f.fangSong)}; }
p.body, p.attachment, p.attendance { text-indent: 2em; }
p.attachment-item { text-indent: 0; padding-left: 5em; }
p.docNumber { text-align: center; border-bottom: 1.5pt solid #c00000; padding-bottom: 4mm; margin-bottom: 56pt; }
p.signature, p.date { text-align: right; padding-right: 4em; }
p.attendance .label { font-family: "Dongbi Hei", ${cssFamily(f.heiTi)}; }
p.banji { font-size: 14pt; padding: 0 1em; border-bottom: .7pt solid #000; }
p.banji-first { border-top: 1pt solid #000; }
p.banji-last { border-bottom-width: 1pt; }
p.issuance { display: flex; justify-content: space-between; }
blockquote p { font-family: ${cssFamily(f.kaiTi)}; }`
}

/**
 * A self-contained print view: the document laid out in HTML/CSS as close to the DOCX as a
 * browser gets (A4 pages, margins, fonts with CJK fallbacks, 28 pt lines, page numbers in the
 * page margins). Everything from the document is escaped; there is no script.
 */
export function printHtml(blocks: ExportBlock[], meta: { title: string; gongwen: boolean }): string {
  const banjiIndexes = blocks.flatMap((b, i) => (b.role === 'cc' || b.role === 'issuance' ? [i] : []))
  const body = blocks.map((block, i) => blockHtml(block, blocks[i + 1], meta.gongwen, { first: i === banjiIndexes[0], last: i === banjiIndexes.at(-1) })).join('\n')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xmlText(meta.title)}</title>
<style>${css(meta.gongwen)}
</style>
</head>
<body class="${meta.gongwen ? 'gongwen' : 'plain'}">
<p class="hint">打印预览：按 Ctrl+P（Mac 上按 ⌘P）打印或另存为 PDF · Print preview: press Ctrl+P to print or save as PDF</p>
<main class="sheet">
${body}
</main>
</body>
</html>
`
}
