import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/live-events.js';
import { startTestArgus, type TestArgus, type TestPerson } from './support/test-argus.js';

// No AI service configured: everything here comes from the local engine and the checklist.
let t: TestArgus;
let admin: TestPerson;
let payments: { id: string; name: string };
let identity: { id: string; name: string };
let payer: TestPerson;
beforeAll(async () => {
  t = await startTestArgus();
  admin = await t.createPerson({ isAdmin: true, name: 'Ada Admin' });
  payments = await t.createTeam('Payments', { routingKeywords: ['checkout', 'payment', 'stripe', 'refund'] });
  identity = await t.createTeam('Identity', { routingKeywords: ['sso', 'oauth', 'mfa'] });
  payer = await t.createPerson({
    name: 'Pat Payments',
    memberships: [{ teamId: payments.id, role: 'agent' }],
  });
});
afterAll(async () => t?.close());

const issueOf = async (key: string) =>
  (await t.request('GET', `/api/issues/${key}`, { token: admin.token })).body;
const triaged = (key: string) =>
  eventually(
    `triage of ${key}`,
    () => issueOf(key),
    (issue) => issue.triage !== null,
    10_000,
  );
const analysed = (key: string) =>
  eventually(
    `analysis of ${key}`,
    async () => (await t.request('GET', `/api/issues/${key}/rca`, { token: admin.token })).body,
    (body) => body.rca?.status === 'completed' || body.rca?.status === 'failed',
  );

describe('triage without any AI service', () => {
  it('routes a new issue by its words, raises its priority, assigns the team and says why', async () => {
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Checkout is down for all users', description: 'Every payment attempt ends in a 502.' },
    });
    expect(created.status).toBe(201);
    expect(created.body.triage).toBeNull();
    const issue = await triaged(created.body.key);
    expect(issue.triage).toMatchObject({
      source: 'rules',
      team: { name: 'Payments' },
      applied: { priority: true, team: true, category: true },
      fallbackReason: null,
    });
    expect(issue.triage.rationale.length).toBeGreaterThan(10);
    expect(issue.team).toEqual({ id: payments.id, name: 'Payments' });
    expect(issue.priority).toBe('critical');
    expect(issue.assignees.map((person: { name: string }) => person.name)).toEqual(['Pat Payments']);
    const history = (
      await t.request('GET', `/api/issues/${created.body.key}/history`, { token: admin.token })
    ).body;
    expect(history.items.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['created', 'triaged', 'assigned']),
    );
    expect(history.items[0]).toMatchObject({ action: 'created', details: { priorityLeftToTriage: true } });
    expect(history.items.find((entry: { action: string }) => entry.action === 'triaged')).toMatchObject({
      actor: { name: 'Argus' },
      details: { source: 'rules', team: { name: 'Payments' } },
    });
  });

  it('never overwrites the priority, team or category the creator chose', async () => {
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: {
        title: 'Stripe refund webhooks all failing, checkout down',
        priority: 'low',
        teamId: identity.id,
        category: 'other',
      },
    });
    const issue = await triaged(created.body.key);
    expect(issue.triage.applied).toEqual({ priority: false, team: false, category: false });
    expect(issue.triage.team?.name).toBe('Payments');
    expect(issue).toMatchObject({ priority: 'low', team: { name: 'Identity' }, category: 'other' });
  });

  it('keeps a priority a person changed after creation when someone asks for a re-triage', async () => {
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Refund button misaligned on the checkout page' },
    });
    await triaged(created.body.key);
    await t.request('PATCH', `/api/issues/${created.body.key}`, {
      token: admin.token,
      body: { priority: 'high' },
    });
    const before = (await t.request('GET', `/api/issues/${created.body.key}/history`, { token: admin.token }))
      .body;
    const again = await t.request('POST', `/api/issues/${created.body.key}/triage`, { token: admin.token });
    expect(again.status).toBe(202);
    await eventually(
      'a second triage',
      async () =>
        (await t.request('GET', `/api/issues/${created.body.key}/history`, { token: admin.token })).body,
      (history) =>
        history.items.filter((entry: { action: string }) => entry.action === 'triaged').length >
        before.items.filter((entry: { action: string }) => entry.action === 'triaged').length,
    );
    const issue = await issueOf(created.body.key);
    expect(issue.priority).toBe('high');
    expect(issue.triage.applied.priority).toBe(false);
  });

  it('learns routing from issues people labelled, once retrained', async () => {
    const search = await t.createTeam('Search');
    const lines = [
      ['Results page shows nothing for "red shoes"', search.id],
      ['Product results are missing for queries with accents', search.id],
      ['Autocomplete suggestions are stale since this morning', search.id],
      ['Ranking of results looks random for brand queries', search.id],
      ['Query for SKU 8812 returns nothing although it is in stock', search.id],
      ['Users are logged out every few minutes', identity.id],
      ['People keep getting signed out when switching tabs', identity.id],
      ['Password reset e-mail link says expired immediately', identity.id],
      ['Cannot sign in with my company account since the upgrade', identity.id],
      ['Signed out after every page refresh on the admin console', identity.id],
    ] as const;
    for (const [title, teamId] of lines) {
      for (const suffix of ['', ' (again)', ' - seen by support']) {
        const created = await t.request('POST', '/api/issues', {
          token: admin.token,
          body: { title: `${title}${suffix}`, teamId, priority: 'medium' },
        });
        expect(created.status).toBe(201);
      }
    }
    const retrain = await t.request('POST', '/api/ai/triage-model/retrain', { token: admin.token });
    expect(retrain.status).toBe(202);
    const status = await eventually(
      'the retrained model',
      async () => (await t.request('GET', '/api/ai/status', { token: admin.token })).body,
      (body) => body.localModel.exampleCount >= lines.length * 3,
    );
    expect(status.activeTriagePath).toBe('local');
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Customers say they get logged out all the time' },
    });
    const issue = await triaged(created.body.key);
    expect(issue.triage).toMatchObject({ source: 'local', team: { name: 'Identity' } });
  });

  it('answers who may re-triage and retrain', async () => {
    const viewer = await t.createPerson({ name: 'Vic Viewer' });
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Anything' },
    });
    const retriage = await t.request('POST', `/api/issues/${created.body.key}/triage`, {
      token: viewer.token,
    });
    expect(retriage.status).toBe(403);
    expect(retriage.body.error.message).toMatch(/viewers can only look/);
    expect((await t.request('POST', '/api/ai/triage-model/retrain', { token: payer.token })).status).toBe(
      403,
    );
    expect((await t.request('POST', '/api/issues/ARG-999999/triage', { token: admin.token })).status).toBe(
      404,
    );
  });
});

