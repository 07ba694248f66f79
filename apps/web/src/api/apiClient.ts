import type { CreateDocumentBody, DocumentDto, DocumentListDto, ErrorBody, UpdateDocumentBody } from '@dongbi/schema'

/** An error answer from the API, with its machine-readable code. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 204) return undefined as T
  const data: unknown = await response.json().catch(() => ({}))
  if (!response.ok) {
    const error = (data as Partial<ErrorBody>).error
    throw new ApiRequestError(response.status, error?.code ?? 'unknown', error?.message ?? response.statusText)
  }
  return data as T
}

/** The REST API, typed by the shared schemas of @dongbi/schema. */
export const api = {
  listDocuments: (deleted = false) => request<DocumentListDto>('GET', `/documents${deleted ? '?deleted=true' : ''}`),
  getDocument: (id: string) => request<DocumentDto>('GET', `/documents/${encodeURIComponent(id)}`),
  createDocument: (body: CreateDocumentBody) => request<DocumentDto>('POST', '/documents', body),
  renameDocument: (id: string, body: UpdateDocumentBody) => request<DocumentDto>('PATCH', `/documents/${encodeURIComponent(id)}`, body),
  deleteDocument: (id: string) => request<DocumentDto>('DELETE', `/documents/${encodeURIComponent(id)}`),
  restoreDocument: (id: string) => request<DocumentDto>('POST', `/documents/${encodeURIComponent(id)}/restore`),
  purgeDocument: (id: string) => request<void>('DELETE', `/documents/${encodeURIComponent(id)}/permanent`),
}
