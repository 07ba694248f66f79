import fs from 'node:fs'
import path from 'node:path'
import type { Block } from '../structure/Block.ts'
import { textBlocks } from '../structure/docBlocks.ts'
import { docxBlocks } from './docxBlocks.ts'

/** A file read into blocks, with a way back from (block, offset) to where a person looks in the file. */
export interface SourceDocument {
  blocks: Block[]
  /** 1-based line (or paragraph, for .docx) and column. */
  locate(blockIndex: number, offset: number): { line: number; column: number }
}

/** Markdown block prefixes that are syntax, not text: `# `, `> `, `- `, `* `. */
const markdownPrefix = /^(#{1,6}\s+|>\s?|[-*+]\s+)/

function markdownBlocks(source: string): { blocks: Block[]; prefixes: number[] } {
  const prefixes: number[] = []
  const blocks = textBlocks(source).map((block) => {
    const prefix = markdownPrefix.exec(block.text)?.[0] ?? ''
    prefixes.push(prefix.length)
    const text = block.text.slice(prefix.length).replace(/\*\*|__|`/g, '')
    const level = prefix.startsWith('#') ? prefix.trim().length : undefined
    return level ? { ...block, text, nodeType: 'heading', level, align: level === 1 ? ('center' as const) : null } : { ...block, text }
  })
  return { blocks, prefixes }
}

/** Reads a .txt, .md or .docx file; throws with a readable message on anything else. */
export function readDocument(file: string): SourceDocument {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.docx') {
    const blocks = docxBlocks(fs.readFileSync(file))
    return { blocks, locate: (blockIndex, offset) => ({ line: blockIndex + 1, column: offset + 1 }) }
  }
  const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  if (extension === '.md' || extension === '.markdown') {
    const { blocks, prefixes } = markdownBlocks(source)
    return { blocks, locate: (blockIndex, offset) => ({ line: blockIndex + 1, column: (prefixes[blockIndex] ?? 0) + offset + 1 }) }
  }
  if (extension === '.txt' || extension === '') {
    return { blocks: textBlocks(source), locate: (blockIndex, offset) => ({ line: blockIndex + 1, column: offset + 1 }) }
  }
  throw new Error(`不支持的文件类型 ${extension}（unsupported file type; use .txt, .md or .docx）`)
}
