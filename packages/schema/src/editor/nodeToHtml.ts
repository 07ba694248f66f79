import type { DOMOutputSpec, Mark, Node } from '@tiptap/pm/model'

/**
 * Serialises a document to HTML without a DOM, from the same `toDOM` specs the editor
 * renders with, so the output equals the editor's `getHTML()`.
 */
export function nodeToHtml(doc: Node): string {
  return renderChildren(doc)
}

function renderChildren(parent: Node): string {
  let html = ''
  parent.forEach((child) => {
    html += renderNode(child)
  })
  return html
}

function renderNode(node: Node): string {
  if (node.isText) {
    return wrapInMarks(escapeText(node.text ?? ''), node.marks)
  }
  const toDOM = node.type.spec.toDOM
  if (!toDOM) return renderChildren(node)
  return wrapInMarks(renderSpec(toDOM(node), () => renderChildren(node)), node.isInline ? node.marks : [])
}

function wrapInMarks(inner: string, marks: readonly Mark[]): string {
  let html = inner
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i]!
    const toDOM = mark.type.spec.toDOM
    if (toDOM) html = renderSpec(toDOM(mark, true), () => html)
  }
  return html
}

const voidElements = new Set(['br', 'hr', 'img', 'input', 'wbr', 'col', 'area', 'base', 'embed', 'source'])

function renderSpec(spec: DOMOutputSpec, content: () => string): string {
  if (typeof spec === 'string') return escapeText(spec)
  if (!Array.isArray(spec)) {
    throw new TypeError('nodeToHtml supports array DOM specs only')
  }
  const [tag, ...rest] = spec as [string, ...unknown[]]
  const name = tag.includes(' ') ? tag.slice(tag.indexOf(' ') + 1) : tag
  let attrs = ''
  let start = 0
  const first = rest[0]
  if (first != null && typeof first === 'object' && !Array.isArray(first)) {
    start = 1
    for (const [key, value] of Object.entries(first as Record<string, unknown>)) {
      if (value == null) continue
      const text = key === 'style' ? cssText(String(value)) : String(value)
      attrs += ` ${key}="${escapeAttribute(text)}"`
    }
  }
  if (voidElements.has(name)) return `<${name}${attrs}>`
  let inner = ''
  for (const child of rest.slice(start)) {
    inner += child === 0 ? content() : renderSpec(child as DOMOutputSpec, content)
  }
  return `<${name}${attrs}>${inner}</${name}>`
}

/** A style attribute as the browser's `style.cssText` writes it: `a: b; c: d;`. */
function cssText(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => {
      const colon = declaration.indexOf(':')
      return colon < 0 ? declaration : `${declaration.slice(0, colon).trim()}: ${declaration.slice(colon + 1).trim()};`
    })
    .join(' ')
}

function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'))
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&nbsp;'))
}
