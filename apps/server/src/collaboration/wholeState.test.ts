import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDocument, encodeSync, openRawSocket, saved, startTestServer, synced, syncStep1, syncStep2, yClient, type RawSocket, type TestServer, type YClient } from '../testing/index.ts'

let server: TestServer | undefined
const sockets: RawSocket[] = []
const clients: YClient[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close()
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = undefined
})

/** What a newcomer (empty state vector) is sent as sync step 2, applied to a fresh doc. */
async function newcomerSees(id: string): Promise<string> {
  const opened = await openRawSocket(server!.collabUrl, id, { token: server!.token })
  if (!opened.socket) throw new Error(`upgrade answered ${opened.status}`)
  sockets.push(opened.socket)
  opened.socket.send(encodeSync(syncStep1, new Uint8Array([0])))
  const step2 = await opened.socket.next((m) => m.type === 'sync' && m.step === syncStep2)
  const doc = new Y.Doc()
  if (step2.type === 'sync') Y.applyUpdate(doc, step2.payload)
  return doc.getText('t').toString()
}

it('newcomers share one encoded state until the document changes, then see the change', async () => {
  server = await startTestServer()
  const { id } = await createDocument(server)
  const writer = yClient(server.collabUrl, id, { token: server.token })
  clients.push(writer)
  await synced(writer)
  writer.doc.getText('t').insert(0, '第一稿')
  await saved(writer)
  expect(await newcomerSees(id)).toBe('第一稿')
  expect(await newcomerSees(id)).toBe('第一稿')
  writer.doc.getText('t').insert(3, '，修改后')
  await saved(writer)
  expect(await newcomerSees(id)).toBe('第一稿，修改后')
})
