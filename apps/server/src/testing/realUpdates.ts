import * as Y from 'yjs'

/**
 * The updates of `edits` seeded random edits over every shared type and content kind Yjs has,
 * one per edit, plus whole states and merges (which bring GC, deleted content and skips).
 */
export function realUpdates(random: () => number, edits: number): Uint8Array[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const texts = ['学习', '心得体会', 'a', 'Hello world', '😀👍', '“引号”', '', 'x'.repeat(200), '\u{10FFFF}', '\uFEFF']
  const anyValues = (): unknown =>
    pick([
      () => Math.floor(random() * 1000) - 500,
      () => random() * 1e9,
      () => 2 ** 40 + 3,
      () => -(2 ** 52),
      () => 0.5,
      () => pick(texts),
      () => random() < 0.5,
      () => null,
      () => ({ level: 2, textAlign: 'center', nested: { list: [1, '二', null, [true]] } }),
      () => [1, 2, { a: 'b' }],
      () => ({ big: 7n, bytes: new Uint8Array([1, 2]), none: undefined, half: 1.5, tiny: Math.fround(0.1) }),
      () => BigInt(Math.floor(random() * 1e6)) * 1_000_000_000_000n,
      () => undefined,
    ])()

  const doc = new Y.Doc({ gc: random() < 0.7 })
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const fragment = doc.getXmlFragment('default')
  const map = doc.getMap('meta')
  const array = doc.getArray('list')
  const richText = doc.getText('text')

  for (let i = 0; i < edits; i++) {
    const kind = Math.floor(random() * 12)
    if (kind === 0) {
      // What the editor writes to the body, mostly; now and then what its schema lacks.
      const element = new Y.XmlElement(pick(['paragraph', 'heading', 'paragraph', '段落']))
      element.setAttribute('textAlign', pick(['left', 'center', 'right']))
      element.insert(0, [new Y.XmlText(pick(texts))])
      let block = element
      if (random() < 0.2) {
        block = new Y.XmlElement('blockquote')
        block.insert(0, [element])
      }
      fragment.insert(Math.floor(random() * (fragment.length + 1)), [block])
    } else if (kind === 1 && fragment.length > 0) {
      const element = fragment.get(Math.floor(random() * fragment.length))
      const text = element instanceof Y.XmlElement ? element.get(0) : null
      if (text instanceof Y.XmlText) {
        text.insert(Math.floor(random() * (text.length + 1)), pick(texts), random() < 0.3 ? { bold: true } : undefined)
        if (random() < 0.2 && text.length > 1) text.format(0, 1, random() < 0.8 ? { italic: true, underline: {} } : { link: { href: 'https://例子.中国' } })
        if (random() < 0.05) text.insertEmbed(0, { image: 'a.png', alt: '图' })
      }
    } else if (kind === 2 && fragment.length > 0) {
      fragment.delete(Math.floor(random() * fragment.length), 1)
    } else if (kind === 3) {
      map.set(pick(['a', 'b', '标题', 'c']), anyValues())
    } else if (kind === 4) {
      map.set('bytes', new Uint8Array([0, 1, 2, 255]))
    } else if (kind === 5) {
      const nested = pick([
        () => new Y.Array(),
        () => new Y.Map(),
        () => new Y.Text('文'),
        () => new Y.XmlElement('p'),
        () => new Y.XmlFragment(),
        () => new Y.XmlHook('hook'),
        () => new Y.XmlText('t'),
      ])()
      map.set('type', nested)
    } else if (kind === 6) {
      map.set('sub', new Y.Doc({ guid: `sub-${i}`, meta: { n: i } }))
    } else if (kind === 7) {
      // A Y.Array holds no top-level undefined or bigint (a Y.Map does).
      const items = [anyValues(), anyValues()].map((value) => (typeof value === 'bigint' ? Number(value) : (value ?? null)))
      array.insert(Math.floor(random() * (array.length + 1)), items)
    } else if (kind === 8 && array.length > 0) {
      const index = Math.floor(random() * array.length)
      array.delete(index, Math.min(2, array.length - index))
    } else if (kind === 9) {
      richText.insert(Math.floor(random() * (richText.length + 1)), pick(texts))
    } else if (kind === 10 && richText.length > 0) {
      richText.delete(Math.floor(random() * richText.length), 1)
    } else {
      map.delete(pick(['a', 'b', '标题', 'c', 'type', 'sub']))
    }
  }
  const merged = updates.filter((_, i) => i % 2 === 0)
  return [...updates, Y.encodeStateAsUpdate(doc), Y.mergeUpdates(merged), Y.mergeUpdates(updates.slice(-5))]
}
