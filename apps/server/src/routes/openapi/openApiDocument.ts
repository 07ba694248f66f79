import {
  createDocumentBody,
  documentContentSchema,
  documentListSchema,
  documentSchema,
  errorSchema,
  updateDocumentBody,
} from '@dongbi/schema'
import { z } from 'zod'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } })
const error = (description: string) => ({ description, ...json('Error') })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }

/** Every schema the API uses, by component name. */
const components = {
  Document: documentSchema,
  DocumentList: documentListSchema,
  DocumentContent: documentContentSchema,
  CreateDocument: createDocumentBody,
  UpdateDocument: updateDocumentBody,
  Error: errorSchema,
}

/**
 * The OpenAPI 3.1 description of the REST API. Schemas come from the same zod definitions
 * the routes validate with; a test checks that every route the app serves is listed here.
 */
export function openApiDocument(): Record<string, unknown> {
  const schemas = Object.fromEntries(
    Object.entries(components).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })]),
  )
  return {
    openapi: '3.1.0',
    info: { title: '动笔 Dongbi API', version: '0.1.0', description: 'Errors are always `{ "error": { "code", "message" } }`.' },
    paths: {
      '/api/health': { get: { summary: 'Liveness probe', responses: { 200: { description: 'ok' } } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI document' } } } },
      '/api/documents': {
        get: {
          summary: 'List documents (live, or the trash with deleted=true)',
          parameters: [{ name: 'deleted', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } }],
          responses: { 200: { description: 'Documents, most recently edited first', ...json('DocumentList') }, 400: error('Bad query') },
        },
        post: {
          summary: 'Create a document',
          requestBody: { required: true, ...json('CreateDocument') },
          responses: {
            201: { description: 'Created', ...json('Document') },
            400: error('Invalid body'),
            413: error('Body too large'),
            415: error('Not JSON'),
          },
        },
      },
      '/api/documents/{id}': {
        parameters: [idParam],
        get: { summary: 'Get a document', responses: { 200: { description: 'The document', ...json('Document') }, 404: error('Unknown id') } },
        patch: {
          summary: 'Rename a document',
          requestBody: { required: true, ...json('UpdateDocument') },
          responses: {
            200: { description: 'Renamed', ...json('Document') },
            400: error('Invalid body'),
            404: error('Unknown id'),
            409: error('In the trash'),
          },
        },
        delete: {
          summary: 'Move a document to the trash (its open sockets close with 4404)',
          responses: { 200: { description: 'Trashed', ...json('Document') }, 404: error('Unknown id') },
        },
      },
      '/api/documents/{id}/restore': {
        parameters: [idParam],
        post: { summary: 'Restore from the trash', responses: { 200: { description: 'Restored', ...json('Document') }, 404: error('Unknown id') } },
      },
      '/api/documents/{id}/permanent': {
        parameters: [idParam],
        delete: {
          summary: 'Delete a trashed document for good',
          responses: { 204: { description: 'Deleted' }, 404: error('Unknown id'), 409: error('Not in the trash') },
        },
      },
      '/api/documents/{id}/content': {
        parameters: [idParam, { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'text', 'html'] } }],
        get: {
          summary: 'The stored body as ProseMirror JSON, plain text or HTML',
          responses: { 200: { description: 'Content', ...json('DocumentContent') }, 404: error('Unknown id') },
        },
      },
    },
    components: { schemas },
  }
}
