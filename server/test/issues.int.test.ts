import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSIGN_UNASSIGNED_JOB } from '../src/modules/issues/index.js';
import { startTestArgus, type TestArgus, type TestPerson } from './support/test-argus.js';

let t: TestArgus;
let admin: TestPerson;
beforeAll(async () => {
  // Only the assignment job: triage and analysis would change priorities and teams under these assertions.
  t = await startTestArgus({}, { runJobs: { only: [ASSIGN_UNASSIGNED_JOB] } });
  admin = await t.createPerson({ isAdmin: true, name: 'Ada Admin' });
});
afterAll(async () => t?.close());

const countRows = async (table: string) =>
  Number((await t.argus.database.executeSql(`select count(*)::int as n from ${table}`)).rows[0]?.n);

describe('auto-assignment', () => {
  it('spreads ten issues created at once over a team of five, two each', async () => {
    const team = await t.createTeam('Concurrency');
    const people = await Promise.all(Array.from({ length: 5 }, () => t.createPerson({ memberships: [] })));
    for (const person of people)
      await t.argus.services.teams.addMember({ kind: 'system', name: 'Argus' }, team.id, {
        userId: person.id,
        role: 'agent',
      });
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        t.request('POST', '/api/issues', {
          token: admin.token,
          body: { title: `Burst ${n}`, teamId: team.id },
        }),
      ),
    );
    expect(created.map((response) => response.status)).toEqual(Array(10).fill(201));
    const perPerson = new Map<string, number>();
    for (const response of created) {
      expect(response.body.assignees).toHaveLength(1);
      const id = response.body.assignees[0].id as string;
      perPerson.set(id, (perPerson.get(id) ?? 0) + 1);
    }
    expect([...perPerson.values()].sort()).toEqual([2, 2, 2, 2, 2]);
  });

  it('gives a new issue to the member with the fewest open issues, ignoring resolved ones', async () => {
    const team = await t.createTeam('Workload');
    const busy = await t.createPerson({ name: 'Busy', memberships: [{ teamId: team.id, role: 'agent' }] });
    const idle = await t.createPerson({ name: 'Idle', memberships: [{ teamId: team.id, role: 'agent' }] });
    for (const title of ['one', 'two']) {
      await t.request('POST', '/api/issues', {
        token: admin.token,
        body: { title, teamId: team.id, assigneeIds: [busy.id] },
      });
    }
    const done = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'done', teamId: team.id, assigneeIds: [idle.id] },
    });
    await t.request('POST', `/api/issues/${done.body.key}/resolve`, {
      token: admin.token,
      body: { reason: 'Fixed in production' },
    });
    const next = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'next', teamId: team.id },
    });
    expect(next.body.assignees.map((person: { name: string }) => person.name)).toEqual(['Idle']);
  });

  it('assigns issues of an empty team once someone joins, through the durable job', async () => {
    const team = await t.createTeam('Empty at first');
    const waiting = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Nobody home', teamId: team.id },
    });
    expect(waiting.body.assignees).toEqual([]);
    const joiner = await t.createPerson({
      name: 'Joiner',
      memberships: [{ teamId: team.id, role: 'agent' }],
    });
    await expect
      .poll(
        async () =>
          (
            await t.request('GET', `/api/issues/${waiting.body.key}`, { token: admin.token })
          ).body.assignees.map((p: { id: string }) => p.id),
        {
          timeout: 15_000,
          interval: 250,
        },
      )
      .toEqual([joiner.id]);
  });
});

