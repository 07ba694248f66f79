/**
 * Yjs updates (v1 encoding) checked without being built. `Y.decodeUpdate` answers the same
 * question but allocates an Item, an ID and a content object per struct through a generator;
 * this walks the bytes once and allocates nothing but what its visitor asks for (BodyGuard:
 * one small record per struct). It is on the path from a keystroke's frame to its broadcast,
 * so it runs cold on every keystroke.
 *
 * It follows Yjs 13.6 / lib0 0.2 byte for byte (`lazyStructReaderGenerator`, `readDeleteSet`,
 * `contentRefs`, `readAny`), and throws wherever their decoder throws. `readUpdate.test.ts`
 * holds it to that against `Y.decodeUpdate` on seeded mutations of real updates.
 *
 * It also refuses what the decoder reads but `Y.applyUpdate` then trips over, half-way
 * through, leaving a doc with part of the update in it: a struct or a deletion no clock long
 * (Yjs never writes one; they break its searches over a client's structs), and an item
 * that refers to a clock of its own client at or after its own (Yjs checks references to
 * other clients against the doc, but takes these to be earlier and indexes past its structs).
 * And it refuses clients and clocks past 2^53 - 1, which the doc could not write back.
 * What an item refers to in other clients is left to Yjs, which holds the item back until
 * the doc has it. What trips Yjs only given the doc's content is BodyGuard's to refuse.
 */

/**
 * Values (lib0 `any` and JSON) nest at most this many arrays and objects deep. Yjs recurses
 * through them when it encodes, copies or serialises a doc, so a deeper value could exhaust
 * the stack later, after the update is stored: every newcomer's sync and every compaction
 * would then fail.
 */
export const maxAnyDepth = 100

/** Yjs deep-freezes `any` content when NODE_ENV is development, and a non-empty Uint8Array cannot be frozen. */
const yjsFreezesAny = process.env.NODE_ENV === 'development'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

class MalformedUpdateError extends Error {
  override name = 'MalformedUpdateError'
}

/** Content refs, as an update writes them before an item's content. */
export const ContentRef = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const

/** Type refs, as an update writes them for a type's content. */
export const TypeRef = { array: 0, map: 1, text: 2, xmlElement: 3, xmlFragment: 4, xmlHook: 5, xmlText: 6 } as const

/** An ID as an update writes it. */
export interface StructId {
  client: number
  clock: number
}

/** What an update says of one of its items, for an {@link UpdateVisitor}. */
export interface UpdateItem extends StructId {
  length: number
  origin: StructId | null
  rightOrigin: StructId | null
  /** Given only when neither origin is: a root type's name, or the ID of the item holding the parent type. */
  parent: string | StructId | null
  /** A map entry's key, given with `parent`; otherwise the entry-ness follows the origins. */
  parentSub: string | null
  /** A {@link ContentRef}. */
  content: number
  /** For a type's content, a {@link TypeRef}; else -1. */
  type: number
  /** An XML element's node name (an XML hook's name), or a format's key; else null. */
  name: string | null
  /** A format's value (null ends the format); else undefined. */
  value?: unknown
}

/** A run of clocks an update holds without an item: a GC struct (`gone`) or a skip. */
export interface UpdateGap extends StructId {
  length: number
  gone: boolean
}

export interface UpdateVisitor {
  /** A client's structs follow. A client may come twice; Yjs keeps only its last structs then. */
  section(client: number): void
  item(item: UpdateItem): void
  gap(gap: UpdateGap): void
}

/**
 * Reads an update as `Y.decodeUpdate` does and returns the offset where it ends; throws
 * where Yjs' decoder would, and on values nested deeper than {@link maxAnyDepth}. With a
 * `visitor`, tells it of every struct read (objects are made for it only then).
 */
export function readUpdate(update: Uint8Array, visitor?: UpdateVisitor): number {
  const reader = new UpdateReader(update, visitor)
  reader.structs()
  reader.deleteSet()
  return reader.pos
}

class UpdateReader {
  pos = 0
  /** The last ID read by {@link earlierId}. */
  private idClient = 0
  private idClock = 0
  /** The type ref of the last type content read. */
  private typeRef = -1
  /** The name (read only for a visitor) and value of the last content read: see {@link UpdateItem}. */
  private name: string | null = null
  private value: unknown = undefined

  constructor(
    private readonly bytes: Uint8Array,
    private readonly visitor?: UpdateVisitor,
  ) {}

