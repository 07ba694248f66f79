import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { handMadeString } from '../testing/handMadeString.ts'
import { seededRandom } from '../testing/random.ts'
import { realUpdates } from '../testing/realUpdates.ts'
import { withoutClocks, type ClockRange } from './withoutClocks.ts'

const seed = Number(process.env.SEED ?? Date.now() % 100_000)
const rerun = `seed ${seed}; rerun with SEED=${seed}`

describe('withoutClocks', () => {
  it(`writes what Y.diffUpdate writes for the clocks below a state vector (${rerun})`, () => {
    const random = seededRandom(seed)
    let compared = 0
    for (const update of realUpdates(random, 300)) {
      const state = new Map<number, number>()
      for (const struct of Y.decodeUpdate(update).structs) {
        if (random() < 0.7) state.set(struct.id.client, struct.id.clock + Math.floor(random() * (struct.length + 1)))
      }
      const ours = withoutClocks(update, (client) => [{ clock: 0, end: state.get(client) ?? 0 }])
      expect([...ours], rerun).toEqual([...Y.diffUpdate(update, Y.encodeStateVector(state))])
      compared++
    }
    expect(compared).toBeGreaterThan(250)
  })

  it(`leaves every clock it is not told to drop as the update wrote it, on random ranges (${rerun})`, () => {
    const random = seededRandom(seed + 1)
    for (const update of realUpdates(random, 300)) {
      const ranges = new Map<number, ClockRange[]>()
      for (const struct of Y.decodeUpdate(update).structs) {
        let clock = struct.id.clock
        const list: ClockRange[] = []
        while (random() < 0.5) {
          clock += Math.floor(random() * 4)
          const end = clock + 1 + Math.floor(random() * 3)
          list.push({ clock, end })
          clock = end + 1
        }
        ranges.set(struct.id.client, [...(ranges.get(struct.id.client) ?? []), ...list])
      }
      // Sorted, and none overlapping the one kept before it.
      for (const [client, list] of ranges) {
        const kept: ClockRange[] = []
        for (const range of list.sort((a, b) => a.clock - b.clock)) if (range.clock >= (kept.at(-1)?.end ?? 0)) kept.push(range)
        ranges.set(client, kept)
      }
      const dropped = (client: number, clock: number) => (ranges.get(client) ?? []).some((range) => range.clock <= clock && clock < range.end)
      const result = withoutClocks(update, (client) => ranges.get(client) ?? [])
      const expected = [...perClock(update)].filter(([key]) => !dropped(...(key.split(':').map(Number) as [number, number])))
      expect(Object.fromEntries(perClock(result)), rerun).toEqual(Object.fromEntries(expected))
      expect(Y.decodeUpdate(result).ds, rerun).toEqual(Y.decodeUpdate(update).ds)
    }
  })

  it('cuts a string item in three, the middle left out as a skip', () => {
    const update = handMadeString(5, 0, { root: 'notes' }, '学习心得')
    const result = withoutClocks(update, () => [{ clock: 1, end: 3 }])
    const { structs } = Y.decodeUpdate(result)
    expect(structs.map((struct) => [struct.constructor.name, struct.id.clock, struct.length])).toEqual([
      ['Item', 0, 1],
      ['Skip', 1, 2],
      ['Item', 3, 1],
    ])
    expect((structs[2] as Y.Item).origin).toEqual(Y.createID(5, 2))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, withoutClocks(update, () => [{ clock: 3, end: 4 }]))
    expect(doc.getText('notes').toString()).toBe('学习心')
  })

  it('leaves out a client with no clocks left', () => {
    const writer = new Y.Doc()
    writer.clientID = 3
    writer.getText('t').insert(0, 'ab')
    const result = withoutClocks(Y.encodeStateAsUpdate(writer), () => [{ clock: 0, end: 2 }])
    expect([...result]).toEqual([0, 0])
  })
})

/** Each clock of an update's items and GC runs, as Yjs would see it after splitting them there. */
function perClock(update: Uint8Array): Map<string, unknown> {
  const clocks = new Map<string, unknown>()
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Skip) continue
    for (let offset = 0; offset < struct.length; offset++) {
      const { client, clock } = struct.id
      if (struct instanceof Y.GC) {
        clocks.set(`${client}:${clock + offset}`, 'gc')
        continue
      }
      const content = struct.content
      const origin = offset > 0 ? Y.createID(client, clock + offset - 1) : struct.origin
      const parent = origin === null && struct.rightOrigin === null ? [struct.parent, struct.parentSub] : null
      // (A subdoc's content is a new Y.Doc each time: its guid and options tell it; a type, its
      // kind and name (its getters would warn: it is in no doc). A surrogate pair cut in two
      // becomes two U+FFFD, as where Yjs splits one.)
      let shown =
        content instanceof Y.ContentDeleted
          ? 'deleted'
          : content instanceof Y.ContentDoc
            ? [content.doc!.guid, content.opts]
            : content instanceof Y.ContentType
              ? [content.type.constructor.name, content.type instanceof Y.XmlElement ? content.type.nodeName : null]
              : content.getContent()[offset]
      if (content instanceof Y.ContentString && /[\uD800-\uDFFF]/.test(shown)) shown = '\uFFFD'
      clocks.set(`${client}:${clock + offset}`, { origin, rightOrigin: struct.rightOrigin, parent, ref: content.getRef(), shown })
    }
  }
  return clocks
}
