import type { ContentMatch, NodeType, Schema } from '@tiptap/pm/model'
import { editorSchema } from './editorSchema.ts'
import { markNameOf } from './markNameOf.ts'

/**
 * What the editor's schema lets the body hold, asked item by item as updates arrive: which
 * elements may sit in which, where text may, which marks exist. y-tiptap deletes from the
 * shared doc, for everyone, an element it cannot build (an unknown node name) and a whole
 * text run that names an unknown mark; the first editor to open the document would do it.
 * So an update bringing one is refused instead, with the reason.
 *
 * Only what no concurrent edit can cause is checked: which node types a parent may hold at
 * all, never their order or number (two members editing one list at once can leave a list
 * item without its first paragraph, which the editor copes with). An item's parent never
 * changes in Yjs, so what is checked when it arrives holds for good.
 */
export class BodyRules {
  /** The node type the body fragment stands for. */
  readonly top: string
  private readonly children = new Map<string, Set<string>>()

  constructor(private readonly schema: Schema) {
    this.top = schema.topNodeType.name
    for (const type of Object.values(schema.nodes)) this.children.set(type.name, childTypes(type))
  }

  /**
   * Why an XML element named `name` may not sit in the list of `parent` (a node type's name),
   * or null. Under a name the schema lacks (an element the editor drops with all it holds)
   * nothing is checked. An element is judged by its name wherever it is: the guard asking does
   * not follow which tree an element is in, and no one writes XML elements named after the
   * schema's nodes outside the body.
   */
  element(parent: string, name: string): string | null {
    const allowed = this.children.get(parent)
    if (!allowed) return null
    const type = this.schema.nodes[name]
    // A text node is an XML text in Yjs: an element named `text` is one y-tiptap cannot build.
    if (!type || type.isText) return `no element is named "${name}"`
    return allowed.has(name) ? null : `${this.describe(parent)} may not hold a ${name}`
  }

  /** Why an XML text may not sit in the list of `parent`, or null. */
  text(parent: string): string | null {
    const allowed = this.children.get(parent)
    return !allowed || allowed.has('text') ? null : `${this.describe(parent)} may not hold text`
  }

  /** Why a text may not carry the format `key` with `value` (null ends a format), or null. */
  format(key: string, value: unknown): string | null {
    if (value === null) return null
    const name = markNameOf(key)
    const type = this.schema.marks[name]
    if (!type) return `no mark is named "${name}"`
    try {
      type.create(value as Record<string, unknown>) // as y-tiptap builds it: throws on attributes missing or failing validation
      return null
    } catch {
      return `the mark "${name}" has attributes the schema refuses`
    }
  }

  private describe(parent: string): string {
    return parent === this.top ? 'the document body' : `a ${parent}`
  }
}

let cached: BodyRules | undefined

/** The rules of the editor's schema; built once. */
export function bodyRules(): BodyRules {
  cached ??= new BodyRules(editorSchema())
  return cached
}

/** Every node type `type`'s content expression lets in, anywhere in its content. */
function childTypes(type: NodeType): Set<string> {
  const names = new Set<string>()
  const seen = new Set<ContentMatch>()
  const todo = [type.contentMatch]
  for (let match = todo.pop(); match; match = todo.pop()) {
    if (seen.has(match)) continue
    seen.add(match)
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i)
      names.add(edge.type.name)
      todo.push(edge.next)
    }
  }
  return names
}
