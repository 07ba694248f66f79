import { checkDocument, docBlocks, type Block, type Finding } from '@dongbi/gongwen'
import { documentKindInfo, withoutSuggestions, ydocToNode, type CheckFindingDto, type CheckSummaryDto, type DocumentCheckDto } from '@dongbi/schema'
import type * as Y from 'yjs'
import type { Services } from '../http/ContextVariables.ts'
import type { DocumentRecord } from '../store/Store.ts'

/**
 * The author's text as blocks: pending suggestions are left out (their insertions dropped,
 * their deletions kept), as for 字数 and exports. Synchronous: call it before any `await`,
 * the Y.Doc may be unloaded after.
 */
export function authorBlocks(doc: Y.Doc): Block[] {
  return docBlocks(withoutSuggestions(ydocToNode(doc)).toJSON())
}

export function summarize(findings: Finding[]): CheckSummaryDto {
  const errors = findings.filter((f) => f.severity === 'error').length
  return { errors, warnings: findings.length - errors }
}

/** The branch settings that apply to `record` (see CheckerSettingsStore.branchFor). */
export async function checkerSettingsFor(services: Services, record: DocumentRecord): Promise<{ branchId: string | null; disabledRules: string[] }> {
  const branchId = await services.store.checkerSettings.branchFor(record)
  return { branchId, disabledRules: branchId ? (await services.store.checkerSettings.get(branchId)).disabledRules : [] }
}

/** Checks a stored document's current text with its branch's settings. */
export async function checkStoredDocument(services: Services, record: DocumentRecord): Promise<DocumentCheckDto> {
  const blocks = authorBlocks(await services.collab.readDocument(record.id))
  const { branchId, disabledRules } = await checkerSettingsFor(services, record)
  const findings = checkDocument(blocks, { kind: record.kind, disabledRules })
  return {
    kind: record.kind,
    branchId,
    disabledRules,
    findings: findings.map((f): CheckFindingDto => ({ ...f, text: blocks[f.blockIndex]!.text.slice(f.from, f.to) })),
    summary: summarize(findings),
  }
}

/** The summary stored with a submission: only 公文 kinds are checked on submit. */
export async function submissionCheck(services: Services, record: DocumentRecord, blocks: Block[]): Promise<CheckSummaryDto | null> {
  if (!documentKindInfo[record.kind].gongwen) return null
  const { disabledRules } = await checkerSettingsFor(services, record)
  return summarize(checkDocument(blocks, { kind: record.kind, disabledRules }))
}