describe('root-cause analysis without any AI service', () => {
  it('analyses a critical issue on its own with the checklist for its category, step by step', async () => {
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Stripe payments failing', priority: 'critical', category: 'payments' },
    });
    const { rca, steps } = await analysed(created.body.key);
    expect(rca).toMatchObject({
      status: 'completed',
      investigator: 'checklist',
      actionable: null,
      confidence: null,
      autoResolved: false,
      attempts: [{ investigator: 'checklist', outcome: 'completed', error: null }],
    });
    expect(rca.nextSteps.length).toBeGreaterThanOrEqual(3);
    expect(rca.nextSteps.join(' ')).toMatch(/payment provider/i);
    expect(steps.map((step: { seq: number }) => step.seq)).toEqual(
      steps.map((_: unknown, index: number) => index + 1),
    );
    expect(steps[0]).toMatchObject({ kind: 'started', investigator: 'checklist' });
    expect(steps.at(-1)).toMatchObject({ kind: 'completed' });
    // A checklist is never a reason to close an issue.
    expect((await issueOf(created.body.key)).status).toBe('open');
  });

  it('starts when the issue page is first opened, for any signed-in person, and only once', async () => {
    const viewer = await t.createPerson({ name: 'Olive Observer' });
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Minor typo' },
    });
    const none = await t.request('GET', `/api/issues/${created.body.key}/rca`, { token: viewer.token });
    expect(none.body).toEqual({ rca: null, steps: [] });
    const opened = await t.request('POST', `/api/issues/${created.body.key}/rca`, {
      token: viewer.token,
      body: { onlyIfMissing: true },
    });
    expect(opened.status).toBe(202);
    expect(['queued', 'running', 'completed']).toContain(opened.body.rca.status);
    const first = await analysed(created.body.key);
    const openedAgain = await t.request('POST', `/api/issues/${created.body.key}/rca`, {
      token: viewer.token,
      body: { onlyIfMissing: true },
    });
    expect(openedAgain.body.rca.runId).toBe(first.rca.runId);
    const rerunByViewer = await t.request('POST', `/api/issues/${created.body.key}/rca`, {
      token: viewer.token,
      body: {},
    });
    expect(rerunByViewer.status).toBe(403);
    const rerun = await t.request('POST', `/api/issues/${created.body.key}/rca`, {
      token: admin.token,
      body: {},
    });
    expect(rerun.status).toBe(202);
    expect(rerun.body.rca.runId).not.toBe(first.rca.runId);
    const second = await analysed(created.body.key);
    expect(second.steps[0]).toMatchObject({ seq: 1, kind: 'started' });
  });

  it('rejects a malformed request with the field named', async () => {
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Bad body' },
    });
    const bad = await t.request('POST', `/api/issues/${created.body.key}/rca`, {
      token: admin.token,
      body: { onlyIfMissing: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('onlyIfMissing');
  });
});

