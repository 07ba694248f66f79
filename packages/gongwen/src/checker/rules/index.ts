import type { DocumentKind } from '@dongbi/schema'
import { documentKindInfo } from '@dongbi/schema'
import type { Rule } from '../Rule.ts'
import { citationRules } from './citationRules.ts'
import { docNumberRules } from './docNumberRules.ts'
import { elementRules } from './elementRules.ts'
import { headingRules } from './headingRules.ts'
import { languageRules } from './languageRules.ts'
import { titleRules } from './titleRules.ts'
import { letterReplyRules } from './letterReplyRules.ts'
import { requestReportRules } from './requestReportRules.ts'

/** Every rule the checker knows, in the order findings of one range are listed. */
export const allRules: readonly Rule[] = [...docNumberRules, ...titleRules, ...elementRules, ...headingRules, ...citationRules, ...requestReportRules, ...letterReplyRules, ...languageRules]

export const ruleById = new Map(allRules.map((rule) => [rule.id, rule]))

/** Whether `rule` applies to documents of `kind`. */
export function ruleApplies(rule: Rule, kind: DocumentKind): boolean {
  if (rule.kinds === 'all') return true
  if (rule.kinds === 'gongwen') return documentKindInfo[kind].gongwen
  return rule.kinds.includes(kind)
}

/** Ids of the rules a branch may switch off: those based on practice only. */
export const practiceRuleIds: readonly string[] = allRules.filter((rule) => rule.basis === 'practice').map((rule) => rule.id)
