import { bodyFragmentName } from '@dongbi/schema'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { arbitraryUpdate } from '../testing/arbitraryUpdate.ts'
import { handMadeString } from '../testing/handMadeString.ts'
import { mutateUpdate } from '../testing/mutateUpdate.ts'
import { seededRandom } from '../testing/random.ts'
import { realUpdates } from '../testing/realUpdates.ts'
import { BodyGuard, type Placed } from './BodyGuard.ts'

const seed = Number(process.env.SEED ?? Date.now() % 100_000)
const rerun = `seed ${seed}; rerun with SEED=${seed}`

/**
 * A room's doc and its guard, as DocumentRoom drives them: a taken update waits (remembered)
 * until `settle` applies what waits to the doc.
 */
function room(initial?: Uint8Array) {
  const doc = new Y.Doc()
  if (initial) Y.applyUpdate(doc, initial)
  const guard = new BodyGuard(doc)
  const waiting: Uint8Array[] = []
  return {
    doc,
    /** Checks and, when taken, remembers `update`; answers the refusal or null. */
    offer(update: Uint8Array): string | null {
      const placed = guard.check(update)
      if (typeof placed === 'string') return placed
      guard.remember(placed)
      waiting.push(placed.trimmed ?? update)
      return null
    },
    /** Applies what waits, in one transaction as DocumentRoom does. */
    settle(): void {
      doc.transact(() => {
        for (const update of waiting.splice(0)) Y.applyUpdate(doc, update)
      })
      guard.applied(true)
    },
    /** Taken updates (as stored, trimmed or not) not applied yet. */
    waiting,
    check: (update: Uint8Array) => guard.check(update),
    guard,
  }
}

/** A client's doc that starts from `state` and records its updates. */
function client(state: Uint8Array) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return { doc, body: doc.getXmlFragment(bodyFragmentName), updates }
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** A heading and a paragraph, as the editor writes them. */
const base = (() => {
  const doc = new Y.Doc()
  const heading = new Y.XmlElement('heading')
  heading.setAttribute('level', 1 as unknown as string)
  heading.insert(0, [new Y.XmlText('关于开展学习教育月的通知')])
  doc.getXmlFragment(bodyFragmentName).insert(0, [heading, paragraph('各支部：')])
  return Y.encodeStateAsUpdate(doc)
})()

