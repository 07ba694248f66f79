import { findAll } from '../findAll.ts'
import type { BlockRule } from '../Rule.ts'

/** Roles whose text is running prose, where wording rules apply. */
const prose = new Set(['title', 'body', 'heading', 'attachment'])

export const wordQita: BlockRule = {
  id: 'word-qita',
  basis: 'practice',
  clause: '《现代汉语词典》推荐词形',
  severity: 'warning',
  kinds: 'all',
  scope: 'block',
  message: '“其它”宜写作“其他”',
  messageEn: 'Write 其他, not 其它',
  check: ({ block }) => (prose.has(block.role) ? findAll(block.text, /其它/g, { fix: () => '其他' }) : []),
}

/**
 * 截止 (to end, intransitive) vs 截至 (up to a point in time): "截止2024年3月" and "截止目前"
 * mean 截至. "截止日期", "报名截止" are right and are left alone.
 */
export const wordJiezhi: BlockRule = {
  id: 'word-jiezhi',
  basis: 'practice',
  severity: 'warning',
  kinds: 'all',
  scope: 'block',
  message: '表示“到某时为止”用“截至”，不用“截止”',
  messageEn: 'Before a point in time write 截至 (up to), not 截止 (to end)',
  check: ({ block }) =>
    prose.has(block.role) ? findAll(block.text, /截止(?:到|至)?(?=\s*(?:\d|[〇一二三四五六七八九十]+月|今|目前|当前|本|上|去|前|年底|月底|日前))/g, { fix: () => '截至' }) : [],
}

export const vagueDate: BlockRule = {
  id: 'vague-date',
  basis: 'practice',
  severity: 'warning',
  kinds: 'gongwen',
  scope: 'block',
  message: '公文中时间宜写具体日期，不用“近日”“今年”等相对说法',
  messageEn: 'Give the actual date instead of a relative one (近日, 今年, …)',
  check: ({ block }) => (prose.has(block.role) ? findAll(block.text, /近日|日前|今年|去年|明年|本月|上月|下月|昨天|今天|明天/g) : []),
}

export const languageRules = [wordQita, wordJiezhi, vagueDate]
