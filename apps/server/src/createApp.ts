import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from './http/ApiError.ts'
import { authenticate } from './http/authenticate.ts'
import type { Services } from './http/ContextVariables.ts'
import { csrfGuard } from './http/csrfGuard.ts'
import { errorResponse } from './http/errorResponse.ts'
import { onError } from './http/onError.ts'
import { passwordChangeGate } from './http/passwordChangeGate.ts'
import { securityHeaders } from './http/securityHeaders.ts'
import { serveWebApp } from './http/serveWebApp.ts'
import { assignments } from './routes/assignments/assignments.ts'
import { documentAssignment } from './routes/assignments/documentAssignment.ts'
import { audit } from './routes/audit/audit.ts'
import { auth } from './routes/auth/auth.ts'
import { branches } from './routes/branches/branches.ts'
import { branchTemplates } from './routes/branches/branchTemplates.ts'
import { templates } from './routes/templates/templates.ts'
import { checkerSettings } from './routes/branches/checkerSettings.ts'
import { invitations } from './routes/branches/invitations.ts'
import { journal } from './routes/journal/journal.ts'
import { studyTopics } from './routes/journal/studyTopics.ts'
import { roster } from './routes/branches/roster.ts'
import { check } from './routes/documents/check.ts'
import { documents } from './routes/documents/documents.ts'
import { threads } from './routes/comments/threads.ts'
import { review } from './routes/documents/review.ts'
import { versions } from './routes/documents/versions.ts'
import { documentExport } from './routes/documents/documentExport.ts'
import { notifications } from './routes/notifications/notifications.ts'
import { reviews } from './routes/reviews/reviews.ts'
import { search } from './routes/search/search.ts'
import { openApiDocument } from './routes/openapi/openApiDocument.ts'
import { tokens } from './routes/tokens/tokens.ts'
import { directory } from './routes/users/directory.ts'
import { users } from './routes/users/users.ts'

export interface CreateAppOptions extends Services {
  log?: (message: string, error?: unknown) => void
}

/**
 * The Hono app: REST under /api, the built web app everywhere else. Every API request goes
 * body limit → authenticate → CSRF guard → password-change gate → route (which validates,
 * asks the policy, acts).
 */
export function createApp({ log = console.error, ...services }: CreateAppOptions) {
  const api = new Hono()
    .use(
      bodyLimit({
        maxSize: services.config.maxBodyBytes,
        onError: (c) => errorResponse(c, 'payload_too_large', `请求体超过 ${services.config.maxBodyBytes} 字节 (body too large)`),
      }),
    )
    .use(authenticate())
    .use(csrfGuard())
    .use(passwordChangeGate())
    .get('/health', (c) => c.json({ ok: true }))
    .get('/openapi.json', (c) => c.json(openApiDocument()))
    .route('/auth', auth)
    .route('/tokens', tokens)
    .route('/users', users)
    .route('/directory', directory)
    .route('/branches', branches)
    .route('/branches', branchTemplates)
    .route('/templates', templates)
    .route('/branches', studyTopics)
    .route('/journal', journal)
    .route('/branches', checkerSettings)
    .route('/invitations', invitations)
    .route('/roster', roster)
    .route('/documents', documents)
    .route('/documents/:id', threads)
    .route('/documents', review)
    .route('/documents', versions)
    .route('/documents', documentExport)
    .route('/documents', check)
    .route('/notifications', notifications)
    .route('/reviews', reviews)
    .route('/audit', audit)
    .route('/assignments', assignments)
    .route('/documents', documentAssignment)
    .route('/search', search)
    .all('*', () => {
      throw new ApiError('not_found', '没有这个接口 (no such route)')
    })

  const app = new Hono()
  app.use(securityHeaders())
  app.use(async (c, next) => {
    c.set('services', services)
    c.set('principal', null)
    c.set('clientIp', '')
    await next()
  })
  app.route('/api', api)
  if (services.config.webRoot) app.route('/', serveWebApp(services.config.webRoot))
  app.notFound((c) => errorResponse(c, 'not_found', 'not found'))
  app.onError(onError(log))
  return app
}

export type AppType = ReturnType<typeof createApp>
