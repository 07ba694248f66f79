import { bodyFragmentName, bodyRules, type BodyRules } from '@dongbi/schema'
import * as Y from 'yjs'
import { ContentRef, readUpdate, TypeRef, type StructId, type UpdateItem } from './readUpdate.ts'
import { withoutClocks, type ClockRange } from './withoutClocks.ts'

/**
 * Where an item sits, as far as the editor cares: in the list of an XML element or fragment
 * (`in paragraph`: of an element of that node name; `in doc`, the schema's top node: of the
 * body fragment; `in ` with no name: of a fragment nested in a map), in an XML text, anywhere
 * else (map entries, other roots: `free`), or nowhere Yjs keeps it (`dropped`: under or next
 * to garbage-collected content). `unknown`: it follows content the server has not got, and
 * Yjs holds it back until it has.
 */
type Place = List | 'text' | 'free' | 'dropped' | 'unknown'

/** The list of an XML element or fragment: see {@link Place}. */
type List = `in ${string}`

/** The list of an XML fragment nested in a map: no node type's, so the schema has no say in it. */
const namelessList: List = 'in '

/** What an item holds, as a parent: which place its children get. */
type Holds = List | 'text' | 'free' | 'nothing' | 'gone'

/** A run of clocks of one client that an update brings, placed. */
export interface PlacedStruct extends StructId {
  end: number
  place: Place | 'pending' | 'resolving'
  holds: Holds
  /** What the update says of it; null for a GC run, and once remembered. */
  item: UpdateItem | null
}

/** What one check sees beyond the doc and what waits. */
interface Scope {
  /** The update's own structs, by client, in clock order. */
  local: Map<number, PlacedStruct[]>
  /** For each client the update writes, the clock up to which Yjs will have its structs then. */
  reach: Map<number, number>
  /** Whether the schema's rules are asked too, or only what keeps y-tiptap from throwing. */
  judge: boolean
  /**
   * The update's structs last placed nowhere for another client's content the server lacks:
   * refused unless held-back content the update lets Yjs place turns out to be it.
   */
  foreign: Set<PlacedStruct>
}

/** What {@link BodyGuard.check} answers for an update it takes. */
export interface Placed {
  structs: PlacedStruct[]
  /** Items held back earlier that this update lets Yjs place. */
  placedLater: PlacedStruct[]
  /** The update to store and send instead, when it brings clocks Yjs has or holds back again: without them (see {@link BodyGuard.check}). */
  trimmed: Uint8Array | null
}

export interface BodyGuardOptions {
  /** The schema's rules for what the body's elements and texts hold. Default: the editor's. */
  rules?: BodyRules
}

/**
 * Refuses updates that would put into the document body what no editor can show: the body
 * (the XmlFragment `default`) holds XML elements, an element holds elements and XML texts, an
 * XML text holds text and formatting. One item elsewhere, from a script or a stray client, and
 * y-tiptap would throw for everyone opening the document. Within that, the editor's schema
 * has its say ({@link BodyRules}): an element it lacks, or one where its parent can never hold
 * it, and a mark it lacks are refused too, where y-tiptap would delete them from the shared
 * doc, or build a node the editor trips over.
 *
 * An item's parent is often not written in the update but follows from its left neighbour
 * (its origin), which may be in the same update, in updates taken but not yet applied to the
 * room's doc (kept here until they are), or in the doc. Yjs' own rules are followed, in the
 * order it takes structs in: what follows a gap in a client's clocks, or content it lacks,
 * waits until that arrives. Where Yjs would throw half-way through an update, or the server
 * and its clients would end up with different docs, the update is trimmed (clocks the doc has
 * or holds back) or refused (clients not in Yjs' descending order): no update taken leaves a
 * doc half-applied, and every doc that takes the stored updates in order, one by one or
 * merged, ends up the same.
 *
 * An item may follow content the server has not got only if that content is its own
 * client's: a client sends a keystroke before the offline edits it follows when it types
 * while reconnecting, and they arrive a moment later. Such items are placed, and checked,
 * when that content arrives; the update that brings it is refused if they would land where
 * they may not. Content of other clients that the server lacks is never a stock client's
 * doing (it sends what it builds on with it), so an item following it is refused.
 */