describe('BodyGuard', () => {
  it(`takes what editors write, whether or not the doc has applied the updates it builds on (${rerun})`, () => {
    const random = seededRandom(seed)
    const server = room(base)
    const writer = client(base)
    const texts = ['学习', '心得体会', 'a', '😀', '“引号”']
    for (let i = 0; i < 400; i++) {
      const blocks = writer.body.toArray() as Y.XmlElement[]
      const kind = Math.floor(random() * 6)
      const block = blocks[Math.floor(random() * blocks.length)]
      const text = block?.get(0)
      if (kind === 0 || !block) writer.body.insert(Math.floor(random() * (blocks.length + 1)), [paragraph(texts[i % texts.length]!)])
      else if (kind === 1 && blocks.length > 1) writer.body.delete(Math.floor(random() * blocks.length), 1)
      else if (kind === 2) block.setAttribute('textAlign', 'center')
      else if (text instanceof Y.XmlText) text.insert(Math.floor(random() * (text.length + 1)), texts[i % texts.length]!, random() < 0.3 ? { bold: {} } : undefined)
      for (const update of writer.updates.splice(0)) expect(server.offer(update), `edit ${i} (${rerun})`).toBeNull()
      if (random() < 0.3) server.settle()
    }
    server.settle()
    expect(server.doc.getXmlFragment(bodyFragmentName).toJSON()).toBe(writer.body.toJSON())
  })

  it('refuses text, values, maps and other types in the body, however the item is placed', () => {
    const server = room(base)
    const cases: [string, (body: Y.XmlFragment, doc: Y.Doc) => void][] = [
      ['XML text at the top', (body) => body.insert(0, [new Y.XmlText('顶层')])],
      ['XML text after a paragraph', (body) => body.insert(1, [new Y.XmlText('段后')])],
      ['a value after a paragraph', (body) => (body as unknown as Y.Array<unknown>).insert(2, [42])],
      ['a string in the body', (body) => (body as unknown as Y.Array<unknown>).insert(0, ['字'])],
      ['a map', (body) => (body as unknown as Y.Array<unknown>).insert(0, [new Y.Map()])],
      ['a nested fragment', (body) => (body as unknown as Y.Array<unknown>).insert(0, [new Y.XmlFragment()])],
      ['a hook', (body) => body.insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement])],
      ['values in an element', (body) => (body.get(1) as unknown as Y.Array<unknown>).insert(0, [1, '字'])],
      ['a map in an element', (body) => (body.get(0) as unknown as Y.Array<unknown>).insert(1, [new Y.Map()])],
    ]
    for (const [name, write] of cases) {
      const writer = client(base)
      write(writer.body, writer.doc)
      expect(writer.updates.length, name).toBe(1)
      expect(server.check(writer.updates[0]!), name).toMatch(/may hold only/)
    }
    // The same written from scratch, as a script would: a body that is an array of values.
    const script = new Y.Doc()
    script.getArray(bodyFragmentName).insert(0, [1, '字'])
    expect(room().check(Y.encodeStateAsUpdate(script))).toMatch(/may hold only/)
  })

  it('places an item by neighbours that wait to be applied, or come later in the same update', () => {
    const server = room(base)
    const writer = client(base)
    writer.body.insert(2, [paragraph('新段')])
    expect(server.offer(writer.updates.shift()!)).toBeNull() // taken, not applied: only the guard knows it
    ;(writer.body as unknown as Y.Array<unknown>).insert(3, ['字'])
    expect(server.check(writer.updates.shift()!)).toMatch(/body may hold only/)

    // Two writers' edits in one update: the item of the higher client comes first and follows
    // the other's new paragraph, which comes after it.
    const low = new Y.Doc()
    low.clientID = 1
    const high = new Y.Doc()
    high.clientID = 2
    Y.applyUpdate(low, base)
    low.getXmlFragment(bodyFragmentName).insert(2, [paragraph('低')])
    Y.applyUpdate(high, Y.encodeStateAsUpdate(low))
    high.getXmlFragment(bodyFragmentName).insert(3, [new Y.XmlText('高')])
    const both = Y.encodeStateAsUpdate(high, Y.encodeStateVector(server.doc))
    expect(room(base).check(both)).toMatch(/body may hold only/)
    const fixed = new Y.Doc()
    Y.applyUpdate(fixed, Y.encodeStateAsUpdate(low))
    fixed.clientID = 2
    fixed.getXmlFragment(bodyFragmentName).insert(3, [paragraph('高')])
    expect(room(base).check(Y.encodeStateAsUpdate(fixed, Y.encodeStateVector(server.doc)))).not.toBeTypeOf('string')
  })

  it("lets through an item that follows its own client's content the server has not got, and places it when that arrives", () => {
    const offline = client(base)
    offline.body.insert(2, [paragraph('离线')])
    const [earlier] = offline.updates.splice(0)
    const text = (offline.body.get(2) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(2, '续写') // sent first, as when typing while reconnecting
    const server = room(base)
    const placed = server.check(offline.updates[0]!) as Placed
    expect(placed.structs.map((struct) => struct.place)).toEqual(['unknown'])
    expect(server.offer(offline.updates[0]!)).toBeNull()
    expect((server.check(earlier!) as Placed).placedLater.map((struct) => struct.place)).toEqual(['text'])
    expect(server.offer(earlier!)).toBeNull()
    server.settle()
    expect(server.doc.getXmlFragment(bodyFragmentName).toJSON()).toBe(offline.body.toJSON())
  })

  it('refuses the update that would let Yjs place a held-back item where it may not sit, however it was taken', () => {
    const writer = client(base)
    writer.body.insert(2, [paragraph('先')])
    ;(writer.body as unknown as Y.Array<unknown>).insert(3, ['字']) // follows its own paragraph
    const [first, second] = writer.updates
    // Taken on this socket, noted from another instance, or held back by the doc at load.
    const direct = room(base)
    expect(direct.offer(second!)).toBeNull()
    expect(direct.check(first!)).toBe('the document body may hold only elements')

    const doc = new Y.Doc()
    Y.applyUpdate(doc, base)
    const fromElsewhere = new BodyGuard(doc)
    fromElsewhere.note(second!)
    Y.applyUpdate(doc, second!)
    expect(fromElsewhere.check(first!)).toBe('the document body may hold only elements')

    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, base)
    Y.applyUpdate(loaded, second!)
    const guard = new BodyGuard(loaded)
    guard.noteHeldBack()
    expect(guard.check(first!)).toBe('the document body may hold only elements')
  })

  it('refuses an item of the update that follows a held-back item the same update lets Yjs place', () => {
    const writer = client(base)
    writer.body.insert(2, [paragraph('先')])
    writer.body.insert(3, [paragraph('后')])
    ;(writer.body as unknown as Y.Array<unknown>).insert(4, ['字']) // follows the second paragraph
    const [first, second, third] = writer.updates
    const server = room(base)
    expect(server.offer(second!)).toBeNull() // held back: it follows the first, not here yet
    // The first paragraph and the text, with a gap where the held-back paragraph goes.
    const both = Y.mergeUpdates([first!, third!])
    expect(server.check(both)).toBe('the document body may hold only elements')
    expect(server.offer(first!)).toBeNull()
    server.settle()
    expect(server.doc.getXmlFragment(bodyFragmentName).length).toBe(4)
  })

  it('places a long chain of held-back items, and of items following them, at once when what they follow arrives', () => {
    const writer = client(base)
    const text = writer.doc.getText('t')
    let state = Y.encodeStateVector(writer.doc)
    const cut = () => {
      const update = Y.encodeStateAsUpdate(writer.doc, state)
      state = Y.encodeStateVector(writer.doc)
      return update
    }
    text.insert(0, '先')
    const first = cut()
    for (let i = 0; i < 2000; i++) text.insert(1 + i, '字')
    for (let i = 1999; i >= 0; i -= 2) text.delete(1 + i, 1) // 2,000 runs, each following the one before
    const chain = cut()
    text.insert(1000, '后')
    const after = cut()
    const server = room(base)
    expect(server.offer(chain)).toBeNull() // held back: it follows the first, not here yet
    const placed = server.check(Y.mergeUpdates([first, after])) as Placed
    expect(placed.placedLater).toHaveLength(2000)
    expect(placed.structs.every((struct) => struct.place === 'free')).toBe(true)
    expect(server.offer(first)).toBeNull()
    expect(server.offer(after)).toBeNull()
    server.settle()
    expect(server.doc.getText('t').toString()).toBe(text.toString())
  })

  it("refuses an item under another client's item that waits for content, as one following it (Yjs holds both back)", () => {
    const server = room()
    // B types offline, then a keystroke that creates a text after that content reaches the
    // server first; tab A (which has it all, through the browser) types into that text.
    const b = new Y.Doc()
    b.clientID = 2
    b.getXmlFragment('f').insert(0, [new Y.XmlText('离线')])
    const offlineState = Y.encodeStateVector(b)
    b.getXmlFragment('f').insert(1, [new Y.XmlText()])
    expect(server.offer(Y.encodeStateAsUpdate(b, offlineState))).toBeNull() // waits: it follows B's offline text
    const a = new Y.Doc()
    a.clientID = 1
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const before = Y.encodeStateVector(a)
    ;(a.getXmlFragment('f').get(1) as Y.XmlText).insert(0, '你好') // its parent is B's waiting text
    expect(server.offer(Y.encodeStateAsUpdate(a, before))).toBe('an item follows content the server does not have')
  })

  it("takes an item following another client's held-back item when the same update lets Yjs place that item", () => {
    const server = room()
    const b = new Y.Doc()
    b.clientID = 2
    b.getText('t').insert(0, 'x')
    const first = Y.encodeStateVector(b)
    b.getText('t').insert(1, 'y')
    expect(server.offer(Y.encodeStateAsUpdate(b, first))).toBeNull() // waits for B's 'x'
    // Tab A has B's edits through the browser, types after them, and sends all it has.
    const a = new Y.Doc()
    a.clientID = 1
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    a.getText('t').insert(2, 'z')
    expect(server.offer(Y.encodeStateAsUpdate(a, Y.encodeStateVector(server.doc)))).toBeNull()
    server.settle()
    expect(server.doc.getText('t').toString()).toBe('xyz')
    expect(server.doc.store.pendingStructs).toBeNull()
  })

  it('refuses it too when that parent comes later in the same update (a lower client), past a gap in its clocks', () => {
    const d = new Y.Doc()
    d.clientID = 1
    d.getXmlFragment('f').insert(0, [new Y.XmlText('离线')])
    const offlineState = Y.encodeStateVector(d)
    d.getXmlFragment('f').insert(1, [new Y.XmlText()])
    const keystroke = Y.encodeStateAsUpdate(d, offlineState)
    const c = new Y.Doc()
    c.clientID = 5
    Y.applyUpdate(c, Y.encodeStateAsUpdate(d))
    const before = Y.encodeStateVector(c)
    ;(c.getXmlFragment('f').get(1) as Y.XmlText).insert(0, '你好')
    const both = Y.mergeUpdates([keystroke, Y.encodeStateAsUpdate(c, before)]) // client 5's section first
    expect(room().offer(both)).toBe('an item follows content the server does not have')
  })

  it('refuses an update that would leave more than 10,000 items waiting for content the server does not have', () => {
    // Client 7: clock 0 skipped, then items that follow it, one clock each.
    const waiting = (count: number) => {
      const encoder = encoding.createEncoder()
      for (const n of [1, count + 1, 7, 0]) encoding.writeVarUint(encoder, n)
      encoding.writeUint8(encoder, 10) // skip clock 0
      encoding.writeVarUint(encoder, 1)
      for (let i = 0; i < count; i++) {
        encoding.writeUint8(encoder, 0x80 | 8) // `any` content after an origin
        for (const n of [7, 0, 1]) encoding.writeVarUint(encoder, n) // origin 7:0; one value
        encoding.writeUint8(encoder, 126) // null
      }
      encoding.writeVarUint(encoder, 0) // no deletions
      return encoding.toUint8Array(encoder)
    }
    expect(room().offer(waiting(10_001))).toBe('too many items wait for content the server does not have')
    const server = room()
    expect(server.offer(waiting(10_000))).toBeNull()
    // Another client's keystroke is checked without them.
    const other = new Y.Doc()
    other.getText('t').insert(0, '字')
    expect((server.check(Y.encodeStateAsUpdate(other)) as Placed).placedLater).toEqual([])
  })

  it("refuses an item that follows another client's content the server has not got", () => {
    const other = client(base)
    other.body.insert(2, [paragraph('别人的')])
    const theirs = new Y.Doc()
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(other.doc))
    const text = (theirs.getXmlFragment(bodyFragmentName).get(2) as Y.XmlElement).get(0) as Y.XmlText
    const before = Y.encodeStateVector(theirs)
    text.insert(0, '续')
    expect(room(base).check(Y.encodeStateAsUpdate(theirs, before))).toBe('an item follows content the server does not have')
  })

  it('follows Yjs where an update repeats clocks the doc has: the rest of a run goes after them', () => {
    const server = room()
    const writer = new Y.Doc()
    writer.clientID = 50
    writer.getXmlFragment(bodyFragmentName).insert(0, [new Y.XmlElement('paragraph')])
    expect(server.offer(Y.encodeStateAsUpdate(writer))).toBeNull()
    // Clocks 0–3 of client 50 again, as a string under another root: Yjs would skip clock 0
    // and link 1–3 after the paragraph, into the body, as the trimmed update says.
    const again = handMadeString(50, 0, { root: 'elsewhere' }, '字字字字')
    expect(server.check(again)).toBe('the document body may hold only elements')
    server.settle()
    expect(server.check(again)).toBe('the document body may hold only elements')
    expect(room().check(again)).not.toBeTypeOf('string') // without the paragraph it goes where written
  })

  it('refuses a client written twice: Yjs keeps its last structs, the broadcast merge its first', () => {
    const bad = handMadeString(60, 0, { root: bodyFragmentName }, '字')
    const good = handMadeString(60, 0, { root: 'elsewhere' }, '字')
    const twice = twoSections(good, bad)
    const viaYjs = new Y.Doc()
    Y.applyUpdate(viaYjs, twice)
    const viaMerge = new Y.Doc()
    Y.applyUpdate(viaMerge, Y.mergeUpdates([twice, handMadeString(61, 0, { root: 'elsewhere' }, '另')]))
    expect(viaYjs.getXmlFragment(bodyFragmentName).length).toBe(1)
    expect(viaMerge.getXmlFragment(bodyFragmentName).length).toBe(0)
    expect(room().check(twice)).toBe('clients out of order')
    expect(room().check(twoSections(bad, good))).toBe('clients out of order')
  })

  it('refuses clients in ascending order: the broadcast merge would drop one of them', () => {
    const ascending = twoSections(handMadeString(60, 0, { root: 'a' }, '甲'), handMadeString(61, 0, { root: 'b' }, '乙'))
    const viaYjs = new Y.Doc()
    Y.applyUpdate(viaYjs, ascending)
    const viaMerge = new Y.Doc()
    Y.applyUpdate(viaMerge, Y.mergeUpdates([ascending, handMadeString(59, 0, { root: 'c' }, '丙')]))
    expect(viaYjs.getText('b').toString()).toBe('乙')
    expect(viaMerge.getText('b').toString()).toBe('') // client 61 is gone
    expect(room().check(ascending)).toBe('clients out of order')
    const descending = twoSections(handMadeString(61, 0, { root: 'b' }, '乙'), handMadeString(60, 0, { root: 'a' }, '甲'))
    expect(room().check(descending)).not.toBeTypeOf('string')
  })

  it('takes what Yjs writes and merges: clients in descending order', () => {
    const writers = [3, 1_000_000, 77].map((clientID) => {
      const doc = new Y.Doc()
      doc.clientID = clientID
      doc.getText('notes').insert(0, String(clientID))
      return Y.encodeStateAsUpdate(doc)
    })
    const merged = Y.mergeUpdates(writers)
    const whole = new Y.Doc()
    Y.applyUpdate(whole, merged)
    expect(room().check(merged)).not.toBeTypeOf('string')
    expect(room().check(Y.encodeStateAsUpdate(whole))).not.toBeTypeOf('string')
  })

  it('refuses embeds and types inside a text', () => {
    for (const embed of [{ image: 'a.png' }, new Y.XmlElement('paragraph')]) {
      const writer = client(base)
      const text = (writer.body.get(1) as Y.XmlElement).get(0) as Y.XmlText
      text.insertEmbed(1, embed as Record<string, unknown>)
      expect(room(base).check(writer.updates[0]!)).toBe('a text may hold only text')
    }
  })

  it("refuses an item whose parent is not a type, which Yjs would fail to integrate", () => {
    const server = room(base)
    const stringItem = [...server.doc.store.clients.values()][0]!.find((struct) => struct instanceof Y.Item && struct.content instanceof Y.ContentString)!
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1) // one client
    encoding.writeVarUint(encoder, 1) // one struct
    encoding.writeVarUint(encoder, 99) // client
    encoding.writeVarUint(encoder, 0) // clock
    encoding.writeUint8(encoder, 4) // a string, no origins
    encoding.writeVarUint(encoder, 0) // parent: an item's ID
    encoding.writeVarUint(encoder, stringItem.id.client)
    encoding.writeVarUint(encoder, stringItem.id.clock)
    encoding.writeVarString(encoder, '字')
    encoding.writeVarUint(encoder, 0) // no deletions
    expect(server.check(encoding.toUint8Array(encoder))).toBe("an item's parent is not a type")
  })

  it('trims the clocks the doc has from an item, so what follows garbage-collected content is dropped, not thrown on', () => {
    // Client 7's "学" in the root text, then a GC run at clock 1 (its deleted content).
    const server = room(handMadeString(7, 0, { root: 'text' }, '学', { collectedAfter: 1 }))
    expect(Y.getState(server.doc.store, 7)).toBe(2)
    // Clocks 1–3 as one item: Yjs would link clocks 2–3 after the GC run, and throws.
    const straddling = handMadeString(7, 1, { root: 'text' }, 'abc')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server.doc))
    expect(() => Y.applyUpdate(copy, straddling)).toThrow()
    const placed = server.check(straddling) as Placed
    expect(placed.trimmed).not.toBeNull()
    expect(Y.decodeUpdate(placed.trimmed!).structs.map((struct) => [struct.id.clock, struct.length, (struct as Y.Item).origin?.clock])).toEqual([[2, 2, 1]])
    expect(server.offer(straddling)).toBeNull()
    server.settle()
    expect(Y.getState(server.doc.store, 7)).toBe(4)
    expect(server.doc.getText('text').toString()).toBe('学') // clocks 2–3 dropped with the GC run
    // An update that only adds clocks is stored as it came.
    expect((server.check(handMadeString(7, 4, { root: 'text' }, '习')) as Placed).trimmed).toBeNull()
  })

  it('trims an update that brings the first clocks of an item the doc holds back again', () => {
    const server = room()
    // Clocks 3–5 of client 7: Yjs holds them back until it has 0–2.
    const held = handMadeString(7, 3, { root: 'text' }, 'xyz')
    expect(server.offer(held)).toBeNull()
    server.settle()
    expect(server.doc.store.pendingStructs).not.toBeNull()
    // Clocks 0–3, the last of them garbage-collected: Yjs would link clocks 4–5 of the held
    // item after the GC run, and throws.
    const partly = twoStructs(handMadeString(7, 0, { root: 'text' }, '123'), handMadeGc(7, 3, 1))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, held)
    expect(() => Y.applyUpdate(copy, partly)).toThrow()
    // Taken without clock 3: what was held back first stays.
    expect(server.offer(partly)).toBeNull()
    const stored = server.waiting[0]!
    expect(Y.decodeUpdate(stored).structs.map((struct) => [struct.id.clock, struct.length])).toEqual([[0, 3]])
    server.settle()
    expect(server.doc.store.pendingStructs).toBeNull()
    expect(server.doc.getText('text').toString()).toBe('xyz123')
    const client = new Y.Doc()
    Y.applyUpdate(client, held)
    Y.applyUpdate(client, stored)
    expect(client.getText('text').toString()).toBe('xyz123')
  })

  it('keeps the structs Yjs held back first, not those an update brings with the same clocks', () => {
    const server = room()
    // 9:1 "a" in the root text: held back, the doc has no 9:0.
    const held = handMadeString(9, 1, { root: 't' }, 'a')
    expect(server.offer(held)).toBeNull()
    server.settle()
    // 9:0, then 9:1 again as deleted content in the body, then 9:2 after it: text in the body.
    const encoder = encoding.createEncoder()
    for (const n of [1, 3, 9, 0]) encoding.writeVarUint(encoder, n)
    encoding.writeUint8(encoder, 4) // 9:0, a string in the root text
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, 't')
    encoding.writeVarString(encoder, 'x')
    encoding.writeUint8(encoder, 1) // 9:1, deleted content in the body
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, bodyFragmentName)
    encoding.writeVarUint(encoder, 1)
    encoding.writeUint8(encoder, 0x80 | 4) // 9:2 after 9:1
    for (const n of [9, 1]) encoding.writeVarUint(encoder, n)
    encoding.writeVarString(encoder, 'bc')
    encoding.writeVarUint(encoder, 0)
    const update = encoding.toUint8Array(encoder)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, held)
    Y.applyUpdate(copy, update)
    expect(copy.getArray(bodyFragmentName).toJSON()).toEqual(['b', 'c']) // Yjs would take the update's 9:1
    // Taken without 9:1: "bc" follows the held "a" in the root text, on the server and in clients.
    expect(server.offer(update)).toBeNull()
    const stored = server.waiting[0]!
    server.settle()
    expect(server.doc.getText('t').toString()).toBe('abcx')
    expect(server.doc.getXmlFragment(bodyFragmentName).length).toBe(0)
    const merged = new Y.Doc()
    Y.applyUpdate(merged, held)
    Y.applyUpdate(merged, Y.mergeUpdates([stored, handMadeString(8, 0, { root: 'other' }, '另')]))
    expect(merged.getText('t').toString()).toBe('abcx')
  })

  it("takes a client's sync step 2 that repeats another client's held-back keystroke whole, as stock clients send it", () => {
    const server = room()
    // Client 9's keystroke arrived before the offline edits (clocks 0–2) it follows: held back.
    const keystroke = handMadeString(9, 3, { root: 't' }, '!')
    expect(server.offer(keystroke)).toBeNull()
    server.settle()
    // Client 5 got it too, and its step 2 carries it back (Yjs encodes pending structs) with its own edits.
    expect(server.offer(twoSections(keystroke, handMadeString(5, 0, { root: 't' }, '离线')))).toBeNull()
  })

  it('forgets an update that was not stored, so that a resend is taken whole', () => {
    const server = room(base)
    const writer = client(base)
    writer.body.insert(2, [paragraph('三')])
    const update = writer.updates.shift()!
    const placed = server.check(update) as Placed
    server.guard.remember(placed)
    // Remembered: a resend of the same clocks is known already, nothing new in it.
    expect((server.check(update) as Placed).structs).toEqual([])
    server.guard.forget(placed)
    const again = server.check(update) as Placed
    expect(again.trimmed).toBeNull()
    expect(again.structs.length).toBe(placed.structs.length)
  })

  it(`takes only updates Y.applyUpdate applies whole, leaving a doc that encodes, on mutated updates (${rerun})`, () => {
    const random = seededRandom(seed)
    let taken = 0
    let refused = 0
    for (let round = 0; round < 20; round++) {
      const originals = realUpdates(random, 30)
      for (const [i, original] of originals.entries()) {
        for (let m = 0; m < 20; m++) {
          const update = mutateUpdate(original, random)
          // A room holding what came before (applied, or some of it still waiting).
          const before = originals.slice(0, Math.min(i, originals.length - 3))
          const server = room()
          for (const earlier of before.slice(0, -2)) Y.applyUpdate(server.doc, earlier)
          for (const earlier of before.slice(-2)) server.offer(earlier)
          if (server.offer(update) !== null) {
            refused++
            continue
          }
          const where = `bytes [${update.join(',')}] after ${i} updates (${rerun})`
          // A client that has what the doc has applies what waits one update at a time.
          const client = new Y.Doc()
          Y.applyUpdate(client, Y.encodeStateAsUpdate(server.doc))
          expect(() => server.waiting.forEach((stored) => Y.applyUpdate(client, stored)), where).not.toThrow()
          expect(() => server.settle(), where).not.toThrow()
          for (const doc of [server.doc, client]) expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc)), where).not.toThrow()
          taken++
        }
      }
    }
    // Both sides of the line, or the test proves little.
    expect(taken).toBeGreaterThan(600)
    expect(refused).toBeGreaterThan(600)
  })

  it(`keeps the server and every client whole and the body editable, on arbitrary updates, failed appends included (${rerun})`, () => {
    const random = seededRandom(seed)
    let taken = 0
    for (let round = 0; round < 2500; round++) {
      const doc = new Y.Doc()
      const guard = new BodyGuard(doc)
      let pending: { data: Uint8Array; placed: Placed }[] = []
      let sent: Uint8Array[] = []
      const batches: Uint8Array[][] = []
      const settle = () => {
        const updates = sent.splice(0)
        doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)))
        guard.applied(pending.length === 0)
      }
      // As DocumentRoom: taken, then stored in a batch (or not: forgotten), sent, and applied later.
      const durable = (failing: number) => {
        const batch: Uint8Array[] = []
        for (const { data, placed } of pending) {
          if (random() < failing) guard.forget(placed)
          else batch.push(data)
        }
        pending = []
        if (batch.length > 0) batches.push(batch)
        sent.push(...batch)
      }
      const offered: Uint8Array[] = []
      try {
        for (let step = 3 + Math.floor(random() * 4); step > 0; step--) {
          const update = arbitraryUpdate(random)
          offered.push(update)
          const placed = guard.check(update)
          if (typeof placed !== 'string') {
            guard.remember(placed)
            pending.push({ data: placed.trimmed ?? update, placed })
          }
          if (random() < 0.5) durable(0.2)
          if (random() < 0.3) settle()
        }
        durable(0)
        settle()
      } catch (error) {
        expect.fail(`the server threw ${String(error)} on ${JSON.stringify(offered.map((update) => [...update]))} (${rerun})`)
      }
      const where = `offered ${JSON.stringify(offered.map((update) => [...update]))} (${rerun})`
      // Clients apply each stored update on its own, or each batch merged as broadcast.
      const oneByOne = new Y.Doc()
      const merged = new Y.Doc()
      expect(() => batches.flat().forEach((update) => Y.applyUpdate(oneByOne, update)), where).not.toThrow()
      expect(() => batches.forEach((batch) => Y.applyUpdate(merged, Y.mergeUpdates(batch))), where).not.toThrow()
      for (const each of [doc, oneByOne, merged]) {
        expect(bodyProblem(each), where).toBeNull()
        expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(each)), where).not.toThrow()
        expect(whatDocHolds(each), where).toEqual(whatDocHolds(doc))
      }
      taken += batches.flat().length
    }
    expect(taken).toBeGreaterThan(1000)
  })

  it("refuses what the editor's schema lacks where the editor reads, wherever the update places it from", () => {
    const server = room(base)
    const writer = client(base)
    const offer = (write: () => void) => {
      write()
      return server.offer(writer.updates.shift()!)
    }
    // Each refused update is one more the writer builds on, as a raw client would: undo it there.
    const refused = (write: () => void) => {
      const before = Y.encodeStateAsUpdate(writer.doc)
      const refusal = offer(write)
      const fresh = client(before)
      writer.doc = fresh.doc
      writer.body = fresh.body
      writer.updates = fresh.updates
      return refusal
    }
    const element = (index: number) => writer.body.get(index) as Y.XmlElement
    const textOf = (index: number) => element(index).get(0) as Y.XmlText
    // Under an element the doc has, after content of its own (placed by its left neighbour).
    expect(refused(() => element(1).insert(1, [new Y.XmlElement('heading')]))).toBe('a paragraph may not hold a heading')
    expect(refused(() => writer.body.insert(2, [new Y.XmlElement('script')]))).toBe('no element is named "script"')
    expect(refused(() => writer.body.insert(0, [new Y.XmlElement('listItem')]))).toBe('the document body may not hold a listItem')
    expect(refused(() => textOf(1).format(0, 2, { link: { href: 'x' } }))).toBe('no mark is named "link"')
    expect(server.waiting).toEqual([])

    // What the editor writes: a list in the body, a quote, marks (hashed or not), a break.
    expect(
      offer(() => {
        const list = new Y.XmlElement('bulletList')
        const item = new Y.XmlElement('listItem')
        item.insert(0, [paragraph('第一条')])
        list.insert(0, [item])
        const quote = new Y.XmlElement('blockquote')
        quote.insert(0, [paragraph('引文')])
        writer.body.insert(2, [list, quote])
      }),
    ).toBeNull()
    expect(offer(() => textOf(1).format(0, 2, { bold: {}, 'suggestionInsert--AbCd12+/': { id: 's1' } }))).toBeNull()
    expect(offer(() => element(1).insert(1, [new Y.XmlElement('hardBreak')]))).toBeNull()
    // XML under names the schema lacks is not judged (nor is it the editor's).
    expect(
      offer(() => {
        const loose = new Y.XmlElement('script')
        loose.insert(0, [new Y.XmlElement('段落')])
        writer.doc.getMap('meta').set('xml', loose)
      }),
    ).toBeNull()
  })

  it("does not ask the schema's rules of an update another instance stored: it judged it, perhaps by another build", () => {
    const guard = new BodyGuard(new Y.Doc())
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getXmlFragment(bodyFragmentName).insert(0, [new Y.XmlElement('script')])
    expect(guard.check(updates[0]!)).toBe('no element is named "script"')
    expect(guard.note(updates[0]!)).toBe(updates[0])
    doc.getXmlFragment(bodyFragmentName).insert(1, [new Y.XmlText('顶层')])
    expect(guard.note(updates[1]!)).toBe('the document body may hold only elements')
  })

  it('lets content be added under an element the schema lacks that a document holds from before: the editor drops it whole', () => {
    const legacy = new Y.Doc()
    Y.applyUpdate(legacy, base)
    const old = new Y.XmlElement('段落')
    old.insert(0, [new Y.XmlText('旧')])
    legacy.getXmlFragment(bodyFragmentName).insert(2, [old])
    const state = Y.encodeStateAsUpdate(legacy)
    const server = room(state)
    const writer = client(state)
    ;((writer.body.get(2) as Y.XmlElement).get(0) as Y.XmlText).insert(1, '文')
    expect(server.offer(writer.updates.shift()!)).toBeNull()
  })

  it('keeps, of what waits, what the doc does not hold yet', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, base)
    const guard = new BodyGuard(doc)
    const writer = client(base)
    writer.body.insert(2, [paragraph('一')])
    writer.body.insert(3, [paragraph('二')])
    const [first, second] = writer.updates.splice(0)
    for (const update of [first!, second!]) guard.remember(guard.check(update) as Placed)
    Y.applyUpdate(doc, first!)
    guard.applied(false) // the second still waits
    ;(writer.body as unknown as Y.Array<unknown>).insert(4, [7])
    expect(guard.check(writer.updates.shift()!)).toMatch(/body may hold only/)
    const afterFirst = new Y.Doc()
    Y.applyUpdate(afterFirst, Y.encodeStateAsUpdate(doc))
    afterFirst.getXmlFragment(bodyFragmentName).insert(3, [new Y.XmlText('三')])
    expect(guard.check(Y.encodeStateAsUpdate(afterFirst, Y.encodeStateVector(doc)))).toMatch(/body may hold only/)
  })
})

