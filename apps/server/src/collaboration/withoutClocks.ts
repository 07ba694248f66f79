import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** A run of clocks of one client, `end` exclusive. */
export interface ClockRange {
  clock: number
  end: number
}

/**
 * `update` (v1) without the clocks `drop` names for each client, anywhere in a client's run:
 * what `Y.diffUpdate` does for the clocks below a state vector, for any ranges. A struct cut
 * at its start names the clock before as its origin, as Yjs writes the right part of a split
 * item; one cut at its end keeps its neighbours; what is cut out of the middle of a client's
 * run becomes a skip. Clients left with no clocks are left out; the deletions stay as they are.
 * `drop(client)` answers ranges sorted by clock that do not overlap.
 */
export function withoutClocks(update: Uint8Array, drop: (client: number) => readonly ClockRange[]): Uint8Array {
  const { structs, ds } = Y.decodeUpdate(update)
  const sections: { client: number; pieces: Piece[] }[] = []
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    const client = struct.id.client
    let section = sections[sections.length - 1]
    if (section?.client !== client) sections.push((section = { client, pieces: [] }))
    for (const kept of keptOf(struct.id.clock, struct.id.clock + struct.length, drop(client))) {
      section.pieces.push({ struct, from: kept.clock - struct.id.clock, to: kept.end - struct.id.clock })
    }
  }
  const written = sections.filter((section) => section.pieces.length > 0)
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, written.length)
  for (const { client, pieces } of written) {
    let clock = startOf(pieces[0]!)
    const gaps = pieces.filter((piece, index) => index > 0 && startOf(piece) > endOf(pieces[index - 1]!)).length
    encoding.writeVarUint(encoder.restEncoder, pieces.length + gaps)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, clock)
    for (const piece of pieces) {
      if (startOf(piece) > clock) {
        encoder.writeInfo(10) // a skip, as Yjs writes one
        encoding.writeVarUint(encoder.restEncoder, startOf(piece) - clock)
      }
      writePiece(encoder, piece)
      clock = endOf(piece)
    }
  }
  encoding.writeVarUint(encoder.restEncoder, ds.clients.size)
  for (const [client, deletions] of ds.clients) {
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, deletions.length)
    for (const { clock, len } of deletions) {
      encoding.writeVarUint(encoder.restEncoder, clock)
      encoding.writeVarUint(encoder.restEncoder, len)
    }
  }
  return encoder.toUint8Array()
}

/** Clocks `from` up to `to` of a struct (offsets within it). */
interface Piece {
  struct: Y.Item | Y.GC
  from: number
  to: number
}

const startOf = (piece: Piece) => piece.struct.id.clock + piece.from
const endOf = (piece: Piece) => piece.struct.id.clock + piece.to

/** What of `clock`..`end` the sorted ranges `dropped` leave. */
function keptOf(clock: number, end: number, dropped: readonly ClockRange[]): ClockRange[] {
  const kept: ClockRange[] = []
  let from = clock
  for (const range of dropped) {
    if (range.end <= from) continue
    if (range.clock >= end) break
    if (range.clock > from) kept.push({ clock: from, end: range.clock })
    from = Math.max(from, range.end)
    if (from >= end) break
  }
  if (from < end) kept.push({ clock: from, end })
  return kept
}

function writePiece(encoder: Y.UpdateEncoderV1, { struct, from, to }: Piece): void {
  if (to === struct.length) return struct.write(encoder, from)
  // Cut at its end: written as a copy whose content stops there.
  if (struct instanceof Y.GC) return new Y.GC(struct.id, to).write(encoder, from)
  const content = struct.content.copy()
  content.splice(to)
  const item = new Y.Item(struct.id, null, struct.origin, null, struct.rightOrigin, struct.parent, struct.parentSub, content)
  item.write(encoder, from)
}