export class BodyGuard {
  /** Structs of updates taken but not yet applied to `doc`, by client, in clock order. */
  private readonly waiting = new Map<number, PlacedStruct[]>()
  /** Items taken that follow content of their own client the server lacks, in clock order. */
  private readonly unplaced = new Map<number, PlacedStruct[]>()

  private readonly rules: BodyRules
  /** The place of the body fragment's children. */
  private readonly inBody: List

  constructor(
    private readonly doc: Y.Doc,
    { rules = bodyRules() }: BodyGuardOptions = {},
  ) {
    this.rules = rules
    this.inBody = `in ${rules.top}`
  }

  /**
   * Reads `update` whole: why it is refused, or what it places, to {@link remember} once it is
   * taken. An update that brings clocks the doc will have, or holds back, again is trimmed to
   * the new clocks first. Of an item whose first clocks the doc has, Yjs links the rest after
   * the clock before it, whatever the update names as its neighbours, and throws half-way
   * through the update when that clock is garbage-collected and the neighbours named are not.
   * Trimmed, the rest names that clock as its origin, so the server and every client, whatever
   * each has collected by then, place it there (or drop it next to a GC run) alike. Of clocks
   * held back twice, Yjs keeps one or the other depending on whether the second fills the gap,
   * and so does `Y.mergeUpdates` of a batch holding both: trimmed, the first is kept everywhere.
   * (A client's sync step 2 brings what it holds back again, the same.)
   */
  check(update: Uint8Array): Placed | string {
    return this.checkUpdate(update, true, false)
  }

  /**
   * {@link check}; `judge`: ask the schema's rules too; `alreadyTrimmed`: `update` is
   * {@link trim}'s output, so no clock in it may be known or held back.
   */
  private checkUpdate(update: Uint8Array, judge: boolean, alreadyTrimmed: boolean): Placed | string {
    const sections = new Map<number, (PlacedStruct | 'skip')[]>()
    let section: (PlacedStruct | 'skip')[] = []
    let lastClient = Infinity
    let outOfOrder = false
    try {
      const end = readUpdate(update, {
        section: (client) => {
          section = []
          if (client >= lastClient) outOfOrder = true
          lastClient = client
          sections.set(client, section)
        },
        item: (item) => section.push({ client: item.client, clock: item.clock, end: item.clock + item.length, place: 'pending', holds: holdsOf(item), item }),
        gap: (gap) => section.push(gap.gone ? { client: gap.client, clock: gap.clock, end: gap.clock + gap.length, place: 'dropped', holds: 'gone', item: null } : 'skip'),
      })
      if (end !== update.length) return 'update fails to decode'
    } catch {
      return 'update fails to decode'
    }
    // Yjs writes clients in descending order, and mergeUpdates (the broadcast, and clients
    // merging what they receive) counts on it: given other clients' updates, it drops the
    // structs of clients out of that order, and of a client written twice keeps the first
    // structs where Yjs keeps the last.
    if (outOfOrder) return 'clients out of order'
    const scope: Scope = { local: new Map(), reach: new Map(), judge, foreign: new Set() }
    const structs: PlacedStruct[] = []
    /** By client: the structs Yjs holds back that the update does not bring again, in clock order. */
    const heldBack = new Map<number, PlacedStruct[]>()
    for (const [client, list] of sections) {
      const runs: PlacedStruct[] = []
      let known = this.known(client)
      const held = this.heldBack(client, known)
      for (const struct of list) {
        // A skip, or any gap before a struct: Yjs holds the struct back until the gap is
        // filled, then places it by its neighbours as written.
        if (struct === 'skip') continue
        if (struct.clock < known || overlapsAny(held, struct)) {
          return alreadyTrimmed ? 'update fails to decode' : this.trim(update, sections.keys(), judge)
        }
        if (struct.clock === known) known = struct.end
        runs.push(struct)
      }
      scope.local.set(client, runs)
      scope.reach.set(client, known)
      structs.push(...runs)
      if (held.length > 0) heldBack.set(client, held.map(copy))
    }
    // (What waits of clients the update does not write waits for their own content: it stays.)
    if (heldBack.size > 0) this.reachAll(scope, heldBack)
    for (const struct of structs) {
      const refusal = this.place(struct, scope)
      if (refusal) return refusal
    }
    // Held-back items this update lets Yjs place, and its own items that follow them. Each
    // client's are taken in clock order as Yjs does, its reach advancing as they are placed,
    // so a chain of them takes one pass, and a pass more each time one waits for a run of
    // another client's placed later in the pass. (A run held here waits only for its own
    // client's content: one following another client's the server lacks is refused.)
    // A pass goes on from where the last stopped: every run is read once.
    const placedLater: PlacedStruct[] = []
    if (heldBack.size > 0) {
      const tracks = [...new Set([...scope.local.keys(), ...heldBack.keys()])].map((client) => {
        const held = heldBack.get(client) ?? none
        const runs = [...(scope.local.get(client) ?? none), ...held].sort((a, b) => a.clock - b.clock)
        return { client, runs, held: new Set(held), next: 0, reach: this.known(client) }
      })
      for (let pass = 0, more = true; more; pass++) {
        if (pass === maxPasses) return 'an update may not tie this many clients to what is held back'
        more = false
        for (const track of tracks) {
          for (; track.next < track.runs.length; track.next++) {
            const run = track.runs[track.next]!
            if (run.end <= track.reach) continue
            if (run.clock !== track.reach) break // a gap: Yjs holds the rest back
            if (run.place === 'unknown') {
              scope.reach.set(track.client, track.reach)
              run.place = 'pending' as PlacedStruct['place'] // the union: place() changes it
              const refusal = this.place(run, scope)
              if (refusal) return refusal
              if (run.place === 'unknown') break // perhaps in a later pass
              if (track.held.has(run)) {
                placedLater.push(run)
                addRun(scope.local, run) // where find() looks for it
              }
              more = true
            }
            track.reach = run.end
          }
          scope.reach.set(track.client, track.reach)
        }
      }
    }
    for (const struct of scope.foreign) if (struct.place === 'unknown') return 'an item follows content the server does not have'
    // Yjs stops taking in a client's structs at one it holds back: nothing counted past it may be.
    let unplaced = 0
    for (const struct of structs) {
      if (struct.place !== 'unknown') continue
      if (struct.end < (scope.reach.get(struct.client) ?? 0)) return 'an item follows content the server does not have'
      unplaced++
    }
    // What waits for content is checked again on every update that may bring it: a stock
    // client leaves a few keystrokes waiting while it reconnects, never this many.
    if (judge && unplaced > 0 && unplaced + this.unplacedCount() - placedLater.length > maxUnplaced) return 'too many items wait for content the server does not have'
    return { structs, placedLater, trimmed: null }
  }

