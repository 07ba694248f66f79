/** A client sent something the protocol does not allow; its socket closes with 4400. */
export class BadMessageError extends Error {
  override name = 'BadMessageError'
}
