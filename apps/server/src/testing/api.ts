import type { DocumentDto } from '@dongbi/schema'

/** Creates a document through the REST API as the holder of `token`; throws on anything but 201. */
export async function createDocument(server: { url: string; token: string }, title = '测试文档'): Promise<DocumentDto> {
  const response = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`POST /api/documents answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as DocumentDto
}
