import * as encoding from 'lib0/encoding'

/**
 * A Yjs update that decodes, written struct by struct at random for clients 7 and 9: clocks
 * among the first few, items after their own client's earlier content, after the other
 * client's, or under a root (the body `default` among them), of any content kind, GC runs,
 * skips, and a deletion. Few clients and clocks, so that a handful of such updates keep
 * meeting: repeated and partly repeated clocks, gaps, references to content not there yet or
 * garbage-collected, parents that are no types. What no editor writes, and what a server must
 * not let break a document.
 */
export function arbitraryUpdate(random: () => number): Uint8Array {
  const int = (n: number) => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const encoder = encoding.createEncoder()
  const write = (...numbers: number[]) => numbers.forEach((n) => encoding.writeVarUint(encoder, n))
  // Clients in descending order, as Yjs writes them; now and then not, or the same client
  // twice, which Yjs reads (keeping the last) but never writes.
  const sections = random() < 0.6 ? [pick([7, 7, 9])] : random() < 0.85 ? [9, 7] : pick([[7, 9], [7, 7]])
  write(sections.length)
  for (const client of sections) {
    const count = 1 + int(3)
    let clock = int(10)
    write(count, client, clock)
    for (let s = 0; s < count; s++) {
      const kind = int(12)
      if (kind < 2) {
        const length = 1 + int(3)
        encoding.writeUint8(encoder, kind === 0 ? 0 : 10) // GC or skip
        write(length)
        clock += length
        continue
      }
      // deleted, string, type, any
      const ref = pick([1, 4, 4, 4, 7, 8])
      let after = int(4) // 0: own earlier clock, 1: the other client's, else a root
      if (after === 0 && clock === 0) after = 2
      const parentSub = after >= 2 && random() < 0.15
      encoding.writeUint8(encoder, ref | (after < 2 ? 0x80 : 0) | (parentSub ? 0x20 : 0))
      if (after === 0) write(client, clock - 1 - int(Math.min(clock, 2)))
      else if (after === 1) write(client === 7 ? 9 : 7, int(8))
      else {
        write(1)
        encoding.writeVarString(encoder, pick(['m', 't', 'default']))
        if (parentSub) encoding.writeVarString(encoder, 'k')
      }
      let length = 1
      if (ref === 1) {
        length = 1 + int(3)
        write(length)
      } else if (ref === 4) {
        const text = pick(['a', '学习', 'xyz'])
        length = text.length
        encoding.writeVarString(encoder, text)
      } else if (ref === 7) {
        // YArray, YMap, YText, YXmlElement + name, YXmlText
        const type = pick([0, 1, 2, 3, 3, 6, 6])
        write(type)
        if (type === 3) encoding.writeVarString(encoder, 'paragraph')
      } else {
        length = 1 + int(2)
        write(length)
        for (let i = 0; i < length; i++) {
          encoding.writeUint8(encoder, 125) // an integer
          encoding.writeVarInt(encoder, int(100))
        }
      }
      clock += length
    }
  }
  const deletes = int(3) === 0
  write(deletes ? 1 : 0)
  if (deletes) write(pick([7, 9]), 1, int(8), 1 + int(3))
  return encoding.toUint8Array(encoder)
}