  private unplacedCount(): number {
    let count = 0
    for (const runs of this.unplaced.values()) count += runs.length
    return count
  }

  /** The structs of `client` Yjs holds back (after a gap, or for content it lacks) from `known` on, in clock order. */
  private heldBack(client: number, known: number): readonly PlacedStruct[] {
    const waiting = this.waiting.get(client)
    const unplaced = this.unplaced.get(client)
    // Usually none: what waits of a typist follows on from the doc, and nothing is held.
    if (!unplaced && !(waiting && waiting[waiting.length - 1]!.clock > known)) return none
    return [...(waiting ?? []), ...(unplaced ?? [])].filter((run) => run.clock >= known).sort((a, b) => a.clock - b.clock)
  }

  /**
   * How far Yjs will have each client's clocks once it has taken the update in: through the
   * update's own structs, then what it held back that follows on and that it can place.
   */
  private reachAll(scope: Scope, heldBack: Map<number, PlacedStruct[]>): void {
    for (const client of new Set([...scope.local.keys(), ...heldBack.keys()])) {
      let reach = this.known(client)
      const runs = [...(scope.local.get(client) ?? []), ...(heldBack.get(client) ?? [])].sort((a, b) => a.clock - b.clock)
      for (const run of runs) {
        if (run.end <= reach) continue
        if (run.clock !== reach || run.place === 'unknown') break
        reach = run.end
      }
      scope.reach.set(client, reach)
    }
  }