describe('an issue from open to closed', () => {
  it('records every change in history with actor and time, and stamps MTTA and MTTR', async () => {
    const team = await t.createTeam('Lifecycle');
    const agent = await t.createPerson({
      name: 'Grace Agent',
      memberships: [{ teamId: team.id, role: 'agent' }],
    });
    const other = await t.createPerson({
      name: 'Other Team',
      memberships: [{ teamId: (await t.createTeam()).id, role: 'agent' }],
    });
    const created = await t.request('POST', '/api/issues', {
      token: agent.token,
      body: { title: 'Checkout slow', teamId: team.id, priority: 'high' },
    });
    expect(created.body).toMatchObject({
      status: 'open',
      priority: 'high',
      source: 'api',
      team: { name: 'Lifecycle' },
    });
    expect(created.body.key).toMatch(/^ARG-\d+$/);
    const key = created.body.key;

    const acked = await t.request('PATCH', `/api/issues/${key}`, {
      token: agent.token,
      body: { status: 'acknowledged' },
    });
    expect(acked.body.acknowledgedAt).not.toBeNull();
    await t.request('PATCH', `/api/issues/${key}`, {
      token: admin.token,
      body: { priority: 'critical', title: 'Checkout very slow' },
    });
    await t.request('POST', `/api/issues/${key}/assignees`, {
      token: admin.token,
      body: { add: [other.id] },
    });
    await t.request('POST', `/api/issues/${key}/comments`, {
      token: agent.token,
      body: { body: 'Database pool exhausted' },
    });
    const empty = await t.request('POST', `/api/issues/${key}/resolve`, {
      token: agent.token,
      body: { reason: '  ' },
    });
    expect(empty.status).toBe(400);
    const resolved = await t.request('POST', `/api/issues/${key}/resolve`, {
      token: agent.token,
      body: { reason: 'Raised the pool size' },
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionReason: 'Raised the pool size' });
    expect(resolved.body.resolvedAt).not.toBeNull();
    const closed = await t.request('POST', `/api/issues/${key}/close`, {
      token: admin.token,
      body: { reason: 'Verified' },
    });
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'Verified' });
    const reopened = await t.request('POST', `/api/issues/${key}/reopen`, { token: admin.token });
    expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null });

    const history = await t.request('GET', `/api/issues/${key}/history`, { token: agent.token });
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'created',
      'assigned',
      'status_changed',
      'title_changed',
      'priority_changed',
      'assigned',
      'commented',
      'resolved',
      'closed',
      'reopened',
    ]);
    const resolvedEntry = history.body.items.find((entry: { action: string }) => entry.action === 'resolved');
    expect(resolvedEntry).toMatchObject({
      actor: { id: agent.id, name: 'Grace Agent' },
      from: 'acknowledged',
      to: 'resolved',
      details: { reason: 'Raised the pool size' },
    });

    const activity = await t.request('GET', '/api/dashboard/recent-activity?limit=5', { token: agent.token });
    expect(activity.body.items.map((item: { summary: string }) => item.summary)).toContain(
      `Grace Agent resolved ${key}: Raised the pool size`,
    );
  });

  it('refuses an illegal transition with 422 and changes nothing', async () => {
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Closed thing' },
    });
    await t.request('POST', `/api/issues/${created.body.id}/close`, {
      token: admin.token,
      body: { reason: 'Not an issue' },
    });
    const before = await countRows('issue_history');
    const response = await t.request('PATCH', `/api/issues/${created.body.id}`, {
      token: admin.token,
      body: { status: 'in_progress' },
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(response.body.error.message).toContain('cannot go from closed to in progress');
    expect(await countRows('issue_history')).toBe(before);
  });
});

