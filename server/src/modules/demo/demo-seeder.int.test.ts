import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestArgus, type TestArgus } from '../../../test/support/test-argus.js';
import { createDemoSeeder } from './demo-seeder.js';

let t: TestArgus;
beforeAll(async () => {
  t = await startTestArgus({
    ARGUS_ADMIN_EMAIL: 'admin@example.com',
    ARGUS_ADMIN_PASSWORD: 'a long enough secret',
  });
});
afterAll(async () => t?.close());

it('fills an empty tracker with teams, people and issues whose histories and response times look real', async () => {
  const { db } = t.argus.database;
  const seeder = createDemoSeeder({
    db,
    clock: { now: () => new Date('2026-06-01T12:00:00Z') },
    events: t.argus.events,
    jobs: t.argus.jobs,
    issueKeyPrefix: 'ARG',
    issues: t.argus.services.issues,
    teams: t.argus.services.teams,
    users: t.argus.services.users,
    issueCount: 60,
    days: 60,
  });
  expect(await seeder.seed()).toEqual({ seeded: true, teams: 5, users: 16, issues: 60 });

  const login = await t.request('POST', '/api/auth/login', {
    body: { email: 'admin@example.com', password: 'a long enough secret' },
  });
  const token = login.body.token;
  const teams = await t.request('GET', '/api/teams', { token });
  expect(teams.body.items.map((team: { name: string }) => team.name)).toEqual([
    'Data',
    'Mobile',
    'Payments',
    'Platform',
    'Security',
  ]);
  const resolved = await t.request('GET', '/api/issues?status=resolved,closed&pageSize=1', { token });
  const open = await t.request('GET', '/api/issues?status=open,acknowledged,in_progress&pageSize=1', {
    token,
  });
  expect(resolved.body.page.total + open.body.page.total).toBe(60);
  expect(resolved.body.page.total).toBeGreaterThan(20);
  const sample = await t.request('GET', `/api/issues/${resolved.body.items[0].key}/history`, { token });
  const actions = sample.body.items.map((entry: { action: string }) => entry.action);
  expect(actions.slice(0, 2)).toEqual(['created', 'assigned']);
  expect(actions).toContain('resolved');
  // Demo timestamps follow the story, not the moment of seeding.
  expect(new Date(sample.body.items[0].at).getTime()).toBeLessThan(
    new Date('2026-06-01T12:00:00Z').getTime(),
  );

  expect(await seeder.seed()).toMatchObject({
    seeded: false,
    reason: expect.stringContaining('already has 60 issues'),
  });
});