  /** `update` without the clocks Yjs will have or holds back of `clients`, checked. */
  private trim(update: Uint8Array, clients: Iterable<number>, judge: boolean): Placed | string {
    const drop = new Map<number, ClockRange[]>()
    for (const client of clients) {
      const known = this.known(client)
      drop.set(client, [{ clock: 0, end: known }, ...this.heldBack(client, known)])
    }
    let trimmed: Uint8Array
    try {
      trimmed = withoutClocks(update, (client) => drop.get(client) ?? [])
    } catch {
      return 'update fails to decode'
    }
    const placed = this.checkUpdate(trimmed, judge, true)
    return typeof placed === 'string' ? placed : { ...placed, trimmed }
  }

  /** The update `check` placed is taken: later updates may build on its items before `doc` has them. */
  remember(placed: Placed): void {
    const { structs, placedLater } = placed
    for (const struct of placedLater) {
      const held = this.unplaced.get(struct.client)!
      held.splice(held.findIndex((run) => run.clock === struct.clock), 1)
      if (held.length === 0) this.unplaced.delete(struct.client)
    }
    for (const struct of structs) {
      if (struct.place !== 'unknown') struct.item = null // only the place is needed from now on
      addRun(struct.place === 'unknown' ? this.unplaced : this.waiting, struct)
    }
    for (const struct of placedLater) addRun(this.waiting, struct)
  }

  /** The update {@link remember}ed was not stored after all: a resend must not look known. */
  forget({ structs, placedLater }: Placed): void {
    for (const struct of structs) removeRun(struct.place === 'unknown' ? this.unplaced : this.waiting, struct)
    for (const struct of placedLater) {
      removeRun(this.waiting, struct)
      addRun(this.unplaced, { ...struct, place: 'unknown' })
    }
  }

  /**
   * Takes note of an update that is stored already (another server instance took it), before
   * the doc applies it; {@link applied} then keeps only what the doc holds back of it. Answers
   * what to apply (the update, trimmed where {@link check} would trim it), or why this guard
   * cannot place it: then nothing is noted. The schema's rules are not asked: the instance
   * that stored it did, and one running another build (a rolling deploy) may have judged
   * otherwise.
   */
  note(update: Uint8Array): Uint8Array | string {
    const placed = this.checkUpdate(update, false, false)
    if (typeof placed === 'string') return placed
    this.remember(placed)
    return placed.trimmed ?? update
  }

  /**
   * The doc took in stored rows on its own (the load, a catch-up): what it holds back is noted,
   * to be placed when it can be, and trimmed from updates that bring it again.
   */
  noteHeldBack(): void {
    const held = this.doc.store.pendingStructs
    // Yjs keeps it in the v2 encoding. Refused (it follows content the log lacks): nothing to
    // note; an update bringing those clocks again is then taken whole.
    if (held) this.note(Y.convertUpdateFormatV2ToV1(held.update))
  }

  /**
   * `doc` took in updates: forget what it holds now. What it holds back (after a gap in a
   * client's clocks) is kept until it takes that in too; `nothingWaits`: no other update waits.
   */
  applied(nothingWaits: boolean): void {
    if (nothingWaits && !this.doc.store.pendingStructs) {
      this.waiting.clear()
      this.unplaced.clear() // Yjs holds nothing back: it has placed them all
      return
    }
    // Unplaced items, too, may be in the doc now: a catch-up applies stored rows on its own.
    for (const byClient of [this.waiting, this.unplaced]) {
      for (const [client, runs] of byClient) {
        const state = Y.getState(this.doc.store, client)
        let held = 0
        while (held < runs.length && runs[held]!.end <= state) held++
        if (held === runs.length) byClient.delete(client)
        else if (held > 0) runs.splice(0, held)
      }
    }
  }

  /** The clock up to which Yjs will have `client`'s structs once what waits is applied. */
  private known(client: number): number {
    let known = Y.getState(this.doc.store, client)
    for (const run of this.waiting.get(client) ?? []) if (run.clock <= known) known = Math.max(known, run.end)
    return known
  }

