import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestArgus, type TestArgus, testDatabaseKind } from './support/test-argus.js';

let t: TestArgus;
beforeAll(async () => {
  t = await startTestArgus({
    ARGUS_ADMIN_EMAIL: 'root@example.com',
    ARGUS_ADMIN_PASSWORD: 'correct horse battery',
    LOGIN_RATE_LIMIT_PER_MINUTE: '5',
  });
});
afterAll(async () => t?.close());

describe('signing in', () => {
  it('creates the first admin from the environment and signs in with a cookie and a token', async () => {
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'ROOT@example.com', password: 'correct horse battery' },
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/argus_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await t.request('GET', '/api/auth/me', { token: login.body.token });
    expect(me.body).toMatchObject({ email: 'root@example.com', isAdmin: true, role: 'admin' });

    const session = cookie.match(/argus_session=([^;]+)/)![1]!;
    const withoutCsrf = await t.request('POST', '/api/teams', {
      cookies: { argus_session: session },
      body: { name: 'Cookie team' },
    });
    expect(withoutCsrf.status).toBe(403);
    expect(withoutCsrf.body.error.code).toBe('CSRF_FAILED');
    const withCsrf = await t.request('POST', '/api/teams', {
      cookies: { argus_session: session },
      headers: { 'x-csrf-token': login.body.csrfToken },
      body: { name: 'Cookie team' },
    });
    expect(withCsrf.status).toBe(201);

    await t.request('POST', '/api/auth/logout', { token: login.body.token });
    expect((await t.request('GET', '/api/auth/me', { token: login.body.token })).status).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail the same way, then rate-limits', async () => {
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { email: 'root@example.com', password: 'nope' },
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { email: 'ghost@example.com', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push(
        (
          await t.request('POST', '/api/auth/login', {
            body: { email: 'root@example.com', password: 'nope' },
          })
        ).status,
      );
    }
    expect(statuses).toContain(429);
  });

  it('offers the first-run form only while no user exists', async () => {
    const setup = await t.request('POST', '/api/auth/setup', {
      body: { email: 'late@example.com', name: 'Late', password: 'another long secret' },
    });
    expect(setup.status).toBe(409);
    expect((await t.request('GET', '/api/auth/config')).body).toMatchObject({
      needsSetup: false,
      oidc: { enabled: false },
    });
  });

  it('creates, uses and revokes a personal API token', async () => {
    const person = await t.createPerson({ isAdmin: true });
    const created = await t.request('POST', '/api/tokens', {
      token: person.token,
      body: { name: 'deploy bot' },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^argus_pat_/);
    expect((await t.request('GET', '/api/issues', { token: created.body.token })).status).toBe(200);
    const stored = await t.argus.database.executeSql('select token_hash from api_tokens where id = $1', [
      created.body.id,
    ]);
    expect(stored.rows[0]?.token_hash).not.toContain(created.body.token);
    expect(
      (await t.request('DELETE', `/api/tokens/${created.body.id}`, { token: person.token })).status,
    ).toBe(204);
    const after = await t.request('GET', '/api/issues', { token: created.body.token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('INVALID_TOKEN');
  });
});

describe('operations', () => {
  it('reports health, and serves Prometheus metrics with issue gauges and request histograms', async () => {
    const health = await t.request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      database: testDatabaseKind,
      checks: { database: { ok: true } },
    });
    const metrics = await t.request('GET', '/metrics');
    expect(metrics.body).toContain('argus_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('argus_job_queue_depth{queue="issue.assign-unassigned"}');
    expect(metrics.body).toContain('# TYPE argus_open_issues gauge');
  });

  it('publishes the OpenAPI document of the API', async () => {
    const doc = await t.request('GET', '/api/docs/json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/issues', '/api/issues/{id}/resolve', '/api/teams/{id}/members']),
    );
  });

  it('keeps every table inside DB_SCHEMA', async () => {
    const tables = await t.argus.database.executeSql(
      `select table_schema, table_name from information_schema.tables where table_name in ('issues', 'users', 'job', 'schema_migrations')`,
    );
    expect(new Set(tables.rows.map((row) => row.table_schema))).toEqual(new Set(['argus']));
    expect(tables.rows).toHaveLength(4);
  });

  it('ships migrations without a hard-coded schema', () => {
    const dir = new URL('../src/db/migrations/', import.meta.url);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.sql'))) {
      const sql = readFileSync(new URL(file, dir), 'utf8');
      expect(sql).not.toMatch(/"public"\./);
      expect(sql).not.toMatch(/CREATE SCHEMA/i);
    }
  });
});

describe('live events', () => {
  it('delivers committed changes to a live event stream', async () => {
    const seen: string[] = [];
    const unsubscribe = t.argus.events.subscribe((event) => seen.push(event.type));
    const admin = await t.createPerson({ isAdmin: true });
    await t.request('POST', '/api/issues', { token: admin.token, body: { title: 'Live one' } });
    await expect
      .poll(() => seen, { timeout: 5000 })
      .toEqual(expect.arrayContaining(['issue.created', 'issue.history']));
    unsubscribe();
  });
});
