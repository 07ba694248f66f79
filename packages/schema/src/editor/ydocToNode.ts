import type { Mark, Node, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { editorSchema } from './editorSchema.ts'
import { bodyFragmentName } from './fragmentName.ts'
import { markNameOf } from './markNameOf.ts'

/**
 * Reads the document body of a Y.Doc as a ProseMirror node, without a DOM and without
 * changing the doc.
 *
 * It shows what the editor shows. y-tiptap's own converter deletes from the Y.Doc whatever the
 * schema refuses (an unknown element, a paragraph inside a paragraph, text with an unknown
 * mark), which is right in an editor, where the deletion is a user's edit and syncs, but the
 * server reads live documents: a deletion there would reach clients without ever being
 * stored. This one leaves such parts out instead, and content no editor could have written
 * (text or values straight in the fragment, maps inside an element) too.
 */
export function ydocToNode(ydoc: Y.Doc): Node {
  const schema = editorSchema()
  const blocks: Node[] = []
  for (const child of ydoc.getXmlFragment(bodyFragmentName).toArray()) {
    const node = child instanceof Y.XmlElement ? elementToNode(child, schema) : null
    if (node) blocks.push(node)
  }
  return schema.topNodeType.create(null, blocks)
}

function elementToNode(element: Y.XmlElement, schema: Schema): Node | null {
  const children: Node[] = []
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = elementToNode(child, schema)
      if (node) children.push(node)
    } else if (child instanceof Y.Text) {
      children.push(...textToNodes(child, schema))
    }
  }
  // An element named `text` or `doc` passes schema.node but is no block or inline node:
  // y-tiptap makes a broken node of it, which readers of the result would trip over.
  const type = schema.nodes[element.nodeName]
  if (!type || type.isText || type === schema.topNodeType) return null
  try {
    return type.createChecked(element.getAttributes(), children)
  } catch {
    return null
  }
}

/** A text's runs, or nothing when one of them is not text or carries a mark the schema lacks (as in y-tiptap). */
function textToNodes(text: Y.Text, schema: Schema): Node[] {
  try {
    return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((run) => {
      if (typeof run.insert !== 'string') throw new TypeError('not text')
      return schema.text(run.insert, marksOf(run.attributes ?? {}, schema))
    })
  } catch {
    return []
  }
}

function marksOf(attributes: Record<string, unknown>, schema: Schema): Mark[] {
  return Object.entries(attributes).map(([name, attrs]) =>
    schema.mark(markNameOf(name), attrs as Record<string, unknown> | null),
  )
}