  /**
   * Places `start`, and every struct of this update its place depends on, without recursion;
   * answers why the update is refused, if it is.
   */
  private place(start: PlacedStruct, scope: Scope): string | null {
    const chain: PlacedStruct[] = []
    let current = start
    let place: Place
    // Whether the content the server lacks, if it lacks any, is all of start's own client.
    let ownGap = true
    for (;;) {
      if (current.client !== start.client) ownGap = false
      if (current.place === 'resolving') {
        place = 'unknown' // items placed by each other: Yjs never integrates them
        ownGap = false
        break
      }
      if (current.place !== 'pending') {
        place = current.place
        break
      }
      const item = current.item!
      const neighbour = item.origin ?? item.rightOrigin
      if (!neighbour) {
        const placed = this.placeUnder(item, scope)
        if (placed === 'not a type') return "an item's parent is not a type"
        if (placed === 'unknown' && (item.parent as StructId).client !== start.client) ownGap = false
        place = placed
        break
      }
      // Placed by its neighbour, which shares its parent (Yjs drops it next to a GC run).
      const found = this.find(neighbour, scope)
      if (!found) {
        if (neighbour.client !== start.client) ownGap = false
        place = 'unknown'
        break
      }
      current.place = 'resolving'
      chain.push(current)
      current = found
    }
    for (const struct of chain) struct.place = place
    if (start.place === 'pending') start.place = place
    // Perhaps held-back content of that client, which this update lets Yjs place: see the passes.
    if (place === 'unknown' && !ownGap) scope.foreign.add(start)
    else scope.foreign.delete(start)
    return start.item && this.whyRefused(place, start.item, scope.judge)
  }

  /** The place of an item whose parent is written in the update. */
  private placeUnder(item: UpdateItem, scope: Scope): Place | 'not a type' {
    if (typeof item.parent === 'string') return item.parent === bodyFragmentName && item.parentSub === null ? this.inBody : 'free'
    const parent = this.find(item.parent!, scope)
    // Yjs holds an item back until its parent is in the doc. (A parent found in this update or
    // waiting is within its client's reach, so it cannot end up held back: what follows
    // content the server lacks starts past a gap in its client's clocks.)
    if (!parent || parent.place === 'unknown') return 'unknown'
    if (parent.holds === 'gone') return 'dropped'
    if (parent.holds === 'nothing') return 'not a type'
    return item.parentSub === null ? parent.holds : 'free'
  }

  /**
   * The struct holding `id`, as Yjs will find it: the doc's (as a stand-in), this update's, one
   * waiting, or one held back; undefined when the server has not got it, or Yjs will hold it
   * back after a gap in its client's clocks.
   */
  private find(id: StructId, scope: Scope): PlacedStruct | undefined {
    const structs = this.doc.store.clients.get(id.client)
    if (structs && id.clock < Y.getState(this.doc.store, id.client)) {
      const struct = structs[Y.findIndexSS(structs, id.clock)]!
      const run = { client: id.client, clock: struct.id.clock, end: struct.id.clock + struct.length, item: null }
      if (struct instanceof Y.Item) return { ...run, place: this.placeOf(struct), holds: holdsOfContent(struct) }
      return { ...run, place: 'dropped', holds: 'gone' }
    }
    for (const runs of [scope.local.get(id.client), this.waiting.get(id.client)]) {
      const run = runs && runAt(runs, id.clock)
      if (run) return run.clock < (scope.reach.get(id.client) ?? this.known(id.client)) ? run : undefined
    }
    const held = this.unplaced.get(id.client)
    return held && runAt(held, id.clock)
  }

  /**
   * Why `item` may not sit at `place`, or null. A list holds XML elements and texts, the body
   * elements only; a text holds text and formatting. y-tiptap throws on anything else, and
   * shows an embed in a text as a broken node. `judge`: the schema's rules too, which name the
   * elements, texts and marks an element or text may hold (y-tiptap deletes, for everyone, an
   * element or a text run it cannot build).
   */
  private whyRefused(place: Place, item: UpdateItem, judge: boolean): string | null {
    if (item.content === ContentRef.deleted) return null
    if (place === 'text') {
      if (item.content === ContentRef.format) return judge ? this.rules.format(item.name!, item.value) : null
      return item.content === ContentRef.string ? null : 'a text may hold only text'
    }
    if (!place.startsWith('in ')) return null
    const isType = item.content === ContentRef.type
    if (isType && item.type === TypeRef.xmlElement) return judge ? this.rules.element(place.slice(3), item.name!) : null
    if (place === this.inBody) return 'the document body may hold only elements'
    if (isType && item.type === TypeRef.xmlText) return judge ? this.rules.text(place.slice(3)) : null
    return 'an element may hold only elements and text'
  }

