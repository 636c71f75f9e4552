import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeInvestigator, startFakeInvestigator } from './fakes/fake-investigator.server.js';
import { type FakeOpenAi, startFakeOpenAi } from './fakes/fake-openai.server.js';
import { eventually } from './support/live-events.js';
import { startTestArgus, type TestArgus, type TestPerson } from './support/test-argus.js';

// The whole chain configured: a fake investigation service first, a fake LLM next, the checklist last.
let investigator: FakeInvestigator;
let fake: FakeOpenAi;
let t: TestArgus;
let admin: TestPerson;

beforeAll(async () => {
  investigator = await startFakeInvestigator();
  fake = await startFakeOpenAi();
  fake.respond((body) =>
    body.stream
      ? {
          content:
            'STEP: Looked at the history.\n```json\n{"summary":"Pool exhausted","probableCause":"Too few connections","evidence":["p99 rose"],"nextSteps":["Raise the pool"],"actionable":true,"confidence":0.7}\n```',
        }
      : {
          content: '{"priority":"high","category":"database","team":null,"confidence":0.8,"rationale":"DB"}',
        },
  );
  t = await startTestArgus({
    INVESTIGATOR_URL: investigator.url,
    INVESTIGATOR_TOKEN: 'inv-token',
    INVESTIGATOR_TIMEOUT_SECONDS: '5',
    AI_API_BASE: fake.baseUrl,
  });
  admin = await t.createPerson({ isAdmin: true });
});
afterAll(async () => {
  await t?.close();
  await investigator?.close();
  await fake?.close();
});

const analysisOf = (key: string) =>
  eventually(
    `analysis of ${key}`,
    async () => (await t.request('GET', `/api/issues/${key}/rca`, { token: admin.token })).body,
    (body) => body.rca?.status === 'completed' || body.rca?.status === 'failed',
  );
const create = async (title: string) =>
  (await t.request('POST', '/api/issues', { token: admin.token, body: { title, priority: 'critical' } }))
    .body;

it("uses the team's investigation service first and shows its steps in order", async () => {
  investigator.script({
    events: [
      { step: { message: 'Reading the recent deploys' } },
      { step: { message: 'Release 2026.11.23 changed the pool size', kind: 'finding' }, delayMs: 20 },
      {
        result: {
          summary: 'A deploy shrank the connection pool.',
          probableCause: 'Release 2026.11.23 set the pool to 2.',
          evidence: ['Errors started two minutes after the deploy'],
          nextSteps: ['Roll back the release'],
          actionable: true,
          confidence: 0.85,
        },
      },
    ],
  });
  const created = await create('Orders API times out');
  const { rca, steps } = await analysisOf(created.key);
  expect(rca).toMatchObject({
    investigator: 'external',
    probableCause: 'Release 2026.11.23 set the pool to 2.',
    attempts: [{ investigator: 'external', outcome: 'completed' }],
  });
  expect(steps.map((step: { kind: string; message: string }) => [step.kind, step.message])).toEqual([
    ['started', 'Trying the investigation service.'],
    ['progress', expect.stringContaining('investigation service at')],
    ['progress', 'Reading the recent deploys'],
    ['finding', 'Release 2026.11.23 changed the pool size'],
    ['completed', 'Done: A deploy shrank the connection pool.'],
  ]);
  const start = investigator.requests.find((request) => request.method === 'POST');
  expect(start?.headers.authorization).toBe('Bearer inv-token');
  expect(start?.body.issue).toMatchObject({
    key: created.key,
    title: 'Orders API times out',
    priority: 'critical',
  });
});

it('records the service failing and moves on to the LLM', async () => {
  investigator.script({ start: { status: 500, body: { message: 'boom' } } });
  const created = await create('Search index stale');
  const { rca, steps } = await analysisOf(created.key);
  expect(rca.investigator).toBe('llm');
  expect(rca.attempts).toEqual([
    { investigator: 'external', outcome: 'failed', error: expect.any(String) },
    { investigator: 'llm', outcome: 'completed', error: null },
  ]);
  expect(steps.find((step: { kind: string }) => step.kind === 'failed')?.message).toMatch(
    /the investigation service failed/,
  );
  expect(steps.map((step: { message: string }) => step.message)).toContain('Looked at the history.');
});

it('records a failing investigation with its own error message', async () => {
  investigator.script({
    events: [{ step: { message: 'Querying logs' } }, { error: 'Log store unreachable' }],
  });
  const created = await create('Payments queue backlog');
  const { rca } = await analysisOf(created.key);
  expect(rca.attempts[0]).toMatchObject({ investigator: 'external', outcome: 'failed' });
  expect(rca.attempts[0].error).toMatch(/Log store unreachable/);
  expect(rca.investigator).toBe('llm');
});
