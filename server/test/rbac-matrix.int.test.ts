/**
 * The permission table of Argus, checked over HTTP: every endpoint × role, one `it` per row.
 *
 * Roles: admin = isAdmin; manager = manager of team A; agent = agent of team A; viewer = signed in, no membership.
 * Negative cases: managerB (manager of team B only) on team-A things; an agent on a team-A issue not assigned to them;
 * a viewer who is (oddly) assigned to an issue. Allowed = 2xx and the change is visible; denied = 403 FORBIDDEN and
 * nothing a user could see has changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestArgus, type TestArgus, type TestPerson } from './support/test-argus.js';

type ActorName = 'admin' | 'manager' | 'agent' | 'viewer' | 'managerB';
type Outcome = 'allowed' | 'denied';

interface Fixtures {
  teamA: { id: string; name: string };
  teamB: { id: string; name: string };
  people: Record<ActorName, TestPerson>;
  /** A second agent of team A: holds issues that are "not the agent's own". */
  otherAgent: TestPerson;
  /** A team-A issue with a comment, for the read-only rows. */
  readIssueKey: string;
}

interface Prepared {
  method: string;
  url: string;
  body?: unknown;
  /** What a user would look at to notice the change (compared before/after when denied). */
  observe?: () => Promise<unknown>;
  /** Checks the change really happened (when allowed). */
  verify?: (response: { status: number; body: any }) => Promise<void> | void;
}

/** Who the fresh issue of a case is assigned to. */
type Holder = 'actor' | 'other';

interface Action {
  name: string;
  prepare(actor: TestPerson, holder: Holder): Promise<Prepared>;
}

interface Row {
  action: Action;
  actor: ActorName;
  holder: Holder;
  expected: Outcome;
  note?: string;
}

let t: TestArgus;
let f: Fixtures;
let counter = 0;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${++counter}`;

beforeAll(async () => {
  t = await startTestArgus({}, { runJobs: false });
  const teamA = await t.createTeam('Team A');
  const teamB = await t.createTeam('Team B');
  const people: Record<ActorName, TestPerson> = {
    admin: await t.createPerson({ name: 'Ada Admin', isAdmin: true }),
    manager: await t.createPerson({
      name: 'Mia Manager',
      memberships: [{ teamId: teamA.id, role: 'manager' }],
    }),
    agent: await t.createPerson({ name: 'Alex Agent', memberships: [{ teamId: teamA.id, role: 'agent' }] }),
    viewer: await t.createPerson({ name: 'Vic Viewer' }),
    managerB: await t.createPerson({
      name: 'Bea ManagerB',
      memberships: [{ teamId: teamB.id, role: 'manager' }],
    }),
  };
  const otherAgent = await t.createPerson({
    name: 'Otto Agent',
    memberships: [{ teamId: teamA.id, role: 'agent' }],
  });
  f = { teamA, teamB, people, otherAgent, readIssueKey: '' };
  const issue = await freshIssue(otherAgent.id);
  const comment = await t.request('POST', `/api/issues/${issue.key}/comments`, {
    token: people.admin.token,
    body: { body: 'Looking into it' },
  });
  expect(comment.status, JSON.stringify(comment.body)).toBe(201);
  f.readIssueKey = issue.key;
});
afterAll(async () => t?.close());

async function ok<T = any>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await t.request(method, url, { token: f.people.admin.token, body });
  expect(response.status, `${method} ${url} as admin: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body as T;
}

/** A new team-A issue (created by the admin) held by exactly one person. */
async function freshIssue(
  assigneeId: string,
  teamId: string = f.teamA.id,
): Promise<{ id: string; key: string }> {
  return ok('POST', '/api/issues', { title: unique('Disk full on db-1'), teamId, assigneeIds: [assigneeId] });
}

const viewIssue = (key: string) => () => ok('GET', `/api/issues/${key}`);
const holderId = (actor: TestPerson, holder: Holder) => (holder === 'actor' ? actor.id : f.otherAgent.id);

