import { replaceBody } from '@dongbi/schema'
import { saved, synced, yClient } from './yClient.ts'

/** One ProseMirror paragraph per string, as a document body. */
export function paragraphs(...texts: string[]): Record<string, unknown> {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })) }
}

/** Makes a document's body hold `texts` (one paragraph each) through a real socket, as the token's holder; resolves once stored. */
export async function writeBody(collabUrl: string, documentId: string, token: string, ...texts: string[]): Promise<void> {
  const client = yClient(collabUrl, documentId, { token })
  try {
    await synced(client)
    replaceBody(client.doc, paragraphs(...texts))
    await saved(client)
  } finally {
    client.destroy()
  }
}
