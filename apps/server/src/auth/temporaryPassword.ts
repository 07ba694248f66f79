import { randomInt } from 'node:crypto'

// No 0/O, 1/l/I: people read these off a printed list.
const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A 12-character one-time password for admin resets and roster imports. */
export function temporaryPassword(): string {
  let out = ''
  for (let i = 0; i < 12; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}