async function freshMembership(): Promise<{ memberId: string; userId: string }> {
  const person = await t.createPerson({ memberships: [{ teamId: f.teamA.id, role: 'agent' }] });
  const members = await ok<{ items: { id: string; user: { id: string } }[] }>(
    'GET',
    `/api/teams/${f.teamA.id}/members`,
  );
  const member = members.items.find((item) => item.user.id === person.id);
  if (!member) throw new Error('fresh membership not listed');
  return { memberId: member.id, userId: person.id };
}

const membersOfA = async () =>
  (
    await ok<{ items: { id: string; role: string; isActive: boolean }[] }>(
      'GET',
      `/api/teams/${f.teamA.id}/members`,
    )
  ).items;

// ---------------------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------------------

const read = (name: string, url: (fx: Fixtures) => string): Action => ({
  name,
  prepare: async () => ({ method: 'GET', url: url(f) }),
});

const readActions: Action[] = [
  read('list issues', () => '/api/issues'),
  read('get an issue', (fx) => `/api/issues/${fx.readIssueKey}`),
  read('issue history', (fx) => `/api/issues/${fx.readIssueKey}/history`),
  read('issue comments', (fx) => `/api/issues/${fx.readIssueKey}/comments`),
  read('dashboard stats', () => '/api/dashboard/stats'),
  read('dashboard team stats', () => '/api/dashboard/team-stats'),
  read('dashboard recent activity', () => '/api/dashboard/recent-activity'),
  read('list teams', () => '/api/teams'),
  read('get a team', (fx) => `/api/teams/${fx.teamA.id}`),
  read('team members', (fx) => `/api/teams/${fx.teamA.id}/members`),
  read('assignable people', () => '/api/members/assignable'),
  read('who am I', () => '/api/auth/me'),
  read('similar issues', (fx) => `/api/issues/${fx.readIssueKey}/similar`),
  read('root-cause analysis', (fx) => `/api/issues/${fx.readIssueKey}/rca`),
  read('AI status', () => '/api/ai/status'),
  read('Slack status', () => '/api/slack/status'),
  read('Slack deliveries of an issue', (fx) => `/api/issues/${fx.readIssueKey}/slack-deliveries`),
];

// Background jobs do not run in this file (see beforeAll), so a queued triage or analysis stays queued and
// "nothing changed" stays comparable.
const retriage: Action = {
  name: 're-triage an issue',
  prepare: async () => {
    const issue = await freshIssue(f.otherAgent.id);
    return { method: 'POST', url: `/api/issues/${issue.key}/triage` };
  },
};
const rerunAnalysis: Action = {
  name: 're-run the root-cause analysis',
  prepare: async () => {
    const issue = await freshIssue(f.otherAgent.id);
    const rca = async () => (await ok('GET', `/api/issues/${issue.key}/rca`)).rca;
    return {
      method: 'POST',
      url: `/api/issues/${issue.key}/rca`,
      body: {},
      observe: rca,
      verify: async () => expect((await rca()).status).toBe('queued'),
    };
  },
};
const openAnalysis: Action = {
  name: 'start the first analysis (issue page opened)',
  prepare: async () => {
    const issue = await freshIssue(f.otherAgent.id);
    return {
      method: 'POST',
      url: `/api/issues/${issue.key}/rca`,
      body: { onlyIfMissing: true },
      verify: async () => expect((await ok('GET', `/api/issues/${issue.key}/rca`)).rca.status).toBe('queued'),
    };
  },
};
const retrainModel: Action = {
  name: 'retrain the triage model',
  prepare: async () => ({ method: 'POST', url: '/api/ai/triage-model/retrain' }),
};
const markDuplicate: Action = {
  name: 'mark a duplicate',
  prepare: async (actor, holder) => {
    const original = await freshIssue(f.otherAgent.id);
    const issue = await freshIssue(holderId(actor, holder));
    return {
      method: 'POST',
      url: `/api/issues/${issue.key}/duplicate`,
      body: { duplicateOf: original.key },
      observe: viewIssue(issue.key),
      verify: async () =>
        expect((await ok('GET', `/api/issues/${issue.key}`)).duplicateOf?.key).toBe(original.key),
    };
  },
};

