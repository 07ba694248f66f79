import * as encoding from 'lib0/encoding'

/**
 * A Yjs update that decodes, written struct by struct at random: one or two of three clients,
 * clocks and references among the first few, any content kind, GC runs, skips and a deletion.
 * Few enough clients and clocks that a handful of such updates keep meeting: repeated and
 * partly repeated clocks, references to content not there yet or garbage-collected, parents
 * that are no types. What no editor writes, and what a server must not let break a document.
 */
export function arbitraryUpdate(random: () => number): Uint8Array {
  const int = (n: number) => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const clients = [1, 2, 3]
  const encoder = encoding.createEncoder()
  const id = () => {
    encoding.writeVarUint(encoder, pick(clients))
    encoding.writeVarUint(encoder, int(9))
  }
  const sections = [...clients].sort(() => random() - 0.5).slice(0, 1 + int(2))
  encoding.writeVarUint(encoder, sections.length)
  for (const client of sections) {
    const count = 1 + int(3)
    for (const n of [count, client, int(7)]) encoding.writeVarUint(encoder, n)
    for (let s = 0; s < count; s++) {
      const kind = int(10)
      if (kind < 2) {
        encoding.writeUint8(encoder, kind === 0 ? 0 : 10) // GC or skip
        encoding.writeVarUint(encoder, 1 + int(kind === 0 ? 3 : 2))
        continue
      }
      // deleted, string, embed, format, type, any
      const ref = pick([1, 4, 4, 4, 5, 6, 7, 7, 8])
      const origin = random() < 0.5
      const rightOrigin = random() < 0.3
      const parentSub = !origin && !rightOrigin && random() < 0.2
      encoding.writeUint8(encoder, ref | (origin ? 0x80 : 0) | (rightOrigin ? 0x40 : 0) | (parentSub ? 0x20 : 0))
      if (origin) id()
      if (rightOrigin) id()
      if (!origin && !rightOrigin) {
        if (random() < 0.6) {
          encoding.writeVarUint(encoder, 1)
          encoding.writeVarString(encoder, pick(['default', 't', 'm']))
        } else {
          encoding.writeVarUint(encoder, 0)
          id()
        }
        if (parentSub) encoding.writeVarString(encoder, pick(['k', 'level']))
      }
      if (ref === 1) encoding.writeVarUint(encoder, 1 + int(3))
      else if (ref === 4) encoding.writeVarString(encoder, pick(['a', '学习', 'xyz']))
      else if (ref === 5) encoding.writeVarString(encoder, '{"image":"a.png"}')
      else if (ref === 6) {
        encoding.writeVarString(encoder, 'bold')
        encoding.writeVarString(encoder, pick(['true', 'null']))
      } else if (ref === 7) {
        // YArray, YMap, YText, YXmlElement + name, YXmlFragment, YXmlText
        const type = pick([0, 1, 2, 3, 3, 4, 6, 6])
        encoding.writeVarUint(encoder, type)
        if (type === 3) encoding.writeVarString(encoder, 'paragraph')
      } else {
        const values = 1 + int(2)
        encoding.writeVarUint(encoder, values)
        for (let i = 0; i < values; i++) {
          encoding.writeUint8(encoder, 125) // an integer
          encoding.writeVarInt(encoder, int(100))
        }
      }
    }
  }
  const deletes = int(3) > 0
  encoding.writeVarUint(encoder, deletes ? 1 : 0)
  if (deletes) for (const n of [pick(clients), 1, int(8), 1 + int(3)]) encoding.writeVarUint(encoder, n)
  return encoding.toUint8Array(encoder)
}