  structs(): void {
    const clients = this.uint()
    for (let c = 0; c < clients; c++) {
      const count = this.uint()
      const client = this.safe(this.uint())
      let clock = this.safe(this.uint())
      this.visitor?.section(client)
      for (let s = 0; s < count; s++) {
        const length = this.struct(client, clock)
        if (length === 0) throw new MalformedUpdateError('a struct of no length')
        clock = this.safe(clock + length)
      }
    }
  }

  deleteSet(): void {
    const clients = this.uint()
    for (let c = 0; c < clients; c++) {
      this.safe(this.uint()) // client
      const ranges = this.uint()
      for (let r = 0; r < ranges; r++) {
        const clock = this.safe(this.uint())
        const length = this.uint()
        if (length === 0) throw new MalformedUpdateError('a deletion of no length')
        this.safe(clock + length)
      }
    }
  }

  /** One struct of `client`, starting at `clock`; returns its length in clocks. */
  private struct(client: number, clock: number): number {
    const info = this.byte()
    const ref = info & 0b11111
    if (info === 10 || ref === 0) {
      // Skip or GC: a length
      const length = this.uint()
      this.visitor?.gap({ client, clock, length, gone: ref === 0 })
      return length
    }
    const visit = this.visitor !== undefined
    let origin: StructId | null = null
    let rightOrigin: StructId | null = null
    let parent: string | StructId | null = null
    let parentSub: string | null = null
    if (info & 0x80) {
      this.earlierId(client, clock)
      if (visit) origin = { client: this.idClient, clock: this.idClock }
    }
    if (info & 0x40) {
      this.earlierId(client, clock)
      if (visit) rightOrigin = { client: this.idClient, clock: this.idClock }
    }
    if ((info & 0xc0) === 0) {
      // Neither origin given: the parent follows, a root type's name or an item's ID.
      if (this.uint() === 1) {
        if (visit) parent = this.text()
        else this.string()
      } else {
        this.earlierId(client, clock)
        if (visit) parent = { client: this.idClient, clock: this.idClock }
      }
      if (info & 0x20) {
        // parent key (a map entry)
        if (visit) parentSub = this.text()
        else this.string()
      }
    }
    this.typeRef = -1
    this.name = null
    const length = this.content(ref)
    if (visit) {
      const item: UpdateItem = { client, clock, length, origin, rightOrigin, parent, parentSub, content: ref, type: this.typeRef, name: this.name }
      if (ref === ContentRef.format) item.value = this.value
      this.visitor!.item(item)
    }
    return length
  }

  /** An item's content; returns its length in clocks. */
  private content(ref: number): number {
    switch (ref) {
      case 1: // deleted: length
        return this.uint()
      case 2: {
        // JSON (legacy): each value its own JSON text, or the word undefined
        const count = this.uint()
        for (let i = 0; i < count; i++) {
          const text = this.text()
          if (text !== 'undefined') json(text)
        }
        return count
      }
      case 3: // binary
        this.span()
        return 1
      case 4: // string: one clock per UTF-16 unit
        return this.string()
      case 5: // embed
        json(this.text())
        return 1
      case 6: // format: key, JSON value
        if (this.visitor) this.name = this.text()
        else this.string()
        this.value = json(this.text())
        return 1
      case 7: {
        // type: YArray 0, YMap 1, YText 2, YXmlElement 3 + name, YXmlFragment 4, YXmlHook 5 + name, YXmlText 6
        const type = this.uint()
        if (type === 3 || type === 5) {
          if (this.visitor) this.name = this.text()
          else this.string()
        } else if (type > 6) throw new MalformedUpdateError(`unknown type ${type}`)
        this.typeRef = type
        return 1
      }
      case 8: {
        // any: a list of lib0 values
        const count = this.uint()
        for (let i = 0; i < count; i++) this.any(0, yjsFreezesAny)
        return count
      }
      case 9: {
        // subdocument: guid, options (Yjs reads properties of them, so not null or undefined)
        this.string()
        const tag = this.any(0, false)
        if (tag === 127 || tag === 126) throw new MalformedUpdateError('subdocument without options')
        return 1
      }
      default:
        throw new MalformedUpdateError(`unknown content ${ref}`)
    }
  }

