import { bodyFragmentName } from '@dongbi/schema'
import * as Y from 'yjs'
import { readUpdate, type StructId, type UpdateItem } from './readUpdate.ts'

/**
 * Where an item sits, as far as the editor cares: in the body fragment's list, in an XML
 * element's list, anywhere else (text, map entries, other roots: `free`), or nowhere Yjs
 * will keep it (`dropped`: next to or under garbage-collected content). `unknown`: it refers
 * to content the server has not got; Yjs holds such an item back until it has.
 */
export type Place = 'body' | 'element' | 'free' | 'dropped' | 'unknown'

/** What an item holds, as a parent for other items. */
type Holds = 'elementChildren' | 'otherChildren' | 'nothing' | 'gone'

/** A run of clocks of one update: an item or a garbage-collected gap. */
export interface PlacedStruct extends StructId {
  end: number
  place: Place | 'pending' | 'resolving'
  holds: Holds
  item: UpdateItem | null
}

/**
 * Refuses updates that would put into the document body what no editor can show: the body
 * (the XmlFragment `default`) may hold only XML elements, an element only elements and XML
 * texts. y-tiptap throws on anything else, so one such item from a script or a stray client
 * would stop the editor from opening the document for everyone. (What the schema refuses —
 * an unknown element, a paragraph in a paragraph — the editor itself drops, as in any Tiptap
 * app, and the server's readers leave out: see `ydocToNode`.)
 *
 * An item's parent is often not written in the update but follows from its neighbours
 * (origins), which may be in the same update, in updates taken but not yet applied to the
 * room's doc (kept here until they are), or in the doc. An item whose neighbours the server
 * has not got is let through as Yjs would hold it: a client may send a keystroke before the
 * offline edits it follows, which arrive moments later.
 */
export class BodyGuard {
  /** Structs of updates taken but not yet applied to `doc`, by client, in clock order. */
  private readonly waiting = new Map<number, PlacedStruct[]>()

  constructor(private readonly doc: Y.Doc) {}

  /** Reads `update` whole: why it is refused, or its structs placed, to {@link remember} once it is taken. */
  check(update: Uint8Array): PlacedStruct[] | string {
    const structs: PlacedStruct[] = []
    const local = new Map<number, PlacedStruct[]>()
    const add = (struct: PlacedStruct) => {
      structs.push(struct)
      const runs = local.get(struct.client)
      if (runs) runs.push(struct)
      else local.set(struct.client, [struct])
    }
    try {
      const end = readUpdate(update, {
        item: (item) => add({ client: item.client, clock: item.clock, end: item.clock + item.length, place: 'pending', holds: holdsOf(item), item }),
        gap: (gap) => {
          if (gap.gone) add({ client: gap.client, clock: gap.clock, end: gap.clock + gap.length, place: 'dropped', holds: 'gone', item: null })
        },
      })
      if (end !== update.length) return 'update fails to decode'
    } catch {
      return 'update fails to decode'
    }
    for (const struct of structs) {
      const place = this.resolve(struct, local)
      if (place === 'notAType') return "an item's parent is not a type"
      const item = struct.item
      if (!item) continue
      if (place === 'body' && !(item.content === 1 || (item.content === 7 && item.type === 3))) {
        return 'the document body may hold only elements'
      }
      if (place === 'element' && !(item.content === 1 || (item.content === 7 && (item.type === 3 || item.type === 6)))) {
        return 'an element may hold only elements and text'
      }
    }
    return structs
  }

  /** The update `check` placed is taken: later updates may build on its items before `doc` has them. */
  remember(structs: PlacedStruct[]): void {
    for (const struct of structs) {
      struct.item = null // only the place is needed from now on
      const runs = this.waiting.get(struct.client)
      if (!runs) this.waiting.set(struct.client, [struct])
      else if (runs[runs.length - 1]!.clock <= struct.clock) runs.push(struct)
      else runs.splice(indexAfter(runs, struct.clock), 0, struct)
    }
  }

  /** `doc` took in updates: forget what it holds now, or everything when nothing else waits. */
  applied(nothingWaits: boolean): void {
    if (nothingWaits) return this.waiting.clear()
    for (const [client, runs] of this.waiting) {
      const state = Y.getState(this.doc.store, client)
      let held = 0
      while (held < runs.length && runs[held]!.end <= state) held++
      if (held === runs.length) this.waiting.delete(client)
      else if (held > 0) runs.splice(0, held)
    }
  }

