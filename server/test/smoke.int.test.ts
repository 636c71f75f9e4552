import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestArgus, type TestArgus } from './support/test-argus.js';

let t: TestArgus;
beforeAll(async () => {
  t = await startTestArgus();
});
afterAll(async () => t?.close());

it('creates an issue and lists it', async () => {
  const team = await t.createTeam();
  const agent = await t.createPerson({ memberships: [{ teamId: team.id, role: 'agent' }] });
  const created = await t.request('POST', '/api/issues', {
    token: agent.token,
    body: { title: 'Redis is down', teamId: team.id, priority: 'critical' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.assignees[0].id).toBe(agent.id);
  const list = await t.request('GET', '/api/issues?q=redis', { token: agent.token });
  expect(list.body.items.map((i: { key: string }) => i.key)).toEqual([created.body.key]);
});