  /** One lib0 `writeAny` value; returns its tag. `frozen`: Yjs will deep-freeze it. */
  private any(depth: number, frozen: boolean): number {
    const tag = this.byte()
    // `depth` containers enclose this value; it may be the last one allowed.
    if ((tag === 118 || tag === 117) && depth >= maxAnyDepth) throw new MalformedUpdateError('value nested too deep')
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break
      case 125:
        this.int()
        break
      case 124: // float32
        this.skip(4)
        break
      case 123: // float64
      case 122: // bigint64
        this.skip(8)
        break
      case 119:
        this.string()
        break
      case 118: {
        // object: key, value pairs
        const count = this.uint()
        for (let i = 0; i < count; i++) {
          this.string()
          this.any(depth + 1, frozen)
        }
        break
      }
      case 117: {
        const count = this.uint()
        for (let i = 0; i < count; i++) this.any(depth + 1, frozen)
        break
      }
      case 116: {
        // Uint8Array
        const length = this.uint()
        if (frozen && length > 0) throw new MalformedUpdateError('Yjs cannot freeze a byte array')
        this.skip(length)
        break
      }
      default:
        throw new MalformedUpdateError(`unknown value tag ${tag}`)
    }
    return tag
  }

  /** An ID an item of `client` at `clock` refers to: one of its own client must be earlier. */
  private earlierId(client: number, clock: number): void {
    const idClient = this.safe(this.uint())
    const idClock = this.safe(this.uint())
    if (idClient === client && idClock >= clock) throw new MalformedUpdateError('an item refers to a later clock of its own client')
    this.idClient = idClient
    this.idClock = idClock
  }

  private byte(): number {
    if (this.pos >= this.bytes.length) throw new MalformedUpdateError('unexpected end')
    return this.bytes[this.pos++]!
  }

  private skip(length: number): void {
    if (this.pos + length > this.bytes.length) throw new MalformedUpdateError('unexpected end')
    this.pos += length
  }

  /**
   * A client or a clock: at most 2^53 - 1. lib0 reads up to 2^56 (it checks the bound only
   * before a varint's last byte), but Yjs writes a larger one back as bytes that lib0 refuses:
   * a doc holding one can no longer be encoded for a newcomer, nor compacted into a row that loads.
   */
  private safe(value: number): number {
    if (value > Number.MAX_SAFE_INTEGER) throw new MalformedUpdateError('a client or clock past 2^53 - 1')
    return value
  }

  /** lib0 `readVarUint`. */
  private uint(): number {
    return this.varint(0, 1)
  }

  /** lib0 `readVarInt`: 6 bits and the sign in the first byte, then as `readVarUint`. */
  private int(): void {
    const r = this.byte()
    if (r & 0x80) this.varint(r & 0x3f, 64)
  }

  /** Continuation bytes of a lib0 varint, with lib0's arithmetic, so the same inputs overflow. */
  private varint(num: number, mult: number): number {
    const bytes = this.bytes
    while (this.pos < bytes.length) {
      const r = bytes[this.pos++]!
      num += (r & 0x7f) * mult
      mult *= 128
      if (r < 0x80) return num
      if (num > Number.MAX_SAFE_INTEGER) throw new MalformedUpdateError('integer out of range')
    }
    throw new MalformedUpdateError('unexpected end')
  }

  /**
   * A lib0 var string, checked as UTF-8 as lib0's fatal TextDecoder would, without decoding it;
   * returns its length in UTF-16 units (what `string.length` gives once decoded).
   */
  private string(): number {
    const start = this.span()
    const length = utf16Length(this.bytes, start, this.pos)
    if (length < 0) throw new MalformedUpdateError('string is not UTF-8')
    return length
  }

  /** A lib0 var string, decoded: JSON, and names a visitor is told of. */
  private text(): string {
    const start = this.span()
    return utf8.decode(this.bytes.subarray(start, this.pos))
  }

  /** Skips a length-prefixed run of bytes; returns where it starts. */
  private span(): number {
    const length = this.uint()
    const start = this.pos
    this.skip(length)
    return start
  }
}

/** `JSON.parse`, with arrays and objects nested no deeper than {@link maxAnyDepth}. */
function json(text: string): unknown {
  const value: unknown = JSON.parse(text)
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxAnyDepth) throw new MalformedUpdateError('value nested too deep')
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return value
}

/**
 * The UTF-16 length of well-formed UTF-8 (Unicode table 3-7: no overlongs, no surrogates,
 * nothing past U+10FFFF), or -1 if it is not: one unit per character, two past U+FFFF.
 */
function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let i = start
  let units = 0
  while (i < end) {
    const b = bytes[i]!
    units++
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let low = 0x80
    let high = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) low = 0xa0
      else if (b === 0xed) high = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      units++
      if (b === 0xf0) low = 0x90
      else if (b === 0xf4) high = 0x8f
    } else return -1
    if (i + need >= end) return -1
    const second = bytes[i + 1]!
    if (second < low || second > high) return -1
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k]!
      if (next < 0x80 || next > 0xbf) return -1
    }
    i += need + 1
  }
  return units
}
