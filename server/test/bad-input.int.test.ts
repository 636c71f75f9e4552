/**
 * Bad input on every write endpoint: each rejection has the right status, the one error shape
 * `{ error: { code, message } }` naming the field, is never a 500, and leaves the database exactly as it was.
 * Also: SQL and HTML metacharacters are stored and returned verbatim, as JSON.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestArgus, type TestArgus, type TestPerson, type TestResponse } from './support/test-argus.js';

const BODY_LIMIT = 65_536;
const TABLES = [
  'issues',
  'issue_history',
  'issue_assignees',
  'comments',
  'teams',
  'team_members',
  'users',
  'api_tokens',
  'sessions',
] as const;

let t: TestArgus;
let admin: TestPerson;
let agent: TestPerson;
let bystander: TestPerson;
let team: { id: string; name: string };
let issue: { id: string; key: string };
let memberId: string;

beforeAll(async () => {
  // Background jobs (triage, analysis) would add rows of their own; this file counts rows to prove nothing half-written.
  t = await startTestArgus(
    { BODY_LIMIT_BYTES: String(BODY_LIMIT), LOGIN_RATE_LIMIT_PER_MINUTE: '10000' },
    { runJobs: false },
  );
  team = await t.createTeam('Payments');
  admin = await t.createPerson({ name: 'Ada Admin', isAdmin: true });
  agent = await t.createPerson({ name: 'Alex Agent', memberships: [{ teamId: team.id, role: 'agent' }] });
  bystander = await t.createPerson({ name: 'Bo Bystander' });
  const created = await t.request('POST', '/api/issues', {
    token: admin.token,
    body: {
      title: 'Card payments fail',
      description: 'Since 10:02',
      teamId: team.id,
      assigneeIds: [agent.id],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  issue = { id: created.body.id, key: created.body.key };
  const members = await t.request('GET', `/api/teams/${team.id}/members`, { token: admin.token });
  memberId = members.body.items.find((m: { user: { id: string } }) => m.user.id === agent.id).id;
});
afterAll(async () => t?.close());

async function query(sql: string, values: unknown[] = []) {
  return (await t.argus.database.executeSql(sql, values)).rows as Record<string, unknown>[];
}

/** Row counts of every table a write could touch, plus the full content of the rows the PATCH cases target. */
async function snapshot() {
  const counts = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES)
    counts[table] = Number((await query(`select count(*)::int as n from ${table}`))[0]!.n);
  return {
    counts,
    issue: await query('select * from issues where id = $1', [issue.id]),
    assignees: await query('select user_id from issue_assignees where issue_id = $1 order by user_id', [
      issue.id,
    ]),
    team: await query('select * from teams where id = $1', [team.id]),
    member: await query('select * from team_members where id = $1', [memberId]),
    users: await query('select * from users where id = any($1::uuid[]) order by id', [
      [admin.id, agent.id, bystander.id],
    ]),
  };
}

interface Expected {
  status: 400 | 401 | 404 | 409 | 413 | 415 | 422;
  code?: string;
  /** Words the message must contain, e.g. the field name. */
  mentions?: string[];
}

function expectRejected(response: TestResponse, expected: Expected) {
  const context = JSON.stringify(response.body);
  expect(response.status, context).toBe(expected.status);
  expect(response.status, context).toBeLessThan(500);
  expect(String(response.headers['content-type']), context).toMatch(/^application\/json/);
  expect(response.body, context).toMatchObject({
    error: { code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) },
  });
  expect(response.body.error.message.length, context).toBeGreaterThan(0);
  if (expected.code) expect(response.body.error.code, context).toBe(expected.code);
  for (const word of expected.mentions ?? []) expect(response.body.error.message, context).toContain(word);
}

interface Case {
  name: string;
  method: string;
  url: () => string;
  body?: () => unknown;
  payload?: string;
  headers?: Record<string, string>;
  /** Defaults to the admin: rejections below are about the input, not about permissions. */
  anonymous?: boolean;
  expected: Expected;
}

