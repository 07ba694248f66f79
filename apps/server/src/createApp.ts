import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from './http/ApiError.ts'
import type { Services } from './http/ContextVariables.ts'
import { errorResponse } from './http/errorResponse.ts'
import { onError } from './http/onError.ts'
import { documents } from './routes/documents/documents.ts'
import { openApiDocument } from './routes/openapi/openApiDocument.ts'
import { serveWebApp } from './http/serveWebApp.ts'

export interface CreateAppOptions extends Services {
  log?: (message: string, error?: unknown) => void
}

/** The Hono app: REST under /api, the built web app everywhere else. */
export function createApp({ log = console.error, ...services }: CreateAppOptions) {
  const api = new Hono()
    .use(
      bodyLimit({
        maxSize: services.config.maxBodyBytes,
        onError: (c) => errorResponse(c, 'payload_too_large', `请求体超过 ${services.config.maxBodyBytes} 字节 (body too large)`),
      }),
    )
    .get('/health', (c) => c.json({ ok: true }))
    .get('/openapi.json', (c) => c.json(openApiDocument()))
    .route('/documents', documents)
    .all('*', () => {
      throw new ApiError('not_found', '没有这个接口 (no such route)')
    })

  const app = new Hono()
  app.use(async (c, next) => {
    c.set('services', services)
    await next()
  })
  app.route('/api', api)
  if (services.config.webRoot) app.route('/', serveWebApp(services.config.webRoot))
  app.notFound((c) => errorResponse(c, 'not_found', 'not found'))
  app.onError(onError(log))
  return app
}

export type AppType = ReturnType<typeof createApp>
