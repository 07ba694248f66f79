import * as Y from 'yjs'
import { whenTextLength } from '../lib/content.ts'
import type { PaperDocument } from '../lib/fixtures.ts'
import { waitForQuiet } from '../lib/contention.ts'
import { sleep } from '../lib/stats.ts'
import type { ProviderClient, ServerHandle, ServerKind } from '../servers/servers.ts'

function destroy(client: ProviderClient | undefined): void {
  if (!client) return
  client.destroy()
  client.doc.destroy()
}

/**
 * Row 2, for one server. Time from creating a stock provider (the server's own client
 * library) on a fresh Y.Doc to that doc holding the whole automerge-paper text. "Whole
 * text", not the provider's synced event: @y/websocket-server answers sync before its
 * y-leveldb read finishes and sends the stored content later as an update.
 *
 * - {@link prepare}: the replayed trace goes through one client; a second client ("keeper")
 *   receives it all and stays connected so the document stays in memory; two unmeasured
 *   runs warm the code paths.
 * - {@link warm}: document in memory.
 * - {@link cold}: server restarted on the same data, so the document comes from disk; a
 *   small other document is opened first so the new process is not JIT-cold.
 */
export class FirstSync {
  private server: ServerHandle | undefined
  private documentId = ''
  private warmupId = ''
  private readonly clients: ProviderClient[] = []
  /** Time to push the trace through a client until another client had all of it, ms. */
  loadMs = 0

  constructor(
    readonly kind: ServerKind,
    private readonly dataDir: string,
    private readonly paper: PaperDocument,
  ) {}

  private get length(): number {
    return this.paper.endContent.length
  }

  private async timeToFullText(): Promise<number> {
    const server = this.server!
    await waitForQuiet(() => server.child.cpuSeconds(), 30, 5_000)
    const start = performance.now()
    const client = this.server!.provider(this.documentId, new Y.Doc())
    try {
      await whenTextLength(client.doc, this.length, 60_000)
      const ms = performance.now() - start
      if (client.doc.getText('t').toString() !== this.paper.endContent) throw new Error(`${this.kind.key}: synced text differs from endContent`)
      return ms
    } finally {
      destroy(client)
      await sleep(150)
    }
  }

  async prepare(): Promise<void> {
    const server = (this.server = await this.kind.start(this.dataDir))
    this.documentId = await server.createDocument()
    this.warmupId = await server.createDocument()
    const loadStart = performance.now()
    const loader = server.provider(this.documentId, new Y.Doc())
    this.clients.push(loader)
    await loader.synced
    for (const update of this.paper.updates) Y.applyUpdate(loader.doc, update)
    const keeper = server.provider(this.documentId, new Y.Doc())
    this.clients.push(keeper)
    await whenTextLength(keeper.doc, this.length, 120_000)
    this.loadMs = performance.now() - loadStart
    await sleep(300)
    for (let i = 0; i < 2; i++) await this.timeToFullText()
  }

  warm(): Promise<number> {
    return this.timeToFullText()
  }

  async cold(): Promise<number> {
    for (const client of this.clients.splice(0)) destroy(client)
    await this.server?.stop()
    this.server = undefined
    this.server = await this.kind.start(this.dataDir)
    const warmup = this.server.provider(this.warmupId, new Y.Doc())
    await warmup.synced
    destroy(warmup)
    await sleep(200)
    return this.timeToFullText()
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) destroy(client)
    await this.server?.stop()
    this.server = undefined
  }
}
