import { nodeBlocks, ruleById, type IncrementalChecker, type ProseMirrorNodeLike } from '@dongbi/gongwen'
import type { Node } from '@tiptap/pm/model'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { EditorFinding } from './EditorFinding.ts'
import type { FormatCheckSettings } from './FormatCheck.ts'

/**
 * Runs the checker on a live document and places its findings at document positions, with
 * messages in the UI language. Never an empty range: a finding at the end of a block
 * underlines its last character.
 */
export function placeFindings(doc: Node, checker: IncrementalChecker, settings: FormatCheckSettings & { english: boolean }): EditorFinding[] {
  if (!settings.kind) return []
  const blocks = nodeBlocks(doc as unknown as ProseMirrorNodeLike)
  return checker.check(blocks, { kind: settings.kind, disabledRules: settings.disabledRules }).map((finding) => {
    const block = blocks[finding.blockIndex]!
    const start = block.pos!
    const from = finding.from === finding.to && finding.from > 0 ? finding.from - 1 : finding.from
    const to = Math.min(block.text.length, Math.max(finding.to, from + 1))
    const placed: EditorFinding = {
      key: `${finding.ruleId}:${finding.blockIndex}:${finding.from}`,
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: settings.english ? finding.messageEn : finding.message,
      messageEn: finding.messageEn,
      blockIndex: finding.blockIndex,
      from: start + from,
      to: start + to,
      text: block.text.slice(finding.from, finding.to) || block.text.slice(from, to),
      basis: ruleById.get(finding.ruleId)?.basis ?? 'practice',
    }
    if (finding.fix) placed.fix = { from: start + finding.fix.from, to: start + finding.fix.to, insert: finding.fix.insert }
    return placed
  })
}

/** Wavy underlines with the message as a tooltip (styles in editorStyles.ts). */
export function decorateFindings(doc: Node, findings: EditorFinding[]): DecorationSet {
  return DecorationSet.create(
    doc,
    findings.map((f) =>
      Decoration.inline(f.from, f.to, {
        class: `dongbi-check dongbi-check--${f.severity}`,
        title: f.message,
        'data-rule-id': f.ruleId,
      }),
    ),
  )
}
