import type { IncomingMessage } from 'node:http'

/**
 * The client's address: the socket's peer, unless that peer is a configured trusted proxy,
 * in which case the right-most X-Forwarded-For entry that is not itself a trusted proxy.
 * A raw X-Forwarded-For from an untrusted peer is never believed.
 */
export function clientAddress(request: Pick<IncomingMessage, 'socket' | 'headers'>, trustedProxies: readonly string[]): string {
  const peer = normalize(request.socket.remoteAddress ?? '')
  if (!trustedProxies.includes(peer)) return peer
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => normalize(part.trim()))
    .filter(Boolean)
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(forwarded[i]!)) return forwarded[i]!
  }
  return peer
}

/** True when the socket's peer is one of the configured trusted proxies (so its X-Forwarded-* headers count). */
export function peerIsTrustedProxy(request: Pick<IncomingMessage, 'socket'>, trustedProxies: readonly string[]): boolean {
  return trustedProxies.includes(normalize(request.socket.remoteAddress ?? ''))
}

function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address
}
