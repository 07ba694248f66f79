import { execFileSync } from 'node:child_process'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mutateUpdate } from '../testing/mutateUpdate.ts'
import { seededRandom } from '../testing/random.ts'
import { realUpdates } from '../testing/realUpdates.ts'
import { maxAnyDepth, readUpdate, type StructId, type UpdateGap, type UpdateItem } from './readUpdate.ts'

const seed = Number(process.env.SEED ?? Date.now() % 100_000)
const rerun = `seed ${seed}; rerun with SEED=${seed}`

/** True when `update` is a whole Yjs update as readUpdate reads it: no error, and no bytes after it (BodyGuard's first question). */
function isWellFormedUpdate(update: Uint8Array): boolean {
  try {
    return readUpdate(update) === update.length
  } catch {
    return false
  }
}

/** Where Yjs' decoder ends: the shortest prefix it reads without error (it ignores what follows). */
function yjsEnd(update: Uint8Array): number | null {
  if (!yjsReads(update)) return null
  let low = 0
  let high = update.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (yjsReads(update.subarray(0, mid))) high = mid
    else low = mid + 1
  }
  return low
}

function yjsReads(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

/**
 * What readUpdate refuses beyond Yjs' decoder, judged from what the decoder built: a struct
 * or a deletion of no length, an item that refers to its own client at or after itself, a
 * client or clock past 2^53 - 1.
 */
function tripsApply(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  const unsafe = (...values: number[]) => values.some((value) => value > Number.MAX_SAFE_INTEGER)
  const refers = (item: Y.Item, id: Y.ID | null | unknown) =>
    id instanceof Y.ID && ((id.client === item.id.client && id.clock >= item.id.clock) || unsafe(id.client, id.clock))
  for (const struct of structs) {
    if (struct.length === 0 || unsafe(struct.id.client, struct.id.clock + struct.length)) return true
    if (struct instanceof Y.Item && (refers(struct, struct.origin) || refers(struct, struct.rightOrigin) || refers(struct, struct.parent))) return true
  }
  return [...ds.clients].some(([client, ranges]) => unsafe(client) || ranges.some((range) => range.len === 0 || unsafe(range.clock + range.len)))
}

function ourEnd(update: Uint8Array): number | null {
  try {
    return readUpdate(update)
  } catch {
    return null
  }
}

/** A root-level item with content `ref` written by `write`, for content kinds editors never send. */
function handMade(ref: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // one client
  encoding.writeVarUint(encoder, 1) // one struct
  encoding.writeVarUint(encoder, 7) // client
  encoding.writeVarUint(encoder, 0) // clock
  encoding.writeUint8(encoder, ref)
  encoding.writeVarUint(encoder, 1) // parent is a root type
  encoding.writeVarString(encoder, 'list')
  write(encoder)
  encoding.writeVarUint(encoder, 0) // empty delete set
  return encoding.toUint8Array(encoder)
}

describe('readUpdate', () => {
  it(`reads every update Yjs writes to its end (${rerun})`, () => {
    const random = seededRandom(seed)
    let checked = 0
    for (let round = 0; round < 20; round++) {
      for (const update of realUpdates(random, 60)) {
        expect(readUpdate(update), `update ${checked} (${rerun})`).toBe(update.length)
        expect(isWellFormedUpdate(update)).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it(`tells its visitor of every struct what Y.decodeUpdate builds of it (${rerun})`, () => {
    const random = seededRandom(seed)
    const idOf = (id: Y.ID | null) => (id ? { client: id.client, clock: id.clock } : null)
    const contentRef = (content: Y.Item['content']) => (content as unknown as { getRef(): number }).getRef()
    let structs = 0
    for (let round = 0; round < 10; round++) {
      for (const update of realUpdates(random, 60)) {
        const seen: (UpdateItem | UpdateGap)[] = []
        readUpdate(update, { section: () => {}, item: (item) => seen.push(item), gap: (gap) => seen.push(gap) })
        const expected = Y.decodeUpdate(update).structs.map((struct) => {
          if (!(struct instanceof Y.Item)) return { client: struct.id.client, clock: struct.id.clock, length: struct.length, gone: struct instanceof Y.GC }
          const parent = struct.parent as unknown
          return {
            client: struct.id.client,
            clock: struct.id.clock,
            length: struct.length,
            origin: idOf(struct.origin),
            rightOrigin: idOf(struct.rightOrigin),
            parent: struct.origin || struct.rightOrigin ? null : typeof parent === 'string' ? parent : idOf(parent as Y.ID),
            parentSub: struct.origin || struct.rightOrigin ? null : struct.parentSub,
            content: contentRef(struct.content),
            type: struct.content instanceof Y.ContentType ? typeNumber(struct.content) : -1,
            name: nameOf(struct.content),
            ...(struct.content instanceof Y.ContentFormat ? { value: struct.content.value } : {}),
          } satisfies UpdateItem & StructId
        })
        expect(seen, rerun).toEqual(expected)
        structs += seen.length
      }
    }
    expect(structs).toBeGreaterThan(1000)
  })

  it(`accepts what Y.decodeUpdate accepts, but for what would trip Y.applyUpdate, and ends where it ends, on mutated updates (${rerun})`, () => {
    const random = seededRandom(seed)
    let accepted = 0
    let rejected = 0
    let tripping = 0
    for (let round = 0; round < 40; round++) {
      const originals = realUpdates(random, 30)
      for (const original of originals) {
        for (let m = 0; m < 8; m++) {
          const update = mutateUpdate(original, random)
          const yjs = yjsEnd(update)
          const trips = yjs !== null && tripsApply(update)
          const expected = trips ? null : yjs
          const where = `bytes [${update.join(',')}] (${rerun})`
          expect(ourEnd(update), where).toBe(expected)
          if (trips) tripping++
          if (expected === null) rejected++
          else accepted++
        }
      }
    }
    // The mutations must reach both sides of the line, or the comparison proves little.
    expect(accepted).toBeGreaterThan(800)
    expect(rejected).toBeGreaterThan(800)
    expect(tripping).toBeGreaterThan(20)
  })

  it('refuses what Yjs decodes but cannot apply: empty structs and deletions, items after themselves', () => {
    type Write = (encoder: encoding.Encoder) => void
    /** Client 7's "学" at clock 0 in the root type `list`, then what `write` writes from clock 1 on, then `deletions` of client 7. */
    const update = (write: Write | Write[], deletions: [number, number][] = []) => {
      const writes = [write].flat()
      const encoder = encoding.createEncoder()
      for (const n of [1, 1 + writes.length, 7, 0]) encoding.writeVarUint(encoder, n)
      string('学')(encoder)
      for (const each of writes) each(encoder)
      encoding.writeVarUint(encoder, deletions.length > 0 ? 1 : 0)
      if (deletions.length > 0) {
        encoding.writeVarUint(encoder, 7)
        encoding.writeVarUint(encoder, deletions.length)
        for (const [clock, length] of deletions) {
          encoding.writeVarUint(encoder, clock)
          encoding.writeVarUint(encoder, length)
        }
      }
      return encoding.toUint8Array(encoder)
    }
    /** A string item: `info` bits say which `ids` (origin, right origin) follow; without them its parent is `list`. */
    const string = (text: string, info = 0, ids: [number, number][] = []) => (encoder: encoding.Encoder) => {
      encoding.writeUint8(encoder, 4 | info)
      for (const [client, clock] of ids) {
        encoding.writeVarUint(encoder, client)
        encoding.writeVarUint(encoder, clock)
      }
      if (ids.length === 0) {
        encoding.writeVarUint(encoder, 1)
        encoding.writeVarString(encoder, 'list')
      }
      encoding.writeVarString(encoder, text)
    }
    const cases = {
      'an empty string': update(string('')),
      'an empty GC': update((encoder) => {
        encoding.writeUint8(encoder, 0)
        encoding.writeVarUint(encoder, 0)
      }),
      'an empty deletion': update(string('习'), [[0, 0]]),
      'an origin at its own clock': update(string('习', 0x80, [[7, 1]])),
      'a right origin after itself': update(string('习', 0x40, [[7, 5]])),
      'a parent after itself': update((encoder) => {
        encoding.writeUint8(encoder, 4)
        encoding.writeVarUint(encoder, 0) // parent by ID
        encoding.writeVarUint(encoder, 7)
        encoding.writeVarUint(encoder, 1)
        encoding.writeVarString(encoder, '习')
      }),
    }
    for (const [name, bytes] of Object.entries(cases)) {
      expect(yjsReads(bytes), name).toBe(true)
      expect(isWellFormedUpdate(bytes), name).toBe(false)
    }
    // The same shapes, made sound, are taken: an origin before itself, a deletion of one.
    expect(isWellFormedUpdate(update(string('习', 0x80, [[7, 0]])))).toBe(true)
    expect(isWellFormedUpdate(update(string('习'), [[0, 1]]))).toBe(true)
    // Counted in UTF-16 units, as Yjs counts: "😀" takes clocks 1 and 2, so clock 3 is after it.
    const afterEmoji = (originClock: number) => update([string('😀', 0x80, [[7, 0]]), string('习', 0x80, [[7, originClock]])])
    expect(isWellFormedUpdate(afterEmoji(2))).toBe(true)
    expect(isWellFormedUpdate(afterEmoji(3))).toBe(false)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, afterEmoji(2))
    expect(doc.getArray('list').toArray().join('')).toBe('学😀习')

    // Client 59,210,306,482,563,140 (≈ 2^55.7, a varint lib0 reads) setting meta.b at clock 216,
    // as the test above found it: Yjs holds it pending, then writes the doc as bytes lib0 refuses.
    const hugeClient = Uint8Array.from([1, 1, 196, 208, 189, 167, 220, 238, 150, 105, 216, 1, 40, 1, 4, 109, 101, 116, 97, 1, 98, 1, 125, 133, 166, 181, 7, 0])
    const holder = new Y.Doc()
    Y.applyUpdate(holder, hugeClient)
    expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(holder))).toThrow('Integer out of Range')
    expect(isWellFormedUpdate(hugeClient)).toBe(false)
  })

  it('rejects trailing bytes, which Yjs would ignore', () => {
    const update = realUpdates(seededRandom(1), 5)[0]!
    const padded = Uint8Array.from([...update, 0])
    expect(yjsReads(padded)).toBe(true)
    expect(isWellFormedUpdate(padded)).toBe(false)
  })

  it(`checks strings as UTF-8 exactly as lib0's fatal decoder does (${rerun})`, () => {
    const random = seededRandom(seed)
    const edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff]
    const strict = new TextDecoder('utf-8', { fatal: true })
    let valid = 0
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(random() * 6)
      const bytes = Uint8Array.from({ length }, () => (random() < 0.7 ? edges[Math.floor(random() * edges.length)]! : Math.floor(random() * 256)))
      let decodes = true
      try {
        strict.decode(bytes)
      } catch {
        decodes = false
      }
      if (decodes) valid++
      const update = handMade(4, (encoder) => encoding.writeVarUint8Array(encoder, bytes))
      // An empty string is refused for its length (see the test above), not its encoding.
      expect(isWellFormedUpdate(update), `string bytes [${bytes.join(',')}] (${rerun})`).toBe(decodes && length > 0)
      expect(yjsReads(update)).toBe(decodes)
    }
    expect(valid).toBeGreaterThan(1000)
  })

  it('reads the legacy JSON content and checks its JSON as Yjs does', () => {
    const json = (values: string[]) =>
      handMade(2, (encoder) => {
        encoding.writeVarUint(encoder, values.length)
        for (const value of values) encoding.writeVarString(encoder, value)
      })
    for (const values of [['{"a":1}', 'undefined', '"文"'], ['[1,2']]) {
      const update = json(values)
      expect(isWellFormedUpdate(update), values.join(' ')).toBe(yjsReads(update))
    }
    // No values: no length, refused like every empty struct.
    expect(yjsReads(json([]))).toBe(true)
    expect(isWellFormedUpdate(json([]))).toBe(false)
    expect(isWellFormedUpdate(json(['{"a":1}', 'undefined']))).toBe(true)
    expect(isWellFormedUpdate(json(['[1,2']))).toBe(false)
  })

  it('rejects a subdocument without options, as Yjs does', () => {
    const subdocument = (options: unknown) =>
      handMade(9, (encoder) => {
        encoding.writeVarString(encoder, 'guid')
        encoding.writeAny(encoder, options as never)
      })
    for (const options of [null, undefined, {}, { autoLoad: true }, 'text', 3]) {
      const update = subdocument(options)
      expect(isWellFormedUpdate(update), String(options)).toBe(yjsReads(update))
    }
    expect(isWellFormedUpdate(subdocument(null))).toBe(false)
  })

  it('rejects values nested deeper than Yjs can safely recurse, as any or as JSON', () => {
    const arrays = (depth: number) => {
      let value: unknown = { level: depth }
      for (let i = 1; i < depth; i++) value = i % 2 ? [value] : { inner: value, note: '"[{' }
      return value
    }
    const asAny = (depth: number) =>
      handMade(8, (encoder) => {
        encoding.writeVarUint(encoder, 1)
        encoding.writeAny(encoder, arrays(depth) as never)
      })
    const asEmbed = (depth: number) => handMade(5, (encoder) => encoding.writeVarString(encoder, JSON.stringify(arrays(depth))))
    const asFormat = (depth: number) =>
      handMade(6, (encoder) => {
        encoding.writeVarString(encoder, 'link')
        encoding.writeVarString(encoder, JSON.stringify(arrays(depth)))
      })
    const asJson = (depth: number) =>
      handMade(2, (encoder) => {
        encoding.writeVarUint(encoder, 1)
        encoding.writeVarString(encoder, JSON.stringify(arrays(depth)))
      })
    for (const make of [asAny, asEmbed, asFormat, asJson]) {
      // As deep as allowed: stored, applied, and the doc still encodes and serialises.
      const deepest = make(maxAnyDepth)
      expect(isWellFormedUpdate(deepest), make.name).toBe(true)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, deepest)
      expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(deepest.length / 2)
      doc.getArray('list').toJSON()
      // One deeper: Yjs would take it, the server does not.
      expect(yjsReads(make(maxAnyDepth + 1)), make.name).toBe(true)
      expect(isWellFormedUpdate(make(maxAnyDepth + 1)), make.name).toBe(false)
    }
  })

  it('refuses, when NODE_ENV is development, the byte arrays Yjs would fail to freeze', () => {
    const withBytes = handMade(8, (encoder) => {
      encoding.writeVarUint(encoder, 1)
      encoding.writeAny(encoder, { bytes: new Uint8Array([1]) })
    })
    const script = `
      import * as Y from 'yjs'
      import { readUpdate } from ${JSON.stringify(new URL('./readUpdate.ts', import.meta.url).pathname)}
      const update = Uint8Array.from(${JSON.stringify([...withBytes])})
      let yjs = true
      try { Y.decodeUpdate(update) } catch { yjs = false }
      let ours = true
      try { ours = readUpdate(update) === update.length } catch { ours = false }
      console.log(JSON.stringify({ yjs, ours }))`
    const run = (nodeEnv: string) =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          cwd: import.meta.dirname,
          env: { ...process.env, NODE_ENV: nodeEnv },
          encoding: 'utf8',
        }),
      ) as { yjs: boolean; ours: boolean }
    expect(run('development')).toEqual({ yjs: false, ours: false })
    // This process is not in development mode: both take it.
    expect(yjsReads(withBytes)).toBe(true)
    expect(isWellFormedUpdate(withBytes)).toBe(true)
  })

  it('rejects integers past 2^53 where lib0 does', () => {
    const huge = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0, 0])
    expect(yjsReads(huge)).toBe(false)
    expect(isWellFormedUpdate(huge)).toBe(false)
  })
})

/** The type ref Yjs writes for a type's content (YArray 0 … YXmlText 6). */
function typeNumber(content: Y.ContentType): number {
  const type = content.type
  if (type instanceof Y.XmlElement) return 3
  if (type instanceof Y.XmlHook) return 5
  if (type instanceof Y.XmlText) return 6
  if (type instanceof Y.XmlFragment) return 4
  if (type instanceof Y.Text) return 2
  if (type instanceof Y.Map) return 1
  return 0
}

/** An XML element's node name, an XML hook's name, a format's key: what readUpdate reads as `name`. */
function nameOf(content: Y.Item['content']): string | null {
  if (content instanceof Y.ContentFormat) return content.key
  if (!(content instanceof Y.ContentType)) return null
  if (content.type instanceof Y.XmlElement) return content.type.nodeName
  return content.type instanceof Y.XmlHook ? content.type.hookName : null
}
