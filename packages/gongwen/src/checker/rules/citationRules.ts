import { findAll } from '../findAll.ts'
import type { BlockRule } from '../Rule.ts'

const number = '[\\u4e00-\\u9fffA-Za-z]{1,16}[〔\\[【［(（]\\d{2,4}[〕\\]】］)）]第?\\d+号'

const numberBeforeTitle = new RegExp(`[（(]?${number}[）)]?\\s*《[^》]*》`, 'g')
const bareNumberAfterTitle = new RegExp(`》(\\s*${number})`, 'g')
const halfWidthNumberAfterTitle = new RegExp(`》(\\(\\s*${number}\\s*\\))`, 'g')
/** Cheap test first: a citation needs a book-title mark and a number ending in 号. */
const mayCite = (text: string) => text.includes('《') && /\d号/.test(text)

export const citationOrder: BlockRule = {
  id: 'citation-order',
  basis: 'practice',
  clause: '引用公文先引标题后引发文字号',
  severity: 'warning',
  kinds: 'gongwen',
  scope: 'block',
  message: '引用公文应先引标题，后引发文字号：《…》（…〔2024〕5号）',
  messageEn: 'Cite a document by its title first, then its number: 《…》（…〔2024〕5号）',
  check: ({ block }) => ((block.role === 'body' || block.role === 'heading') && mayCite(block.text) ? findAll(block.text, numberBeforeTitle) : []),
}

export const citationParentheses: BlockRule = {
  id: 'citation-parentheses',
  basis: 'practice',
  clause: '引用公文先引标题后引发文字号',
  severity: 'warning',
  kinds: 'gongwen',
  scope: 'block',
  message: '引用公文时发文字号放在标题后的全角圆括号内：《…》（…〔2024〕5号）',
  messageEn: 'The cited number goes in full-width parentheses after the title: 《…》（…〔2024〕5号）',
  check: ({ block }) => {
    if ((block.role !== 'body' && block.role !== 'heading') || !mayCite(block.text)) return []
    const bare = findAll(block.text, bareNumberAfterTitle, { group: 1, fix: (m) => `（${m[1]!.trim()}）` })
    const halfWidth = findAll(block.text, halfWidthNumberAfterTitle, { group: 1, fix: (m) => `（${m[1]!.slice(1, -1).trim()}）` })
    return [...bare, ...halfWidth]
  },
}

export const citationRules = [citationOrder, citationParentheses]