const createIssue: Action = {
  name: 'create an issue',
  prepare: async () => {
    const title = unique('Checkout latency');
    return {
      method: 'POST',
      url: '/api/issues',
      body: { title, teamId: f.teamA.id },
      observe: async () => (await ok('GET', `/api/issues?q=${encodeURIComponent(title)}`)).page.total,
      verify: async (response) =>
        expect((await ok('GET', `/api/issues/${response.body.key}`)).title).toBe(title),
    };
  },
};

const comment: Action = {
  name: 'comment on an issue',
  prepare: async (actor, holder) => {
    const issue = await freshIssue(holderId(actor, holder));
    const comments = async () => (await ok('GET', `/api/issues/${issue.key}/comments`)).items;
    return {
      method: 'POST',
      url: `/api/issues/${issue.key}/comments`,
      body: { body: 'Restarted the pod' },
      observe: comments,
      verify: async () =>
        expect((await comments()).map((c: { body: string }) => c.body)).toEqual(['Restarted the pod']),
    };
  },
};

const issueChange = (
  name: string,
  build: (key: string) => { method: string; url: string; body?: unknown },
  check: (issue: any) => void,
  setup?: (key: string) => Promise<void>,
): Action => ({
  name,
  prepare: async (actor, holder) => {
    const issue = await freshIssue(holderId(actor, holder));
    if (setup) await setup(issue.key);
    return {
      ...build(issue.key),
      observe: viewIssue(issue.key),
      verify: async () => check(await ok('GET', `/api/issues/${issue.key}`)),
    };
  },
});

const changeStatus = issueChange(
  'change status (PATCH {status})',
  (key) => ({ method: 'PATCH', url: `/api/issues/${key}`, body: { status: 'acknowledged' } }),
  (issue) => expect(issue.status).toBe('acknowledged'),
);
const editDetails = issueChange(
  'edit details (PATCH {title})',
  (key) => ({ method: 'PATCH', url: `/api/issues/${key}`, body: { title: 'Disk full on db-1 (replica)' } }),
  (issue) => expect(issue.title).toBe('Disk full on db-1 (replica)'),
);
const resolve = issueChange(
  'resolve',
  (key) => ({ method: 'POST', url: `/api/issues/${key}/resolve`, body: { reason: 'Freed 20 GB of WAL' } }),
  (issue) => expect([issue.status, issue.resolutionReason]).toEqual(['resolved', 'Freed 20 GB of WAL']),
);
const reopen = issueChange(
  'reopen',
  (key) => ({ method: 'POST', url: `/api/issues/${key}/reopen`, body: { reason: 'Came back' } }),
  (issue) => expect(issue.status).toBe('open'),
  async (key) => void (await ok('POST', `/api/issues/${key}/resolve`, { reason: 'Fixed' })),
);
const close = issueChange(
  'close',
  (key) => ({
    method: 'POST',
    url: `/api/issues/${key}/close`,
    body: { reason: 'Duplicate of another issue' },
  }),
  (issue) => expect([issue.status, issue.closeReason]).toEqual(['closed', 'Duplicate of another issue']),
);
const reassign: Action = {
  name: 'reassign (POST assignees)',
  prepare: async (actor, holder) => {
    const issue = await freshIssue(holderId(actor, holder));
    const target = f.people.manager.id === actor.id ? f.people.admin.id : f.people.manager.id;
    return {
      method: 'POST',
      url: `/api/issues/${issue.key}/assignees`,
      body: { add: [target] },
      observe: viewIssue(issue.key),
      verify: async () =>
        expect(
          (await ok('GET', `/api/issues/${issue.key}`)).assignees.map((a: { id: string }) => a.id),
        ).toContain(target),
    };
  },
};
const changeTeam = issueChange(
  'change team (PATCH {teamId})',
  (key) => ({ method: 'PATCH', url: `/api/issues/${key}`, body: { teamId: f.teamB.id } }),
  (issue) => expect(issue.team?.id).toBe(f.teamB.id),
);

