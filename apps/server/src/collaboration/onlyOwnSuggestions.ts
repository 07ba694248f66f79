import { bodyFragmentName, withoutSuggestions, ydocToNode, type SuggestionAttrs } from '@dongbi/schema'
import * as Y from 'yjs'

/**
 * The rule for comment-level sockets (可评论): an update may only add or remove suggestions
 * carrying the sender's own `authorId`. It is applied to `scratch` (a copy of the current
 * document, consumed), and the document is compared before and after as if the sender's
 * suggestions had never been made; any other difference — a plain edit, formatting, someone
 * else's suggestion accepted or rejected, any change outside the body — refuses the whole
 * update. An update whose
 * dependencies are missing is refused too: what it would do cannot be checked.
 *
 * Cost: two conversions of the whole document per update, paid only by commenters' updates.
 */
export function onlyOwnSuggestions(scratch: Y.Doc, update: Uint8Array, authorId: string): boolean {
  const mine = (mark: { attrs: Record<string, unknown> }) => (mark.attrs as unknown as SuggestionAttrs).authorId === authorId
  const before = withoutSuggestions(ydocToNode(scratch), mine)
  const body = scratch.getXmlFragment(bodyFragmentName)
  let outsideBody = false
  scratch.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) if (rootOf(type) !== body) outsideBody = true
  })
  Y.applyUpdate(scratch, update)
  if (outsideBody || scratch.store.pendingStructs || scratch.store.pendingDs) return false
  const after = withoutSuggestions(ydocToNode(scratch), mine)
  return before.eq(after)
}

function rootOf(type: Y.AbstractType<any>): Y.AbstractType<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let root = type
  while (root._item) root = root._item.parent as Y.AbstractType<any>
  return root
}
