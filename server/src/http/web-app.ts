import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` puts the dashboard; the same relative place from server/src and server/dist. */
const WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Argus</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>The Argus dashboard is not built</h1>
<p>The API is running (<a href="/api/docs">API reference</a>). To build the dashboard, run <code>npm run build</code>
(or start with <code>npm start</code>, which builds everything first).</p></body></html>`;

/**
 * Serves the dashboard: hashed assets with long caching, and index.html for every other browser path so the
 * single-page app can route it. /api and /metrics keep their JSON and text answers.
 */
export async function registerWebApp(app: FastifyInstance, root: string = WEB_ROOT): Promise<void> {
  const isBuilt = existsSync(`${root}index.html`);
  if (isBuilt) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // Built assets carry a content hash in their names; everything else must be revalidated.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage =
      request.method === 'GET' && !path.startsWith('/api/') && path !== '/api' && path !== '/metrics';
    if (isPage && isBuilt) return reply.type('text/html').sendFile('index.html');
    if (isPage) return reply.code(503).type('text/html').send(NOT_BUILT_PAGE);
    return reply
      .code(404)
      .send({ error: { code: 'ROUTE_NOT_FOUND', message: `No endpoint ${request.method} ${path}.` } });
  });
}