const addMember: Action = {
  name: 'add a team member',
  prepare: async () => {
    const newcomer = await t.createPerson();
    return {
      method: 'POST',
      url: `/api/teams/${f.teamA.id}/members`,
      body: { userId: newcomer.id, role: 'agent' },
      observe: membersOfA,
      verify: async () => {
        const members = await ok('GET', `/api/teams/${f.teamA.id}/members`);
        expect(members.items.map((m: { user: { id: string } }) => m.user.id)).toContain(newcomer.id);
      },
    };
  },
};
const updateMember: Action = {
  name: 'change a member (PATCH /api/members/:id)',
  prepare: async () => {
    const { memberId } = await freshMembership();
    return {
      method: 'PATCH',
      url: `/api/members/${memberId}`,
      body: { isActive: false },
      observe: membersOfA,
      verify: async () => expect((await membersOfA()).find((m) => m.id === memberId)?.isActive).toBe(false),
    };
  },
};
const removeMember: Action = {
  name: 'remove a member (DELETE /api/members/:id)',
  prepare: async () => {
    const { memberId } = await freshMembership();
    return {
      method: 'DELETE',
      url: `/api/members/${memberId}`,
      observe: membersOfA,
      verify: async () => expect((await membersOfA()).map((m) => m.id)).not.toContain(memberId),
    };
  },
};
const updateTeam: Action = {
  name: 'change team settings (PATCH /api/teams/:id)',
  prepare: async () => {
    const description = unique('On call for payments');
    return {
      method: 'PATCH',
      url: `/api/teams/${f.teamA.id}`,
      body: { description },
      observe: () => ok('GET', `/api/teams/${f.teamA.id}`),
      verify: async () => expect((await ok('GET', `/api/teams/${f.teamA.id}`)).description).toBe(description),
    };
  },
};
const createTeam: Action = {
  name: 'create a team',
  prepare: async () => {
    const name = unique('Platform');
    const names = async () =>
      (await ok('GET', '/api/teams')).items.map((team: { name: string }) => team.name);
    return {
      method: 'POST',
      url: '/api/teams',
      body: { name },
      observe: names,
      verify: async () => expect(await names()).toContain(name),
    };
  },
};
const deleteTeam: Action = {
  name: 'delete a team',
  prepare: async () => {
    const team = await t.createTeam(unique('Doomed'));
    const ids = async () => (await ok('GET', '/api/teams')).items.map((item: { id: string }) => item.id);
    return {
      method: 'DELETE',
      url: `/api/teams/${team.id}`,
      observe: ids,
      verify: async () => expect(await ids()).not.toContain(team.id),
    };
  },
};

const userList = async () => (await ok('GET', '/api/users?pageSize=200')).items;
const listUsers: Action = { name: 'list users', prepare: async () => ({ method: 'GET', url: '/api/users' }) };
const createUser: Action = {
  name: 'create a user',
  prepare: async () => {
    const email = `new.${Date.now().toString(36)}.${++counter}@example.com`;
    return {
      method: 'POST',
      url: '/api/users',
      body: { email, name: 'New Person' },
      observe: async () => (await userList()).length,
      verify: async () => expect((await userList()).map((u: { email: string }) => u.email)).toContain(email),
    };
  },
};
const updateUser: Action = {
  name: 'change a user (PATCH /api/users/:id)',
  prepare: async () => {
    const person = await t.createPerson({ name: 'Before Rename' });
    const find = async () => (await userList()).find((u: { id: string }) => u.id === person.id);
    return {
      method: 'PATCH',
      url: `/api/users/${person.id}`,
      body: { name: 'After Rename' },
      observe: find,
      verify: async () => expect((await find())?.name).toBe('After Rename'),
    };
  },
};