/** What a doc holds, to compare docs by: the clocks it has of each client and what its roots show (empty roots left out). */
function whatDocHolds(doc: Y.Doc): unknown {
  const shown = (type: Y.AbstractType<any>): unknown[] => {
    const list: unknown[] = []
    for (let item = type._start; item; item = item.right) if (!item.deleted) list.push(...contentShown(item.content))
    const map = [...type._map].filter(([, item]) => !item.deleted).map(([key, item]) => [key, contentShown(item.content)])
    return list.length + map.length === 0 ? [] : [list, map.sort()]
  }
  const contentShown = (content: Y.Item['content']): unknown[] => {
    if (content instanceof Y.ContentType) return [shown(content.type)]
    if (content instanceof Y.ContentFormat) return [{ [content.key]: content.value }]
    return content.getContent()
  }
  const roots = [...doc.share.keys()].sort().map((name) => [name, shown(doc.share.get(name)!)]).filter(([, root]) => (root as unknown[]).length > 0)
  return { state: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(), roots }
}

/** What in the body the editor could not show: y-tiptap throws on it. */
function bodyProblem(doc: Y.Doc): string | null {
  const live = (type: Y.AbstractType<any>) => {
    const items: Y.Item[] = []
    for (let item = type._start; item; item = item.right) if (!item.deleted) items.push(item)
    return items
  }
  const typeOf = (item: Y.Item) => (item.content instanceof Y.ContentType ? item.content.type : null)
  const walk = (type: Y.AbstractType<any>, inBody: boolean): string | null => {
    for (const item of live(type)) {
      const child = typeOf(item)
      if (child instanceof Y.XmlElement) {
        const problem = walk(child, false)
        if (problem) return problem
      } else if (child instanceof Y.XmlText && !inBody) {
        if (live(child).some((text) => !(text.content instanceof Y.ContentString || text.content instanceof Y.ContentFormat))) return 'a text holds more than text'
      } else return `${inBody ? 'the body' : 'an element'} holds ${item.content.constructor.name}`
    }
    return null
  }
  const body = doc.share.get(bodyFragmentName)
  return body ? walk(body, true) : null
}

/** A GC run of `client` from `clock`: content Yjs has dropped. */
function handMadeGc(client: number, clock: number, length: number): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const n of [1, 1, client, clock]) encoding.writeVarUint(encoder, n) // one client, one struct
  encoding.writeUint8(encoder, 0) // GC
  encoding.writeVarUint(encoder, length)
  encoding.writeVarUint(encoder, 0) // no deletions
  return encoding.toUint8Array(encoder)
}

/** The structs of two one-struct updates of one client (the second following on), as one update. */
function twoStructs(first: Uint8Array, second: Uint8Array): Uint8Array {
  const merged = Y.mergeUpdates([first, second])
  expect(Y.decodeUpdate(merged).structs).toHaveLength(2)
  return merged
}

/** The sections of two one-section updates (as {@link handMadeString} writes them) in one update. */
function twoSections(first: Uint8Array, second: Uint8Array): Uint8Array {
  const body = (update: Uint8Array) => update.subarray(1, update.length - 1) // drop the client count and the empty delete set
  return Uint8Array.from([2, ...body(first), ...body(second), 0])
}