async function runRejection(c: Case) {
  const before = await snapshot();
  const response = await t.request(c.method, c.url(), {
    token: c.anonymous ? undefined : admin.token,
    ...(c.body ? { body: c.body() } : {}),
    ...(c.payload !== undefined ? { payload: c.payload } : {}),
    ...(c.headers ? { headers: c.headers } : {}),
  });
  expectRejected(response, c.expected);
  expect(await snapshot()).toEqual(before);
}

// ---------------------------------------------------------------------------------------------------------------
// Generic bad input, generated per endpoint from a description of its body
// ---------------------------------------------------------------------------------------------------------------

interface FieldSpec {
  field: string;
  /** A value of the wrong type. */
  wrong: unknown;
  /** Longest accepted string, when the field is text. */
  max?: number;
  /** Required and trimmed text: '' and '   ' are refused. */
  requiredText?: boolean;
}

interface Endpoint {
  method: string;
  path: string;
  url: () => string;
  /** A body that would be accepted; each case breaks one thing in it. */
  valid: () => Record<string, unknown>;
  fields: FieldSpec[];
  anonymous?: boolean;
}

const endpoints: Endpoint[] = [
  {
    method: 'POST',
    path: '/api/issues',
    url: () => '/api/issues',
    valid: () => ({ title: 'Checkout is slow', teamId: team.id }),
    fields: [
      { field: 'title', wrong: 42, max: 200, requiredText: true },
      { field: 'description', wrong: ['a'], max: 20_000 },
      { field: 'priority', wrong: 'urgent' },
      { field: 'teamId', wrong: 'not-a-uuid' },
      { field: 'assigneeIds', wrong: 'someone' },
      { field: 'labels', wrong: 'env=prod' },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/issues/:id',
    url: () => `/api/issues/${issue.key}`,
    valid: () => ({ title: 'Card payments fail in EU' }),
    fields: [
      { field: 'title', wrong: 42, max: 200, requiredText: true },
      { field: 'description', wrong: 7, max: 20_000 },
      { field: 'status', wrong: 'resolved' },
      { field: 'priority', wrong: 1 },
      { field: 'teamId', wrong: 12 },
    ],
  },
  {
    method: 'POST',
    path: '/api/issues/:id/resolve',
    url: () => `/api/issues/${issue.key}/resolve`,
    valid: () => ({ reason: 'Rolled back the deploy' }),
    fields: [{ field: 'reason', wrong: true, max: 2000, requiredText: true }],
  },
  {
    method: 'POST',
    path: '/api/issues/:id/close',
    url: () => `/api/issues/${issue.key}/close`,
    valid: () => ({ reason: 'Duplicate' }),
    fields: [{ field: 'reason', wrong: { text: 'x' }, max: 2000, requiredText: true }],
  },
  {
    method: 'POST',
    path: '/api/issues/:id/reopen',
    url: () => `/api/issues/${issue.key}/reopen`,
    valid: () => ({ reason: 'Came back' }),
    fields: [{ field: 'reason', wrong: 3, max: 2000 }],
  },
  {
    method: 'POST',
    path: '/api/issues/:id/assignees',
    url: () => `/api/issues/${issue.key}/assignees`,
    valid: () => ({ add: [bystander.id] }),
    fields: [
      { field: 'add', wrong: 'bystander' },
      { field: 'remove', wrong: [42] },
    ],
  },
  {
    method: 'POST',
    path: '/api/issues/:id/comments',
    url: () => `/api/issues/${issue.key}/comments`,
    valid: () => ({ body: 'Seeing it too' }),
    fields: [{ field: 'body', wrong: 42, max: 10_000, requiredText: true }],
  },
  {
    method: 'POST',
    path: '/api/issues/:id/duplicate',
    url: () => `/api/issues/${issue.key}/duplicate`,
    valid: () => ({ duplicateOf: 'ARG-1', note: 'same alert' }),
    fields: [
      { field: 'duplicateOf', wrong: 42 },
      { field: 'note', wrong: 5, max: 500 },
    ],
  },
  {
    method: 'POST',
    path: '/api/issues/:id/rca',
    url: () => `/api/issues/${issue.key}/rca`,
    valid: () => ({ onlyIfMissing: true }),
    fields: [{ field: 'onlyIfMissing', wrong: 'yes' }],
  },
  {
    method: 'POST',
    path: '/api/teams',
    url: () => '/api/teams',
    valid: () => ({ name: 'Search' }),
    fields: [
      { field: 'name', wrong: 42, max: 80, requiredText: true },
      { field: 'description', wrong: false, max: 2000 },
      { field: 'slackChannel', wrong: 'Not A Channel!' },
      { field: 'remindersEnabled', wrong: 'yes' },
      { field: 'reminderIntervalMinutes', wrong: '60' },
      { field: 'routingKeywords', wrong: 'payments' },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/teams/:id',
    url: () => `/api/teams/${team.id}`,
    valid: () => ({ name: 'Payments EU' }),
    fields: [
      { field: 'name', wrong: 42, max: 80, requiredText: true },
      { field: 'description', wrong: 1, max: 2000 },
      { field: 'reminderIntervalMinutes', wrong: 1 },
      { field: 'reminderStaleMinutes', wrong: 2 },
      { field: 'autoResolveEnabled', wrong: 'on' },
      { field: 'autoResolveMinConfidence', wrong: 0.2 },
    ],
  },
  {
    method: 'POST',
    path: '/api/teams/:id/members',
    url: () => `/api/teams/${team.id}/members`,
    valid: () => ({ userId: bystander.id, role: 'agent' }),
    fields: [
      { field: 'userId', wrong: 'bystander' },
      { field: 'role', wrong: 'boss' },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/members/:id',
    url: () => `/api/members/${memberId}`,
    valid: () => ({ role: 'manager' }),
    fields: [
      { field: 'role', wrong: 'boss' },
      { field: 'isActive', wrong: 'no' },
    ],
  },
  {
    method: 'POST',
    path: '/api/users',
    url: () => '/api/users',
    valid: () => ({ email: 'new.person@example.com', name: 'New Person' }),
    fields: [
      { field: 'email', wrong: 'not-an-email' },
      { field: 'name', wrong: 42, max: 120, requiredText: true },
      { field: 'password', wrong: 'short', max: 1024 },
      { field: 'isAdmin', wrong: 'true' },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    url: () => `/api/users/${bystander.id}`,
    valid: () => ({ name: 'Bo B.' }),
    fields: [
      { field: 'name', wrong: 42, max: 120, requiredText: true },
      { field: 'password', wrong: 'short', max: 1024 },
      { field: 'isActive', wrong: 0 },
    ],
  },
  {
    method: 'POST',
    path: '/api/tokens',
    url: () => '/api/tokens',
    valid: () => ({ name: 'deploy bot' }),
    fields: [
      { field: 'name', wrong: 42, max: 100, requiredText: true },
      { field: 'expiresInDays', wrong: 0 },
    ],
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    url: () => '/api/auth/login',
    valid: () => ({ email: admin.email, password: 'correct horse battery' }),
    anonymous: true,
    fields: [
      { field: 'email', wrong: 42, max: 320, requiredText: true },
      { field: 'password', wrong: null, max: 1024 },
    ],
  },
  {
    method: 'POST',
    path: '/api/auth/setup',
    url: () => '/api/auth/setup',
    valid: () => ({ email: 'first@example.com', name: 'First Admin', password: 'a long enough password' }),
    anonymous: true,
    fields: [
      { field: 'email', wrong: 'first-at-example.com' },
      { field: 'name', wrong: 42, max: 120, requiredText: true },
      { field: 'password', wrong: 'short', max: 1024 },
    ],
  },
];

function genericCases(endpoint: Endpoint): Case[] {
  const base = { method: endpoint.method, url: endpoint.url, anonymous: endpoint.anonymous };
  const cases: Case[] = [
    {
      ...base,
      name: 'malformed JSON',
      payload: '{"title":',
      expected: { status: 400, code: 'MALFORMED_JSON' },
    },
    {
      ...base,
      name: 'a JSON array instead of an object',
      payload: '[]',
      expected: { status: 400, code: 'VALIDATION_FAILED' },
    },
    {
      ...base,
      name: 'a body that is not JSON (XML)',
      payload: '<title>x</title>',
      headers: { 'content-type': 'application/xml' },
      expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    },
    {
      ...base,
      name: 'a plain-text body',
      payload: 'title=x',
      headers: { 'content-type': 'text/plain' },
      expected: { status: 400, code: 'VALIDATION_FAILED' },
    },
    {
      ...base,
      name: 'an unknown field',
      body: () => ({ ...endpoint.valid(), bogus: 1 }),
      expected: { status: 400, code: 'VALIDATION_FAILED', mentions: ['bogus'] },
    },
    {
      ...base,
      name: `a body over BODY_LIMIT_BYTES (${BODY_LIMIT})`,
      body: () => ({ ...endpoint.valid(), filler: 'x'.repeat(100 * 1024) }),
      expected: { status: 413, code: 'BODY_TOO_LARGE' },
    },
  ];
  for (const spec of endpoint.fields) {
    cases.push({
      ...base,
      name: `${spec.field} of the wrong type (${JSON.stringify(spec.wrong)})`,
      body: () => ({ ...endpoint.valid(), [spec.field]: spec.wrong }),
      expected: { status: 400, code: 'VALIDATION_FAILED', mentions: [spec.field] },
    });
    if (spec.max !== undefined) {
      const max = spec.max;
      cases.push({
        ...base,
        name: `${spec.field} of ${max + 1} characters`,
        body: () => ({ ...endpoint.valid(), [spec.field]: 'y'.repeat(max + 1) }),
        expected: { status: 400, code: 'VALIDATION_FAILED', mentions: [spec.field] },
      });
    }
    if (spec.requiredText) {
      for (const blank of ['', '   ', '\n\t']) {
        cases.push({
          ...base,
          name: `${spec.field} blank (${JSON.stringify(blank)})`,
          body: () => ({ ...endpoint.valid(), [spec.field]: blank }),
          expected: { status: 400, code: 'VALIDATION_FAILED', mentions: [spec.field] },
        });
      }
      if (endpoint.method === 'POST')
        cases.push({
          ...base,
          name: `${spec.field} missing`,
          body: () => {
            const { [spec.field]: _omitted, ...rest } = endpoint.valid();
            return rest;
          },
          expected: { status: 400, code: 'VALIDATION_FAILED', mentions: [spec.field] },
        });
    }
  }
  return cases;
}

for (const endpoint of endpoints) {
  describe(`${endpoint.method} ${endpoint.path}`, () => {
    for (const c of genericCases(endpoint)) it(`refuses ${c.name}`, () => runRejection(c));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Endpoint-specific rejections: rules beyond the field types
// ---------------------------------------------------------------------------------------------------------------

const unknownUuid = randomUUID();

const specificCases: Case[] = [
  // issues
  {
    name: 'create with an unknown team',
    method: 'POST',
    url: () => '/api/issues',
    body: () => ({ title: 'x', teamId: unknownUuid }),
    expected: { status: 422, code: 'UNKNOWN_TEAM', mentions: [unknownUuid] },
  },
  {
    name: 'create with an unknown assignee',
    method: 'POST',
    url: () => '/api/issues',
    body: () => ({ title: 'x', teamId: team.id, assigneeIds: [unknownUuid] }),
    expected: { status: 422, code: 'UNKNOWN_ASSIGNEE', mentions: [unknownUuid] },
  },
  {
    name: 'create with 21 assignees',
    method: 'POST',
    url: () => '/api/issues',
    body: () => ({ title: 'x', assigneeIds: Array.from({ length: 21 }, () => randomUUID()) }),
    expected: { status: 400, mentions: ['assigneeIds'] },
  },
  {
    name: 'create with a bad label name',
    method: 'POST',
    url: () => '/api/issues',
    body: () => ({ title: 'x', labels: { 'bad label!': 'v' } }),
    expected: { status: 400, mentions: ['labels'] },
  },
  {
    name: 'create with an empty body',
    method: 'POST',
    url: () => '/api/issues',
    payload: '',
    expected: { status: 400, code: 'MALFORMED_JSON' },
  },
  {
    name: 'patch with no field',
    method: 'PATCH',
    url: () => `/api/issues/${issue.key}`,
    body: () => ({}),
    expected: { status: 400, code: 'VALIDATION_FAILED', mentions: ['at least one field'] },
  },
  {
    name: 'patch status to resolved (has its own endpoint)',
    method: 'PATCH',
    url: () => `/api/issues/${issue.key}`,
    body: () => ({ status: 'resolved' }),
    expected: { status: 400, mentions: ['status', 'resolve'] },
  },
  {
    name: 'patch to an unknown team',
    method: 'PATCH',
    url: () => `/api/issues/${issue.key}`,
    body: () => ({ teamId: unknownUuid }),
    expected: { status: 422, code: 'UNKNOWN_TEAM' },
  },
  {
    name: 'resolve without a body',
    method: 'POST',
    url: () => `/api/issues/${issue.key}/resolve`,
    expected: { status: 400 },
  },
  {
    name: 'close without a reason',
    method: 'POST',
    url: () => `/api/issues/${issue.key}/close`,
    body: () => ({}),
    expected: { status: 400, mentions: ['reason'] },
  },
  {
    name: 'reopen an issue that is open',
    method: 'POST',
    url: () => `/api/issues/${issue.key}/reopen`,
    body: () => ({}),
    expected: { status: 422, code: 'ALREADY_IN_STATUS' },
  },
  {
    name: 'assignees with nobody to add or remove',
    method: 'POST',
    url: () => `/api/issues/${issue.key}/assignees`,
    body: () => ({ add: [], remove: [] }),
    expected: { status: 400, mentions: ['add or remove'] },
  },
  {
    name: 'assignees with a non-UUID',
    method: 'POST',
    url: () => `/api/issues/${issue.key}/assignees`,
    body: () => ({ add: ['not-a-uuid'] }),
    expected: { status: 400, mentions: ['add'] },
  },
  {
    name: 'assignees with an unknown person',
    method: 'POST',
    url: () => `/api/issues/${issue.key}/assignees`,
    body: () => ({ add: [unknownUuid] }),
    expected: { status: 422, code: 'UNKNOWN_ASSIGNEE' },
  },
  // teams and members
  {
    name: 'create a team whose name is taken',
    method: 'POST',
    url: () => '/api/teams',
    body: () => ({ name: team.name }),
    expected: { status: 409, code: 'TEAM_NAME_TAKEN' },
  },
  {
    name: 'create a team with a 1-minute reminder',
    method: 'POST',
    url: () => '/api/teams',
    body: () => ({ name: 'Quick', reminderIntervalMinutes: 1 }),
    expected: { status: 400, mentions: ['reminderIntervalMinutes'] },
  },
  {
    name: 'patch a team with no field',
    method: 'PATCH',
    url: () => `/api/teams/${team.id}`,
    body: () => ({}),
    expected: { status: 400, mentions: ['at least one field'] },
  },
  {
    name: 'add an unknown person as member',
    method: 'POST',
    url: () => `/api/teams/${team.id}/members`,
    body: () => ({ userId: unknownUuid }),
    expected: { status: 422, code: 'UNKNOWN_USER' },
  },
  {
    name: 'add someone who is already a member',
    method: 'POST',
    url: () => `/api/teams/${team.id}/members`,
    body: () => ({ userId: agent.id }),
    expected: { status: 409, code: 'ALREADY_MEMBER' },
  },
  {
    name: 'add a member to an unknown team',
    method: 'POST',
    url: () => `/api/teams/${unknownUuid}/members`,
    body: () => ({ userId: bystander.id }),
    expected: { status: 404, code: 'TEAM_NOT_FOUND' },
  },
  {
    name: 'patch a member with no field',
    method: 'PATCH',
    url: () => `/api/members/${memberId}`,
    body: () => ({}),
    expected: { status: 400, mentions: ['at least one field'] },
  },
  // users, tokens, auth
  {
    name: 'create a user whose e-mail is taken (other case)',
    method: 'POST',
    url: () => '/api/users',
    body: () => ({ email: agent.email.toUpperCase(), name: 'Twin' }),
    expected: { status: 409, code: 'EMAIL_TAKEN' },
  },
  {
    name: 'create a user with an 11-character password',
    method: 'POST',
    url: () => '/api/users',
    body: () => ({ email: 'p@example.com', name: 'P', password: 'x'.repeat(11) }),
    expected: { status: 400, mentions: ['password', '12'] },
  },
  {
    name: 'patch a user with no field',
    method: 'PATCH',
    url: () => `/api/users/${bystander.id}`,
    body: () => ({}),
    expected: { status: 400, mentions: ['at least one field'] },
  },
  {
    name: 'remove admin from the last admin',
    method: 'PATCH',
    url: () => `/api/users/${admin.id}`,
    body: () => ({ isAdmin: false }),
    expected: { status: 422, code: 'LAST_ADMIN' },
  },
  {
    name: 'create a token that expires in 3651 days',
    method: 'POST',
    url: () => '/api/tokens',
    body: () => ({ name: 'forever', expiresInDays: 3651 }),
    expected: { status: 400, mentions: ['expiresInDays'] },
  },
  {
    name: 'create a token with fractional days',
    method: 'POST',
    url: () => '/api/tokens',
    body: () => ({ name: 'half', expiresInDays: 1.5 }),
    expected: { status: 400, mentions: ['expiresInDays'] },
  },
  {
    name: 'log in with a wrong password',
    method: 'POST',
    url: () => '/api/auth/login',
    anonymous: true,
    body: () => ({ email: admin.email, password: 'not the password' }),
    expected: { status: 401, code: 'INVALID_CREDENTIALS' },
  },
  {
    name: 'log in with SQL in the e-mail',
    method: 'POST',
    url: () => '/api/auth/login',
    anonymous: true,
    body: () => ({ email: "' OR '1'='1' --", password: "' OR '1'='1" }),
    expected: { status: 401, code: 'INVALID_CREDENTIALS' },
  },
  {
    name: 'first-run setup once users exist',
    method: 'POST',
    url: () => '/api/auth/setup',
    anonymous: true,
    body: () => ({ email: 'late@example.com', name: 'Late', password: 'a long enough password' }),
    expected: { status: 409, code: 'ALREADY_SET_UP' },
  },
];

describe('endpoint rules', () => {
  for (const c of specificCases) it(`refuses: ${c.name}`, () => runRejection(c));
});

// ---------------------------------------------------------------------------------------------------------------
// Bad ids in the path
// ---------------------------------------------------------------------------------------------------------------

const pathCases: Case[] = [
  ...(['GET', 'PATCH', 'DELETE'] as const).map((method) => ({
    name: `${method} /api/teams/not-a-uuid`,
    method,
    url: () => '/api/teams/not-a-uuid',
    ...(method === 'PATCH' ? { body: () => ({ name: 'x' }) } : {}),
    expected: { status: 400 as const, code: 'VALIDATION_FAILED', mentions: ['id'] },
  })),
  {
    name: 'GET /api/teams/not-a-uuid/members',
    method: 'GET',
    url: () => '/api/teams/not-a-uuid/members',
    expected: { status: 400, mentions: ['id'] },
  },
  {
    name: 'POST /api/teams/not-a-uuid/members',
    method: 'POST',
    url: () => '/api/teams/not-a-uuid/members',
    body: () => ({ userId: bystander.id }),
    expected: { status: 400, mentions: ['id'] },
  },
  {
    name: 'PATCH /api/members/not-a-uuid',
    method: 'PATCH',
    url: () => '/api/members/not-a-uuid',
    body: () => ({ role: 'agent' }),
    expected: { status: 400, mentions: ['id'] },
  },
  {
    name: 'DELETE /api/members/not-a-uuid',
    method: 'DELETE',
    url: () => '/api/members/not-a-uuid',
    expected: { status: 400, mentions: ['id'] },
  },
  {
    name: 'PATCH /api/users/not-a-uuid',
    method: 'PATCH',
    url: () => '/api/users/not-a-uuid',
    body: () => ({ name: 'x' }),
    expected: { status: 400, mentions: ['id'] },
  },
  {
    name: 'DELETE /api/tokens/not-a-uuid',
    method: 'DELETE',
    url: () => '/api/tokens/not-a-uuid',
    expected: { status: 400, mentions: ['id'] },
  },
  {
    name: 'GET an issue by a malformed reference',
    method: 'GET',
    url: () => `/api/issues/${encodeURIComponent("ARG-1' OR 1=1")}`,
    expected: { status: 400, mentions: ['id'] },
  },
  {
    name: 'PATCH an issue by a malformed reference',
    method: 'PATCH',
    url: () => '/api/issues/ARG-',
    body: () => ({ title: 'x' }),
    expected: { status: 400, mentions: ['id'] },
  },
  // well-formed, but nothing there
  {
    name: 'GET /api/teams/<unknown uuid>',
    method: 'GET',
    url: () => `/api/teams/${unknownUuid}`,
    expected: { status: 404, code: 'TEAM_NOT_FOUND' },
  },
  {
    name: 'PATCH /api/teams/<unknown uuid>',
    method: 'PATCH',
    url: () => `/api/teams/${unknownUuid}`,
    body: () => ({ name: 'x' }),
    expected: { status: 404, code: 'TEAM_NOT_FOUND' },
  },
  {
    name: 'DELETE /api/teams/<unknown uuid>',
    method: 'DELETE',
    url: () => `/api/teams/${unknownUuid}`,
    expected: { status: 404, code: 'TEAM_NOT_FOUND' },
  },
  {
    name: 'PATCH /api/members/<unknown uuid>',
    method: 'PATCH',
    url: () => `/api/members/${unknownUuid}`,
    body: () => ({ role: 'agent' }),
    expected: { status: 404, code: 'MEMBER_NOT_FOUND' },
  },
  {
    name: 'DELETE /api/members/<unknown uuid>',
    method: 'DELETE',
    url: () => `/api/members/${unknownUuid}`,
    expected: { status: 404, code: 'MEMBER_NOT_FOUND' },
  },
  {
    name: 'PATCH /api/users/<unknown uuid>',
    method: 'PATCH',
    url: () => `/api/users/${unknownUuid}`,
    body: () => ({ name: 'x' }),
    expected: { status: 404, code: 'USER_NOT_FOUND' },
  },
  {
    name: 'DELETE /api/tokens/<unknown uuid>',
    method: 'DELETE',
    url: () => `/api/tokens/${unknownUuid}`,
    expected: { status: 404, code: 'TOKEN_NOT_FOUND' },
  },
];

const issueSubpaths: { method: string; suffix: string; body?: () => unknown }[] = [
  { method: 'GET', suffix: '' },
  { method: 'PATCH', suffix: '', body: () => ({ title: 'x' }) },
  { method: 'POST', suffix: '/resolve', body: () => ({ reason: 'fixed' }) },
  { method: 'POST', suffix: '/close', body: () => ({ reason: 'dup' }) },
  { method: 'POST', suffix: '/reopen', body: () => ({}) },
  { method: 'POST', suffix: '/assignees', body: () => ({ add: [agent.id] }) },
  { method: 'GET', suffix: '/history' },
  { method: 'GET', suffix: '/comments' },
  { method: 'POST', suffix: '/comments', body: () => ({ body: 'hello?' }) },
];
for (const reference of ['ARG-999999', 'arg-999999999999', 'OTHER-999999', unknownUuid]) {
  for (const sub of issueSubpaths) {
    pathCases.push({
      name: `${sub.method} /api/issues/${reference === unknownUuid ? '<unknown uuid>' : reference}${sub.suffix}`,
      method: sub.method,
      url: () => `/api/issues/${reference}${sub.suffix}`,
      ...(sub.body ? { body: sub.body } : {}),
      expected: { status: 404, code: 'ISSUE_NOT_FOUND', mentions: [reference] },
    });
  }
}

describe('ids in the path', () => {
  for (const c of pathCases) it(`refuses ${c.name}`, () => runRejection(c));
});

// ---------------------------------------------------------------------------------------------------------------
// Metacharacters are data
// ---------------------------------------------------------------------------------------------------------------

describe('metacharacters are stored and returned verbatim', () => {
  const sqlTitle = "'; DROP TABLE issues; --";
  const sqlDescription = 'Robert\'); DROP TABLE comments;-- \\ " $1 %s';
  const html = '<script>alert(1)</script>';
  const htmlDescription = '<img src=x onerror="alert(document.cookie)"> & &amp; </textarea>';

  it('SQL in an issue title, description, comment and search', async () => {
    const before = (await snapshot()).counts;
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: sqlTitle, description: sqlDescription, teamId: team.id, assigneeIds: [agent.id] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ title: sqlTitle, description: sqlDescription });

    const fetched = await t.request('GET', `/api/issues/${created.body.key}`, { token: admin.token });
    expect(fetched.body).toMatchObject({ title: sqlTitle, description: sqlDescription });
    const rows = await query('select title, description from issues where id = $1', [created.body.id]);
    expect(rows).toEqual([{ title: sqlTitle, description: sqlDescription }]);

    const comment = await t.request('POST', `/api/issues/${created.body.key}/comments`, {
      token: admin.token,
      body: { body: sqlTitle },
    });
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    expect(comment.body.body).toBe(sqlTitle);

    const search = await t.request('GET', `/api/issues?q=${encodeURIComponent(sqlTitle)}`, {
      token: admin.token,
    });
    expect(search.status, JSON.stringify(search.body)).toBe(200);
    const searchOdd = await t.request('GET', `/api/issues?q=${encodeURIComponent("!(:* & | ' \\")}`, {
      token: admin.token,
    });
    expect(searchOdd.status, JSON.stringify(searchOdd.body)).toBe(200);

    // Every table is still there, with exactly the rows this test added.
    const after = (await snapshot()).counts;
    expect(after).toEqual({
      ...before,
      issues: before.issues + 1,
      issue_assignees: before.issue_assignees + 1,
      issue_history: before.issue_history + 3, // created, assigned, commented
      comments: before.comments + 1,
    });
  });

  it('HTML in an issue, a comment and a team name comes back as a JSON string, unescaped and unrendered', async () => {
    const created = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: html, description: htmlDescription, assigneeIds: [agent.id] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const fetched = await t.request('GET', `/api/issues/${created.body.key}`, { token: admin.token });
    expect(String(fetched.headers['content-type'])).toMatch(/^application\/json/);
    expect(fetched.body).toMatchObject({ title: html, description: htmlDescription });
    expect(await query('select title, description from issues where id = $1', [created.body.id])).toEqual([
      { title: html, description: htmlDescription },
    ]);

    const raw = await t.argus.app.inject({
      method: 'GET',
      url: `/api/issues/${created.body.key}`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(raw.headers['content-type']).toMatch(/^application\/json/);
    expect(raw.body).toContain(`"title":${JSON.stringify(html)}`);

    const comment = await t.request('POST', `/api/issues/${created.body.key}/comments`, {
      token: admin.token,
      body: { body: html },
    });
    expect(comment.status).toBe(201);
    const comments = await t.request('GET', `/api/issues/${created.body.key}/comments`, {
      token: admin.token,
    });
    expect(String(comments.headers['content-type'])).toMatch(/^application\/json/);
    expect(comments.body.items.map((c: { body: string }) => c.body)).toEqual([html]);

    const newTeam = await t.request('POST', '/api/teams', {
      token: admin.token,
      body: { name: html, description: htmlDescription },
    });
    expect(newTeam.status, JSON.stringify(newTeam.body)).toBe(201);
    expect(newTeam.body).toMatchObject({ name: html, description: htmlDescription });
    expect(await query('select name from teams where id = $1', [newTeam.body.id])).toEqual([{ name: html }]);
  });

  it('validation messages echo no HTML back as markup: the response is JSON', async () => {
    const response = await t.request('POST', '/api/issues', {
      token: admin.token,
      body: { title: 'x', [html]: 1 },
    });
    expectRejected(response, { status: 400, code: 'VALIDATION_FAILED', mentions: [html] });
  });
});
