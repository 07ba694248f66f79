import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../testing/index.ts'
import { openApiDocument } from './openApiDocument.ts'

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.close()
})

/** `METHOD /path/{param}` for every concrete route the app registers under /api. */
function appRoutes(): string[] {
  const routes = server.app.routes
    // Middleware and the catch-all 404 are registered for ALL methods on wildcard paths.
    .filter((route) => route.path.startsWith('/api/') && !(route.method === 'ALL' && route.path.endsWith('*')))
    .map((route) => `${route.method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
  return [...new Set(routes)].sort()
}

/** `METHOD /path` for every operation the OpenAPI document describes. */
function documentedRoutes(document: Record<string, unknown>): string[] {
  const paths = document.paths as Record<string, Record<string, unknown>>
  return Object.entries(paths)
    .flatMap(([path, item]) => Object.keys(item).filter((key) => httpMethods.has(key)).map((method) => `${method.toUpperCase()} ${path}`))
    .sort()
}

describe('the OpenAPI document', () => {
  it('lists every route the app serves under /api, and nothing it does not serve', () => {
    const served = appRoutes()
    // Guard the guard: the filter must still see the document routes.
    expect(served).toContain('GET /api/documents/{id}/content')
    expect(served.length).toBeGreaterThanOrEqual(10)
    const documented = documentedRoutes(openApiDocument())
    expect(served.filter((route) => !documented.includes(route)), 'routes served but not documented').toEqual([])
    expect(documented.filter((route) => !served.includes(route)), 'routes documented but not served').toEqual([])
  })

  it('declares every path parameter it uses', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>
    for (const [path, item] of Object.entries(paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      const operations = Object.entries(item).filter(([key]) => httpMethods.has(key))
      for (const [method, operation] of operations) {
        const parameters = [
          ...((item.parameters as { name: string; in: string }[] | undefined) ?? []),
          ...(((operation as { parameters?: { name: string; in: string }[] }).parameters) ?? []),
        ]
        const declared = parameters.filter((p) => p.in === 'path').map((p) => p.name)
        expect(declared.sort(), `${method.toUpperCase()} ${path}`).toEqual(inPath.sort())
      }
    }
  })

  it('is served at /api/openapi.json with resolvable schema references', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`)
    expect(response.status).toBe(200)
    const served = (await response.json()) as { openapi: string; components: { schemas: Record<string, unknown> } }
    expect(served.openapi).toMatch(/^3\.1\./)
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())))
    const refs = [...JSON.stringify(served).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) expect(served.components.schemas, ref).toHaveProperty(ref)
  })
})
