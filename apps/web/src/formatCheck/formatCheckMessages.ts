/**
 * Strings of the 公文 format checker (panel, toolbar button, branch settings, review
 * history), merged into the app's messages in `messages.ts`.
 */
export const formatCheckZh = {
  'check.button': '格式检查',
  'check.buttonHint': '按 GB/T 9704 和公文写作规范检查格式',
  'check.title': '格式检查',
  'check.errors': '错误',
  'check.warnings': '警告',
  'check.empty': '未发现格式问题',
  'check.emptyHint': '按“{kind}”的格式要求检查，输入时自动更新。',
  'check.fix': '一键修正',
  'check.fixAll': '全部修正（{n}）',
  'check.fixDelete': '删除“{text}”',
  'check.fixTo': '改为“{insert}”',
  'check.close': '收起格式检查',
  'check.basis.reg': '条例',
  'check.basis.std': '国标',
  'check.basis.practice': '实务',
  'check.summary': '格式检查：{errors} 个错误，{warnings} 个警告',
  'check.settings': '格式检查设置',
  'check.settingsHint': '依据实务的规则可以在本支部关闭；依据条例和国家标准的规则始终检查。',
  'check.settingsSaved': '已保存',
} as const

export type FormatCheckMessageKey = keyof typeof formatCheckZh

export const formatCheckEn: Record<FormatCheckMessageKey, string> = {
  'check.button': 'Format check',
  'check.buttonHint': 'Check the layout rules of GB/T 9704 and official-writing practice',
  'check.title': 'Format check',
  'check.errors': 'Errors',
  'check.warnings': 'Warnings',
  'check.empty': 'No format problems found',
  'check.emptyHint': 'Checked as a {kind}; updates as you type.',
  'check.fix': 'Fix',
  'check.fixAll': 'Fix all ({n})',
  'check.fixDelete': 'Delete “{text}”',
  'check.fixTo': 'Change to “{insert}”',
  'check.close': 'Hide format check',
  'check.basis.reg': 'Regulation',
  'check.basis.std': 'Standard',
  'check.basis.practice': 'Practice',
  'check.summary': 'Format check: {errors} errors, {warnings} warnings',
  'check.settings': 'Format check settings',
  'check.settingsHint': 'Rules based on practice can be switched off for this branch; rules from the regulation and the national standard always apply.',
  'check.settingsSaved': 'Saved',
}