const listTokens: Action = {
  name: 'list own API tokens',
  prepare: async () => ({ method: 'GET', url: '/api/tokens' }),
};
const createToken: Action = {
  name: 'create own API token',
  prepare: async (actor) => ({
    method: 'POST',
    url: '/api/tokens',
    body: { name: 'ci' },
    verify: async (response) => {
      const mine = await t.request('GET', '/api/tokens', { token: actor.token });
      expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(response.body.id);
      expect((await t.request('GET', '/api/auth/me', { token: response.body.token })).body.id).toBe(actor.id);
    },
  }),
};
const revokeToken: Action = {
  name: 'revoke own API token',
  prepare: async (actor) => {
    const created = await t.request('POST', '/api/tokens', {
      token: actor.token,
      body: { name: 'short-lived' },
    });
    expect(created.status).toBe(201);
    return {
      method: 'DELETE',
      url: `/api/tokens/${created.body.id}`,
      verify: async () =>
        expect((await t.request('GET', '/api/auth/me', { token: created.body.token })).status).toBe(401),
    };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The matrix, as data
// ---------------------------------------------------------------------------------------------------------------

const Y: Outcome = 'allowed';
const N: Outcome = 'denied';
const roles = ['admin', 'manager', 'agent', 'viewer'] as const;

function everyRole(
  action: Action,
  outcomes: Record<(typeof roles)[number], Outcome>,
  extra: Omit<Row, 'action'>[] = [],
): Row[] {
  return [
    ...roles.map((actor) => ({ action, actor, holder: 'other' as Holder, expected: outcomes[actor] })),
    ...extra.map((row) => ({ action, ...row })),
  ];
}

/** Issue rows: the agent is tried on an issue they hold and one they do not; managerB on a team-A issue. */
function issueRows(action: Action, agentOnOwn: Outcome): Row[] {
  return [
    { action, actor: 'admin', holder: 'other', expected: Y },
    { action, actor: 'manager', holder: 'other', expected: Y, note: 'own team' },
    { action, actor: 'managerB', holder: 'other', expected: N, note: 'manager of another team' },
    { action, actor: 'agent', holder: 'actor', expected: agentOnOwn, note: 'assigned to them' },
    { action, actor: 'agent', holder: 'other', expected: N, note: 'their team, not assigned to them' },
    { action, actor: 'viewer', holder: 'other', expected: N },
    { action, actor: 'viewer', holder: 'actor', expected: N, note: 'even when assigned' },
  ];
}

const managedByTeamA = (action: Action): Row[] =>
  everyRole(action, { admin: Y, manager: Y, agent: N, viewer: N }, [
    { actor: 'managerB', holder: 'other', expected: N, note: 'manager of another team' },
  ]);
const adminOnly = (action: Action): Row[] =>
  everyRole(action, { admin: Y, manager: N, agent: N, viewer: N }, [
    { actor: 'managerB', holder: 'other', expected: N },
  ]);

const matrix: Row[] = [
  ...readActions.flatMap((action) => everyRole(action, { admin: Y, manager: Y, agent: Y, viewer: Y })),
  ...everyRole(createIssue, { admin: Y, manager: Y, agent: Y, viewer: N }),
  ...everyRole(comment, { admin: Y, manager: Y, agent: Y, viewer: N }),
  ...issueRows(changeStatus, Y),
  ...issueRows(editDetails, Y),
  ...issueRows(resolve, Y),
  ...issueRows(reopen, Y),
  ...issueRows(close, N),
  ...issueRows(reassign, N),
  ...issueRows(changeTeam, N),
  ...managedByTeamA(addMember),
  ...managedByTeamA(updateMember),
  ...managedByTeamA(removeMember),
  ...managedByTeamA(updateTeam),
  ...adminOnly(createTeam),
  ...adminOnly(deleteTeam),
  ...adminOnly(listUsers),
  ...adminOnly(createUser),
  ...adminOnly(updateUser),
  ...everyRole(listTokens, { admin: Y, manager: Y, agent: Y, viewer: Y }),
  ...everyRole(createToken, { admin: Y, manager: Y, agent: Y, viewer: Y }),
  ...everyRole(revokeToken, { admin: Y, manager: Y, agent: Y, viewer: Y }),
  ...everyRole(retriage, { admin: Y, manager: Y, agent: Y, viewer: N }),
  ...everyRole(rerunAnalysis, { admin: Y, manager: Y, agent: Y, viewer: N }),
  ...everyRole(openAnalysis, { admin: Y, manager: Y, agent: Y, viewer: Y }),
  ...adminOnly(retrainModel),
  ...issueRows(markDuplicate, N),
];

const allActions = [...new Set(matrix.map((row) => row.action))];

describe('RBAC matrix', () => {
  for (const row of matrix) {
    const title = `${row.action.name} · ${row.actor}${row.note ? ` (${row.note})` : ''} → ${row.expected}`;
    it(title, async () => {
      const actor = f.people[row.actor];
      const prepared = await row.action.prepare(actor, row.holder);
      const before = await prepared.observe?.();
      const response = await t.request(prepared.method, prepared.url, {
        token: actor.token,
        body: prepared.body,
      });
      const context = `${prepared.method} ${prepared.url} as ${row.actor}: ${response.status} ${JSON.stringify(response.body)}`;
      if (row.expected === 'allowed') {
        expect(response.status, context).toBeGreaterThanOrEqual(200);
        expect(response.status, context).toBeLessThan(300);
        await prepared.verify?.(response);
      } else {
        expect(response.status, context).toBe(403);
        expect(response.body.error.code, context).toBe('FORBIDDEN');
        expect(response.body.error.message, context).toEqual(expect.any(String));
        if (prepared.observe) expect(await prepared.observe()).toEqual(before);
      }
    });
  }
});

describe('without signing in', () => {
  for (const action of allActions) {
    it(`${action.name} → 401`, async () => {
      const prepared = await action.prepare(f.people.admin, 'other');
      const before = await prepared.observe?.();
      const response = await t.request(prepared.method, prepared.url, { body: prepared.body });
      expect(response.status, JSON.stringify(response.body)).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
      if (prepared.observe) expect(await prepared.observe()).toEqual(before);
    });
  }

  it('an unknown bearer token is refused with 401 INVALID_TOKEN, not treated as a viewer', async () => {
    const response = await t.request('GET', '/api/issues', { token: 'argus_pat_not-a-real-token' });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('INVALID_TOKEN');
  });
});

describe('API tokens are personal', () => {
  it("someone else's token cannot be revoked: 404, and it keeps working", async () => {
    const owner = f.people.agent;
    const created = await t.request('POST', '/api/tokens', {
      token: owner.token,
      body: { name: 'owner only' },
    });
    expect(created.status).toBe(201);
    for (const other of [f.people.viewer, f.people.manager, f.people.admin]) {
      const attempt = await t.request('DELETE', `/api/tokens/${created.body.id}`, { token: other.token });
      expect(attempt.status, JSON.stringify(attempt.body)).toBe(404);
      expect(attempt.body.error.code).toBe('TOKEN_NOT_FOUND');
      const list = await t.request('GET', '/api/tokens', { token: other.token });
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(created.body.id);
    }
    expect((await t.request('GET', '/api/auth/me', { token: created.body.token })).body.id).toBe(owner.id);
  });
});
