import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/**
 * Serves the built web app: hashed assets with long caching, and index.html for every
 * other path so client-side routes survive a reload.
 */
export function serveWebApp(root: string) {
  const indexFile = path.join(root, 'index.html')
  return new Hono()
    .use('/assets/*', async (c, next) => {
      await next()
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
    })
    .use('*', serveStatic({ root }))
    .get('*', (c) => {
      if (!fs.existsSync(indexFile)) {
        return c.text('动笔: the web app is not built yet — run `npm start` (it builds it) or `pnpm build`.', 503)
      }
      c.header('Cache-Control', 'no-cache')
      return c.html(fs.readFileSync(indexFile, 'utf8'))
    })
}
