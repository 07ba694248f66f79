import { countCharacters, nodeToText, ydocToNode } from '@dongbi/schema'
import type * as Y from 'yjs'

/** A document body as a version stores it: ProseMirror JSON, with its plain text and length. */
export interface BodySnapshot {
  json: Record<string, unknown>
  text: string
  characters: number
}

/** Reads a Y.Doc's body synchronously (call it before any `await`: the doc may be unloaded after). */
export function snapshotBody(doc: Y.Doc): BodySnapshot {
  const node = ydocToNode(doc)
  const text = nodeToText(node)
  return { json: node.toJSON() as Record<string, unknown>, text, characters: countCharacters(text).total }
}