  private placeOf(item: Y.Item): Place {
    if (item.parentSub !== null) return 'free'
    const parent = item.parent
    if (parent === this.doc.share.get(bodyFragmentName)) return this.inBody
    if (parent instanceof Y.XmlText) return 'text'
    // Other root fragments are not the body.
    return parent instanceof Y.XmlFragment && parent._item !== null ? listOf(parent) : 'free'
  }
}

/** What an item of an update holds. */
function holdsOf(item: UpdateItem): Holds {
  if (item.content === ContentRef.deleted) return 'gone'
  if (item.content !== ContentRef.type) return 'nothing'
  if (item.type === TypeRef.xmlElement) return `in ${item.name!}`
  if (item.type === TypeRef.xmlFragment) return namelessList
  return item.type === TypeRef.xmlText ? 'text' : 'free'
}

/** What an item of the doc holds: as {@link holdsOf} reads it from the update that brought it. */
function holdsOfContent(item: Y.Item): Holds {
  const content = item.content
  if (content instanceof Y.ContentDeleted) return 'gone'
  if (!(content instanceof Y.ContentType)) return 'nothing'
  // Y.XmlElement extends Y.XmlFragment, Y.XmlHook Y.Map.
  if (content.type instanceof Y.XmlFragment) return listOf(content.type)
  return content.type instanceof Y.XmlText ? 'text' : 'free'
}

function listOf(type: Y.XmlFragment): List {
  return type instanceof Y.XmlElement ? `in ${type.nodeName}` : namelessList
}

/** A copy of a run the guard keeps, for one check to place. */
function copy(run: PlacedStruct): PlacedStruct {
  return { ...run }
}

/** The run holding `clock` in runs sorted by clock, if any. */
function runAt(runs: PlacedStruct[], clock: number): PlacedStruct | undefined {
  const run = runs[indexAfter(runs, clock) - 1]
  return run && clock < run.end ? run : undefined
}

function addRun(into: Map<number, PlacedStruct[]>, run: PlacedStruct): void {
  const runs = into.get(run.client)
  if (runs) insertRun(runs, run)
  else into.set(run.client, [run])
}

/** No runs (shared, never changed). */
const none: readonly PlacedStruct[] = []

/**
 * Passes over what is held back, at most, for one update: a safety net. An item following
 * another client's content the server lacks is refused, so what is held back chains only
 * within a client, and one pass places it all.
 */
const maxPasses = 16

/** Items waiting for content the server lacks, at most, in one room (a safety net: see the check). */
const maxUnplaced = 10_000

/** Whether `run` shares a clock with any of `runs` (sorted by clock, none overlapping). */
function overlapsAny(runs: readonly PlacedStruct[], run: PlacedStruct): boolean {
  if (runs.length === 0) return false
  const index = indexAfter(runs, run.clock)
  const before = runs[index - 1]
  const after = runs[index]
  return (before !== undefined && run.clock < before.end) || (after !== undefined && after.clock < run.end)
}

function removeRun(from: Map<number, PlacedStruct[]>, run: PlacedStruct): void {
  const runs = from.get(run.client)
  const index = runs ? runs.indexOf(run) : -1
  if (index < 0) return
  runs!.splice(index, 1)
  if (runs!.length === 0) from.delete(run.client)
}

function insertRun(runs: PlacedStruct[], run: PlacedStruct): void {
  if (runs.length === 0 || runs[runs.length - 1]!.clock <= run.clock) runs.push(run)
  else runs.splice(indexAfter(runs, run.clock), 0, run)
}

/** The index of the first run starting after `clock`. */
function indexAfter(runs: readonly PlacedStruct[], clock: number): number {
  let low = 0
  let high = runs.length
  if (high > 0 && runs[high - 1]!.clock <= clock) return high // the usual case: after the last
  while (low < high) {
    const middle = (low + high) >>> 1
    if (runs[middle]!.clock <= clock) low = middle + 1
    else high = middle
  }
  return low
}
