import type { DocumentDto } from '@dongbi/schema'

/** Creates a document through the REST API and returns it; throws on anything but 201. */
export async function createDocument(baseUrl: string, title = '测试文档'): Promise<DocumentDto> {
  const response = await fetch(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (response.status !== 201) throw new Error(`POST /api/documents answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as DocumentDto
}