  /** Places `start` and every struct of this update its place depends on, without recursion. */
  private resolve(start: PlacedStruct, local: Map<number, PlacedStruct[]>): Place | 'notAType' {
    const chain: PlacedStruct[] = []
    let current = start
    let place: Place | 'notAType'
    for (;;) {
      if (current.place === 'resolving') {
        place = 'unknown' // items placed by each other: Yjs never integrates them
        break
      }
      if (current.place !== 'pending') {
        place = current.place
        break
      }
      const item = current.item!
      if (!item.origin && !item.rightOrigin) {
        place = this.placeUnder(item, local)
        break
      }
      // Placed by its neighbour (the left one if given), which shares its parent; a
      // garbage-collected one is placed `dropped`, as Yjs drops the item.
      const neighbour = this.find((item.origin ?? item.rightOrigin)!, local)
      if (neighbour === undefined) {
        place = 'unknown'
        break
      }
      current.place = 'resolving'
      chain.push(current)
      current = neighbour
    }
    const settled = place === 'notAType' ? 'unknown' : place
    for (const struct of chain) struct.place = settled
    if (start.place === 'pending') start.place = settled
    return place
  }

  /** The place of an item whose parent is written in the update. */
  private placeUnder(item: UpdateItem, local: Map<number, PlacedStruct[]>): Place | 'notAType' {
    if (typeof item.parent === 'string') return item.parent === bodyFragmentName && item.parentSub === null ? 'body' : 'free'
    const parent = this.find(item.parent!, local)
    if (parent === undefined) return 'unknown'
    if (parent.holds === 'gone') return 'dropped'
    if (parent.holds === 'nothing') return 'notAType'
    return parent.holds === 'elementChildren' && item.parentSub === null ? 'element' : 'free'
  }

  /**
   * The struct holding `id`: this update's, one waiting, or the doc's (as a read-only stand-in);
   * undefined when the server has not got it.
   */
  private find(id: StructId, local: Map<number, PlacedStruct[]>): PlacedStruct | undefined {
    const runs = local.get(id.client)
    const here = runs && runAt(runs, id.clock)
    if (here) return here
    const structs = this.doc.store.clients.get(id.client)
    if (structs && id.clock < Y.getState(this.doc.store, id.client)) {
      const struct = structs[Y.findIndexSS(structs, id.clock)]!
      if (struct instanceof Y.Item) return { client: id.client, clock: struct.id.clock, end: struct.id.clock + struct.length, place: this.placeOf(struct), holds: holdsOfContent(struct), item: null }
      if (struct instanceof Y.GC) return { client: id.client, clock: struct.id.clock, end: struct.id.clock + struct.length, place: 'dropped', holds: 'gone', item: null }
    }
    const waiting = this.waiting.get(id.client)
    return (waiting && runAt(waiting, id.clock)) || undefined
  }

  private placeOf(item: Y.Item): Place {
    if (item.parentSub !== null) return 'free'
    const parent = item.parent
    if (parent === this.doc.share.get(bodyFragmentName)) return 'body'
    return parent instanceof Y.XmlFragment ? 'element' : 'free' // Y.XmlElement extends Y.XmlFragment
  }
}

function holdsOf(item: UpdateItem): Holds {
  if (item.content === 1) return 'gone'
  if (item.content !== 7) return 'nothing'
  return item.type === 3 || item.type === 4 ? 'elementChildren' : 'otherChildren'
}

function holdsOfContent(item: Y.Item): Holds {
  const content = item.content
  if (content instanceof Y.ContentDeleted) return 'gone'
  if (!(content instanceof Y.ContentType)) return 'nothing'
  return content.type instanceof Y.XmlFragment ? 'elementChildren' : 'otherChildren'
}

/** The run holding `clock` in runs sorted by clock, if any. */
function runAt(runs: PlacedStruct[], clock: number): PlacedStruct | undefined {
  const last = runs[runs.length - 1]!
  if (clock >= last.clock) return clock < last.end ? last : undefined
  const at = indexAfter(runs, clock) - 1
  const run = runs[at]
  return run && clock < run.end ? run : undefined
}

/** The index of the first run starting after `clock`. */
function indexAfter(runs: PlacedStruct[], clock: number): number {
  let low = 0
  let high = runs.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (runs[middle]!.clock <= clock) low = middle + 1
    else high = middle
  }
  return low
}
