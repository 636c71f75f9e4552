import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.js';

const built = `${mkdtempSync(join(tmpdir(), 'argus-web-'))}/`;
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(built, 'assets', 'main-abc123.js'), 'console.log("argus")');
const missing = `${mkdtempSync(join(tmpdir(), 'argus-web-missing-'))}/`;
afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(missing, { recursive: true, force: true });
});

async function appServing(root: string) {
  const app = Fastify();
  app.get('/api/health', async () => ({ status: 'ok' }));
  await registerWebApp(app, root);
  return app;
}

describe('serving the dashboard', () => {
  it('answers every page path with the app, and assets with long caching', async () => {
    const app = await appServing(built);
    for (const path of ['/', '/issues?priority=critical', '/issues/ARG-42', '/teams/abc']) {
      const page = await app.inject({ method: 'GET', url: path });
      expect(page.statusCode, path).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<div id="root">');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('keeps JSON errors for unknown API paths and other methods', async () => {
    const app = await appServing(built);
    const api = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'No endpoint GET /api/nope.' } });
    expect((await app.inject({ method: 'POST', url: '/teams' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });

  it('says how to build the dashboard when it is missing, and the API still works', async () => {
    const app = await appServing(missing);
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
