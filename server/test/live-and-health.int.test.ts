import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readEvents } from './support/live-events.js';
import { startTestArgus, type TestArgus } from './support/test-argus.js';

let t: TestArgus;
let base: string;
beforeAll(async () => {
  // No job workers: the last test pulls the database away, which must not race a triage job finishing.
  t = await startTestArgus({}, { runJobs: false });
  await t.argus.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.argus.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t?.close());

it('streams a change made by someone else to a signed-in viewer, and refuses strangers', async () => {
  const viewer = await t.createPerson({ name: 'Watcher' });
  const admin = await t.createPerson({ isAdmin: true, name: 'Maker' });
  expect((await fetch(`${base}/api/events`)).status).toBe(401);

  const stream = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${viewer.token}` } });
  expect(stream.status).toBe(200);
  expect(stream.headers.get('content-type')).toContain('text/event-stream');
  const created = await t.request('POST', '/api/issues', {
    token: admin.token,
    body: { title: 'Seen live' },
  });
  const events = await readEvents(stream, (seen) => seen.some((event) => event.event === 'issue.history'));
  expect(events[0]).toMatchObject({ event: 'issue.created', data: { issueKey: created.body.key } });
  expect(events.find((event) => event.event === 'issue.history')?.data.history).toMatchObject({
    action: 'created',
    actor: { name: 'Maker' },
  });
});

it('answers 503 from the health check when the database is gone', async () => {
  await t.argus.database.close();
  const health = await fetch(`${base}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ status: 'unavailable', checks: { database: { ok: false } } });
});
