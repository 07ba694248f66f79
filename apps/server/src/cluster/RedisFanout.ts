import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { decodeSignal, encodeSignal } from './encodeSignal.ts'
import type { DocumentSignal, Fanout, ServerSignal } from './Fanout.ts'

export interface RedisFanoutOptions {
  /** `redis://host:port[/db]` */
  url: string
  /** Channels are `<prefix>:doc:<id>` and `<prefix>:all`; instances of one deployment share it. */
  prefix: string
  log: (message: string, error?: unknown) => void
}

/**
 * {@link Fanout} over Redis pub/sub: one channel per document, one for the whole deployment.
 * Two connections, since a subscribed Redis connection cannot publish.
 */
export class RedisFanout implements Fanout {
  /** Tells this instance's own signals apart. */
  readonly instanceId = randomBytes(8).toString('base64url')
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly documents = new Map<string, (signal: DocumentSignal) => void>()
  private readonly serverHandlers: ((signal: ServerSignal) => void)[] = []
  private readonly reconnectHandlers: (() => void)[] = []
  private readonly allChannel: string
  private readonly docPrefix: string
  private readyOnce = false

  private constructor(private readonly options: RedisFanoutOptions) {
    this.allChannel = `${options.prefix}:all`
    this.docPrefix = `${options.prefix}:doc:`
    const common = { lazyConnect: true, enableAutoPipelining: true, maxRetriesPerRequest: null }
    this.publisher = new Redis(options.url, { ...common, connectionName: `dongbi-pub-${this.instanceId}` })
    this.subscriber = new Redis(options.url, { ...common, connectionName: `dongbi-sub-${this.instanceId}` })
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => options.log(`redis: ${error.message}`))
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message))
    this.subscriber.on('ready', () => {
      // ioredis resubscribes by itself; whatever was published meanwhile is lost.
      if (this.readyOnce) for (const handler of this.reconnectHandlers) handler()
      this.readyOnce = true
    })
  }

  /** Connects both clients; rejects when Redis cannot be reached, so a misconfigured instance does not start. */
  static async connect(options: RedisFanoutOptions): Promise<RedisFanout> {
    const fanout = new RedisFanout(options)
    try {
      await Promise.all([fanout.publisher.connect(), fanout.subscriber.connect()])
      await fanout.subscriber.subscribe(fanout.allChannel)
    } catch (error) {
      fanout.publisher.disconnect()
      fanout.subscriber.disconnect()
      throw new Error(`cannot reach Redis at REDIS_URL: ${error instanceof Error ? error.message : String(error)}`)
    }
    return fanout
  }

  async subscribe(documentId: string, onSignal: (signal: DocumentSignal) => void): Promise<void> {
    this.documents.set(documentId, onSignal)
    await this.subscriber.subscribe(this.docPrefix + documentId)
  }

  unsubscribe(documentId: string): void {
    if (!this.documents.delete(documentId)) return
    this.subscriber.unsubscribe(this.docPrefix + documentId).catch((error: unknown) => this.options.log(`redis: unsubscribe ${documentId}`, error))
  }

  publish(documentId: string, signal: DocumentSignal): void {
    const message = Buffer.from(encodeSignal(this.instanceId, signal))
    this.publisher.publish(this.docPrefix + documentId, message).catch((error: unknown) => this.options.log(`redis: publish on ${documentId}`, error))
  }

  publishToAll(signal: ServerSignal): void {
    const message = JSON.stringify({ sender: this.instanceId, signal })
    this.publisher.publish(this.allChannel, message).catch((error: unknown) => this.options.log('redis: publish', error))
  }

  onServerSignal(handler: (signal: ServerSignal) => void): void {
    this.serverHandlers.push(handler)
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler)
  }

  private receive(channel: string, message: Buffer): void {
    try {
      if (channel === this.allChannel) {
        const { sender, signal } = JSON.parse(message.toString()) as { sender: string; signal: ServerSignal }
        if (sender === this.instanceId) return
        for (const handler of this.serverHandlers) handler(signal)
        return
      }
      if (!channel.startsWith(this.docPrefix)) return
      const handler = this.documents.get(channel.slice(this.docPrefix.length))
      if (!handler) return
      const { sender, signal } = decodeSignal(new Uint8Array(message.buffer, message.byteOffset, message.byteLength))
      if (sender !== this.instanceId) handler(signal)
    } catch (error) {
      this.options.log(`redis: bad message on ${channel}`, error)
    }
  }

  async close(): Promise<void> {
    this.documents.clear()
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()])
  }
}