describe('similar issues and duplicates', () => {
  it('finds past look-alikes with how they were fixed, and closes a duplicate with a link', async () => {
    const old = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Redis connection timeouts in the session cache', teamId: identity.id },
    });
    await t.request('POST', `/api/issues/${old.body.key}/resolve`, {
      token: admin.token,
      body: { reason: 'Raised maxclients on the Redis cluster and restarted the pool' },
    });
    const open = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Session cache: redis connection timeouts', teamId: identity.id },
    });
    const fresh = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Redis connection timeouts on the session cache again', teamId: identity.id },
    });
    const similar = await t.request('GET', `/api/issues/${fresh.body.key}/similar`, { token: admin.token });
    expect(similar.status).toBe(200);
    const keys = similar.body.items.map((item: { key: string }) => item.key);
    expect(keys).toEqual(expect.arrayContaining([old.body.key, open.body.key]));
    expect(keys).not.toContain(fresh.body.key);
    expect(similar.body.items.find((item: { key: string }) => item.key === old.body.key)).toMatchObject({
      status: 'resolved',
      resolutionReason: 'Raised maxclients on the Redis cluster and restarted the pool',
      isLikelyDuplicate: false,
    });
    expect(
      similar.body.items.find((item: { key: string }) => item.key === open.body.key).isLikelyDuplicate,
    ).toBe(true);

    const self = await t.request('POST', `/api/issues/${fresh.body.key}/duplicate`, {
      token: admin.token,
      body: { duplicateOf: fresh.body.key },
    });
    expect(self.status).toBe(422);
    const unknown = await t.request('POST', `/api/issues/${fresh.body.key}/duplicate`, {
      token: admin.token,
      body: { duplicateOf: 'ARG-987654' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toMatchObject({ field: 'duplicateOf' });
    expect((await issueOf(fresh.body.key)).status).toBe('open');

    const marked = await t.request('POST', `/api/issues/${fresh.body.key}/duplicate`, {
      token: admin.token,
      body: { duplicateOf: open.body.key, note: 'same alert' },
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({
      status: 'closed',
      closeReason: `Duplicate of ${open.body.key}: same alert`,
      duplicateOf: { key: open.body.key },
    });
    const originalHistory = (
      await t.request('GET', `/api/issues/${open.body.key}/history`, { token: admin.token })
    ).body;
    expect(
      originalHistory.items.find((entry: { action: string }) => entry.action === 'duplicate_linked'),
    ).toMatchObject({ to: fresh.body.key });
    const twice = await t.request('POST', `/api/issues/${fresh.body.key}/duplicate`, {
      token: admin.token,
      body: { duplicateOf: open.body.key },
    });
    expect(twice.status).toBe(422);
  });
});

it('reports the local paths on the AI status page', async () => {
  const status = await t.request('GET', '/api/ai/status', { token: payer.token });
  expect(status.status).toBe(200);
  expect(status.body).toMatchObject({
    llm: { configured: false, baseUrl: null, circuit: null },
    investigator: { configured: false, timeoutSeconds: 600 },
    activeInvestigators: ['checklist'],
  });
  expect(status.body.categories).toEqual(expect.arrayContaining(['payments', 'other']));
  const slack = await t.request('GET', '/api/slack/status', { token: payer.token });
  expect(slack.body).toMatchObject({ configured: false, apiUrl: null, pendingDeliveries: 0 });
  const events = await t.request('POST', '/slack/events', {
    body: { type: 'url_verification', challenge: 'x' },
  });
  expect(events.status).toBe(404);
  expect(events.body.error.message).toMatch(/SLACK_BOT_TOKEN/);
});
