import { bodyFragmentName, MessageType } from '@dongbi/schema'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'

// Every WebsocketProvider adds a process 'exit' listener; tests run a dozen at once.
process.setMaxListeners(Math.max(process.getMaxListeners(), 64))

export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  text(): string
  /** The rich-text body (`XmlFragment 'default'`) as an XML string. */
  xml(): string
  destroy(): void
}

/** A stock y-websocket client (Node `ws` as its WebSocket), connected to `collabUrl/documentId` with `?token=`. */
export function yClient(collabUrl: string, documentId: string, options: { connect?: boolean; doc?: Y.Doc; token?: string } = {}): YClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(collabUrl, documentId, doc, {
    params: options.token ? { token: options.token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    maxBackoffTime: 200,
  })
  return {
    doc,
    provider,
    text: () => doc.getText('t').toString(),
    xml: () => doc.getXmlFragment(bodyFragmentName).toString(),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once the provider has completed its first sync with the server. */
export function synced(client: YClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      client.provider.off('sync', onSync)
      resolve()
    }
    client.provider.on('sync', onSync)
  })
}

const savedWaiters = new WeakMap<WebsocketProvider, Map<number, () => void>>()
let nextSavedRequest = 1

/** The pending `saved()` calls of a provider; teaches the stock provider the `Saved` message type. */
function savedWaitersOf(provider: WebsocketProvider): Map<number, () => void> {
  let waiters = savedWaiters.get(provider)
  if (!waiters) {
    const created = new Map<number, () => void>()
    provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) => {
      const n = decoding.readVarUint(decoder)
      created.get(n)?.()
      created.delete(n)
    }
    savedWaiters.set(provider, created)
    waiters = created
  }
  return waiters
}

/**
 * Sends `[SavedRequest, n]` on the provider's socket and resolves once the server answers
 * `[Saved, n]`, i.e. once everything this client sent before is durable.
 */
export function saved(client: YClient, { timeoutMs = 10_000 } = {}): Promise<void> {
  const { provider } = client
  const ws = provider.ws
  if (!ws || !provider.wsconnected) return Promise.reject(new Error('saved(): the provider is not connected'))
  const waiters = savedWaitersOf(provider)
  const n = nextSavedRequest++
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no [Saved, ${n}] within ${timeoutMs} ms`)), timeoutMs)
    waiters.set(n, () => {
      clearTimeout(timer)
      resolve()
    })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.SavedRequest)
    encoding.writeVarUint(encoder, n)
    ws.send(encoding.toUint8Array(encoder))
  })
}

/** Resolves with the code and reason of the next close of the provider's socket. */
export function nextClose(client: YClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const onClose = (event: CloseEvent | null) => {
      client.provider.off('connection-close', onClose)
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })
    }
    client.provider.on('connection-close', onClose)
  })
}

/**
 * Polls `predicate` (sync or async) on every event-loop turn until it holds or `timeoutMs`
 * passes; the timeout error names `message`.
 */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, message = 'condition' }: { timeoutMs?: number; message?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Resolves like `promise`, or rejects naming `what` if it takes longer than `timeoutMs`. */
export async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
