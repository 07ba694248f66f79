import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'

export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  text(): string
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

/** Polls `predicate` on every event-loop turn until it holds or `timeoutMs` passes. */
export async function waitFor(predicate: () => boolean, { timeoutMs = 10_000, message = 'condition' } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
