/** `update` with one to three random byte-level changes: overwrites, cuts, deletions, insertions and copies. */
export function mutateUpdate(update: Uint8Array, random: () => number): Uint8Array {
  const bytes = [...update]
  const at = () => Math.floor(random() * (bytes.length + 1))
  const interesting = [0, 1, 2, 4, 7, 8, 9, 10, 11, 31, 42, 0x7f, 0x80, 0xbf, 0xc0, 0xed, 0xf4, 0xff, 116, 117, 118, 122, 125]
  const times = 1 + Math.floor(random() * 3)
  for (let t = 0; t < times; t++) {
    const kind = Math.floor(random() * 6)
    const i = at()
    if (kind === 0 && bytes.length > 0) bytes[Math.min(i, bytes.length - 1)] = Math.floor(random() * 256)
    else if (kind === 1 && bytes.length > 0) bytes[Math.min(i, bytes.length - 1)] = interesting[Math.floor(random() * interesting.length)]!
    else if (kind === 2) bytes.length = Math.min(bytes.length, i)
    else if (kind === 3) bytes.splice(i, 1 + Math.floor(random() * 4))
    else if (kind === 4) bytes.splice(i, 0, ...Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * 256)))
    else {
      const from = Math.floor(random() * bytes.length)
      bytes.splice(i, 0, ...bytes.slice(from, from + 1 + Math.floor(random() * 8)))
    }
  }
  return Uint8Array.from(bytes)
}