describe('finding issues', () => {
  it('searches title, description and comments, and filters by status, priority, assignee and source', async () => {
    const team = await t.createTeam('Search');
    const me = await t.createPerson({ memberships: [{ teamId: team.id, role: 'agent' }] });
    const a = await t.request('POST', '/api/issues', {
      token: me.token,
      body: { title: 'Kafka consumer lag', teamId: team.id, priority: 'critical', service: 'ingest' },
    });
    const b = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'Slow reports', description: 'The warehouse query scans everything', priority: 'low' },
    });
    await t.request('POST', `/api/issues/${b.body.key}/comments`, {
      token: admin.token,
      body: { body: 'Probably a missing partition on zeppelin tables' },
    });

    const keys = async (query: string, token = admin.token) =>
      (await t.request('GET', `/api/issues?${query}`, { token })).body.items.map(
        (issue: { key: string }) => issue.key,
      );
    expect(await keys('q=kafka')).toEqual([a.body.key]);
    expect(await keys('q=warehouse')).toEqual([b.body.key]);
    expect(await keys('q=zeppelin')).toEqual([b.body.key]);
    expect(await keys(`q=kafka OR zeppelin&sort=created`)).toEqual([a.body.key, b.body.key]);
    expect(await keys(`priority=critical&teamId=${team.id}`)).toEqual([a.body.key]);
    expect(await keys('assignee=me', me.token)).toEqual([a.body.key]);
    expect(await keys('service=ingest')).toEqual([a.body.key]);
    const page = await t.request('GET', '/api/issues?pageSize=1&page=2&sort=-created', {
      token: admin.token,
    });
    expect(page.body.items).toHaveLength(1);
    const all = Number(
      (await t.argus.database.executeSql('select count(*)::int as n from issues')).rows[0]?.n,
    );
    expect(page.body.page).toEqual({ page: 2, pageSize: 1, total: all, totalIsCapped: false });
    const pastTheEnd = await t.request('GET', '/api/issues?page=999&q=kafka', { token: admin.token });
    expect(pastTheEnd.body).toEqual({
      items: [],
      page: { page: 999, pageSize: 25, total: 1, totalIsCapped: false },
    });
  });

  it('filters by source, missing team or assignee, creation time and sorts by priority or relevance', async () => {
    const team = await t.createTeam('Filters');
    const lead = await t.createPerson({ memberships: [{ teamId: team.id, role: 'manager' }] });
    const post = (body: object) => t.request('POST', '/api/issues', { token: admin.token, body });
    const low = await post({ title: 'Quokka low', priority: 'low' });
    const critical = await post({ title: 'Quokka critical quokka', priority: 'critical', teamId: team.id });
    const viaApi = await post({
      title: 'Quokka high',
      priority: 'high',
      teamId: team.id,
      assigneeIds: [lead.id],
    });
    const keys = async (query: string) =>
      (await t.request('GET', `/api/issues?q=quokka&${query}`, { token: admin.token })).body.items.map(
        (issue: { key: string }) => issue.key,
      );

    expect(await keys('sort=priority')).toEqual([critical.body.key, viaApi.body.key, low.body.key]);
    expect(await keys('sort=-priority')).toEqual([low.body.key, viaApi.body.key, critical.body.key]);
    expect((await keys('sort=relevance'))[0]).toBe(critical.body.key);
    expect(await keys('teamId=none')).toEqual([low.body.key]);
    expect(await keys(`teamId=none,${team.id}&sort=created`)).toEqual([
      low.body.key,
      critical.body.key,
      viaApi.body.key,
    ]);
    expect(await keys('assignee=none&sort=created')).toEqual([low.body.key]);
    // The critical one went to the team's only member by auto-assignment.
    expect(await keys(`assignee=none,${lead.id}&sort=created`)).toEqual([
      low.body.key,
      critical.body.key,
      viaApi.body.key,
    ]);
    expect(await keys(`assignee=${lead.id}&sort=created`)).toEqual([critical.body.key, viaApi.body.key]);
    expect(await keys('source=api&sort=created')).toEqual([low.body.key, critical.body.key, viaApi.body.key]);
    expect(await keys('source=manual,slack')).toEqual([]);
    expect(await keys('status=resolved')).toEqual([]);
    const at = encodeURIComponent(critical.body.createdAt);
    expect(await keys(`createdFrom=${at}&sort=created`)).toEqual([critical.body.key, viaApi.body.key]);
    expect(await keys(`createdTo=${at}&sort=created`)).toEqual([low.body.key, critical.body.key]);
  });

  it('answers 404 with the key it could not find', async () => {
    const response = await t.request('GET', '/api/issues/ARG-987654', { token: admin.token });
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      code: 'ISSUE_NOT_FOUND',
      message: 'Issue "ARG-987654" does not exist.',
    });
  });
});

describe('dashboard figures', () => {
  it('counts open, critical and unassigned issues and per-team progress', async () => {
    const stats = await t.request('GET', '/api/dashboard/stats', { token: admin.token });
    const open = Number(
      (
        await t.argus.database.executeSql(
          `select count(*)::int as n from issues where status in ('open','acknowledged','in_progress')`,
        )
      ).rows[0]?.n,
    );
    expect(stats.body.open).toBe(open);
    const unassigned = Number(
      (
        await t.argus.database.executeSql(
          `select count(*)::int as n from issues i where status in ('open','acknowledged','in_progress') and not exists (select 1 from issue_assignees a where a.issue_id = i.id)`,
        )
      ).rows[0]?.n,
    );
    expect(unassigned).toBeGreaterThan(0);
    expect(stats.body.unassigned).toBe(unassigned);
    const teamList = await t.request('GET', '/api/teams', { token: admin.token });
    expect(teamList.body.items.find((team: { name: string }) => team.name === 'Concurrency')).toMatchObject({
      memberCount: 5,
      openIssueCount: 10,
    });
    expect(stats.body.mttaSeconds).not.toBeNull();
    const teams = await t.request('GET', '/api/dashboard/team-stats', { token: admin.token });
    expect(
      teams.body.items.find((row: { teamName: string }) => row.teamName === 'Concurrency'),
    ).toMatchObject({ open: 10 });
  });
});

describe('searching a large tracker', () => {
  it('counts full-text matches up to 1,000 and says when it stopped there', async () => {
    await t.argus.database.executeSql(
      `insert into issues (title, description) select 'Zebrafish pipeline stalled ' || g, '' from generate_series(1, 1005) as g`,
    );
    const found = await t.request('GET', '/api/issues?q=zebrafish&pageSize=5', { token: admin.token });
    expect(found.body.items).toHaveLength(5);
    expect(found.body.page).toEqual({ page: 1, pageSize: 5, total: 1000, totalIsCapped: true });
    const unfiltered = await t.request('GET', '/api/issues?pageSize=1', { token: admin.token });
    expect(unfiltered.body.page.total).toBeGreaterThan(1005);
    expect(unfiltered.body.page.totalIsCapped).toBe(false);
  });
});
