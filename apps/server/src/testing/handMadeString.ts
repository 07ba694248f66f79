import * as encoding from 'lib0/encoding'

/**
 * An update of one string item of `client` at `clock` under a root type, no origins: as only
 * a hand-made update has it. `collectedAfter`: that many garbage-collected clocks follow it.
 */
export function handMadeString(client: number, clock: number, parent: { root: string }, text: string, options: { collectedAfter?: number } = {}): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // one client
  writeStringSection(encoder, client, clock, parent, text, options.collectedAfter ?? 0)
  encoding.writeVarUint(encoder, 0) // no deletions
  return encoding.toUint8Array(encoder)
}

function writeStringSection(encoder: encoding.Encoder, client: number, clock: number, parent: { root: string }, text: string, collectedAfter = 0): void {
  encoding.writeVarUint(encoder, collectedAfter > 0 ? 2 : 1) // structs
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, clock)
  encoding.writeUint8(encoder, 4) // a string, no origins
  encoding.writeVarUint(encoder, 1) // parent: a root type
  encoding.writeVarString(encoder, parent.root)
  encoding.writeVarString(encoder, text)
  if (collectedAfter > 0) {
    encoding.writeUint8(encoder, 0) // GC
    encoding.writeVarUint(encoder, collectedAfter)
  }
}
