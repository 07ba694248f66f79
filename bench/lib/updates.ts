import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * Produces the updates of one client typing one character per update at the end of its own
 * run in Y.Text `t` — byte for byte what Yjs emits for `text.insert(end, ch)` by a client
 * typing alone (checked in {@link checkTypistEncoding}), without a Y.Doc per client, so
 * thousands of writers cost the bench process almost nothing. Update k has clock k.
 */
export class Typist {
  private clock = 0
  private readonly first: Uint8Array

  constructor(readonly clientId: number) {
    const doc = new Y.Doc()
    doc.clientID = clientId
    let first: Uint8Array | undefined
    doc.on('update', (update: Uint8Array) => {
      first = update
    })
    doc.getText('t').insert(0, 'a')
    this.first = first!
    doc.destroy()
  }

  /** Number of updates produced so far; the next one has this clock. */
  get sent(): number {
    return this.clock
  }

  next(): Uint8Array {
    const clock = this.clock++
    if (clock === 0) return this.first
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1) // one client
    encoding.writeVarUint(encoder, 1) // one struct
    encoding.writeVarUint(encoder, this.clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeUint8(encoder, 0x84) // Item with a left origin, ContentString
    encoding.writeVarUint(encoder, this.clientId)
    encoding.writeVarUint(encoder, clock - 1)
    encoding.writeVarString(encoder, String.fromCharCode(97 + (clock % 26)))
    encoding.writeVarUint(encoder, 0) // empty delete set
    return encoding.toUint8Array(encoder)
  }
}

/** Throws unless {@link Typist} encodes exactly what Yjs would. */
export function checkTypistEncoding(): void {
  const clientId = 987654321
  const doc = new Y.Doc()
  doc.clientID = clientId
  const expected: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => expected.push(update))
  const text = doc.getText('t')
  for (let i = 0; i < 40; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)))
  const typist = new Typist(clientId)
  const replica = new Y.Doc()
  for (let i = 0; i < 40; i++) {
    const update = typist.next()
    if (i > 0 && Buffer.compare(Buffer.from(update), Buffer.from(expected[i]!)) !== 0) {
      throw new Error(`Typist update ${i} differs from Yjs's encoding`)
    }
    Y.applyUpdate(replica, update)
  }
  if (replica.getText('t').toString() !== text.toString()) throw new Error('Typist updates do not rebuild the text')
  doc.destroy()
  replica.destroy()
}

/**
 * Tracks, per client, how far the updates received so far reach (their clock), from the
 * updates' metadata alone. Works whether a server forwards updates one by one or merged.
 */
export class ClockTracker {
  readonly reached = new Map<number, number>()

  /** Records an update; calls `onAdvance(client, from, to)` for each client it moves forward. */
  add(update: Uint8Array, onAdvance?: (client: number, from: number, to: number) => void): void {
    const { to } = Y.parseUpdateMeta(update)
    for (const [client, clock] of to) {
      const before = this.reached.get(client) ?? 0
      if (clock > before) {
        this.reached.set(client, clock)
        onAdvance?.(client, before, clock)
      }
    }
  }
}
