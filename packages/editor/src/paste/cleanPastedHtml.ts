const droppedElements = 'style, script, meta, link, title, xml, template, object, iframe, svg, canvas, noscript'
/** Inline styles the schema understands (alignment and the marks' CSS forms); the rest go. */
const keptStyles = new Set(['text-align', 'font-weight', 'font-style', 'text-decoration', 'text-decoration-line'])
const orderedMarker = /^[\s\u00a0]*(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|[一二三四五六七八九十]+)[.、)）．]/

/**
 * Cleans HTML pasted from Word, WPS or web pages before ProseMirror parses it against the
 * schema: drops Office markup (conditional comments, `o:p`, `mso-*` styles, classes), turns
 * Word's list paragraphs (`mso-list`) into real lists, and keeps only the styles the schema
 * reads (alignment, bold, italic, underline, strike). Needs a DOM (the browser's DOMParser).
 */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const body = doc.body
  removeComments(body)
  body.querySelectorAll(droppedElements).forEach((el) => el.remove())
  convertWordLists(doc)
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (el.tagName.includes(':')) {
      el.replaceWith(...Array.from(el.childNodes)) // o:p, w:sdt, v:shape wrappers
      continue
    }
    cleanAttributes(el)
  }
  return body.innerHTML
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.parentNode?.removeChild(comment)
}

function cleanAttributes(el: Element): void {
  const style = (el as HTMLElement).style
  const kept: string[] = []
  if (style) {
    for (let i = 0; i < style.length; i++) {
      const name = style.item(i)
      if (keptStyles.has(name)) kept.push(`${name}: ${style.getPropertyValue(name)}`)
    }
  }
  for (const attr of Array.from(el.attributes)) {
    if (attr.name === 'href' || attr.name === 'start' || attr.name === 'colspan' || attr.name === 'rowspan') continue
    el.removeAttribute(attr.name)
  }
  if (kept.length > 0) el.setAttribute('style', kept.join('; '))
}

/**
 * Word writes lists as paragraphs styled `mso-list:l0 level2 lfo1` whose bullet or number is
 * literal text inside a `mso-list:Ignore` span. Rebuild nested ul/ol from them.
 */
function convertWordLists(doc: Document): void {
  const paragraphs = Array.from(doc.body.querySelectorAll('p')).filter((p) => /mso-list\s*:\s*l\d/i.test(p.getAttribute('style') ?? ''))
  let stack: { level: number; list: HTMLElement }[] = []
  let previous: Element | null = null
  for (const p of paragraphs) {
    const style = p.getAttribute('style') ?? ''
    const level = Number(/level(\d+)/i.exec(style)?.[1] ?? 1)
    const marker = p.querySelector('span[style*="mso-list"][style*="Ignore" i]') ?? p.querySelector('[style*="mso-list:Ignore" i]')
    const ordered = orderedMarker.test(marker?.textContent ?? '')
    marker?.remove()
    if (previous === null || p.previousElementSibling !== previous) stack = []
    while (stack.length > 0 && stack[stack.length - 1]!.level > level) stack.pop()
    let top = stack[stack.length - 1]
    if (!top || top.level < level) {
      const list = doc.createElement(ordered ? 'ol' : 'ul')
      if (top) (top.list.lastElementChild ?? top.list).appendChild(list)
      else p.before(list)
      top = { level, list }
      stack.push(top)
    }
    const item = doc.createElement('li')
    const para = doc.createElement('p')
    para.append(...Array.from(p.childNodes))
    const align = (p as HTMLElement).style.textAlign
    if (align) para.style.textAlign = align
    item.append(para)
    top.list.append(item)
    previous = p
    // Keep p in the tree (hidden by emptying) until the next sibling check, then drop it.
    p.replaceChildren()
  }
  for (const p of paragraphs) p.remove()
}
