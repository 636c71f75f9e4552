import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeInvestigator,
  startFakeInvestigator,
} from '../../../test/fakes/fake-investigator.server.js';
import {
  createInvestigatorClient,
  type InvestigationRequest,
  type InvestigationStep,
  type InvestigatorClientOptions,
  InvestigatorError,
} from './investigator.client.js';

const TOKEN = 'inv-secret-7b21c9';

const findings = {
  summary: 'The payment service ran out of database connections.',
  probableCause: 'Release 2026.03.01 doubled the worker count without raising the pool size.',
  evidence: ['pool_wait_seconds rose at 12:02', 'The release went out at 12:00'],
  nextSteps: ['Raise DB_POOL_MAX to 40', 'Roll back if errors persist'],
  actionable: true,
  confidence: 0.82,
};

const request: InvestigationRequest = {
  issue: {
    id: '0b9f3c4e-1111-4a5b-9c8d-2e3f4a5b6c7d',
    key: 'ARG-42',
    title: 'Checkout returns 502',
    description: 'Every customer sees an error at payment.',
    priority: 'critical',
    category: 'availability',
    team: { id: '5f0c2d1e-2222-4b6c-8d9e-0f1a2b3c4d5e', name: 'Payments' },
    service: 'checkout',
    environment: 'production',
    labels: { region: 'eu-west-1' },
    source: 'alert',
    createdAt: '2026-03-01T12:03:00.000Z',
  },
  history: [{ at: '2026-03-01T12:03:00.000Z', actor: null, action: 'created', from: null, to: null }],
  comments: [{ at: '2026-03-01T12:05:00.000Z', author: 'Ada', body: 'Started after the 12:00 deploy?' }],
  similarIssues: [
    { key: 'ARG-7', title: 'Checkout 502 after deploy', resolutionReason: 'Rolled back', similarity: 0.91 },
  ],
};

let fake: FakeInvestigator;
let sleeps: number[];

beforeEach(async () => {
  fake = await startFakeInvestigator();
  sleeps = [];
});
afterEach(() => fake.close());

function clientFor(overrides: Partial<InvestigatorClientOptions> = {}) {
  return createInvestigatorClient({
    url: fake.url,
    timeoutSeconds: 5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

async function investigate(client = clientFor()) {
  const steps: InvestigationStep[] = [];
  const result = await client.investigate(request, {
    onStep: async (step) => {
      // A slow consumer (storing and broadcasting each step) must still see the steps in order.
      await new Promise((resolve) => setTimeout(resolve, 5));
      steps.push(step);
    },
  });
  return { result, steps };
}

async function failureOf(promise: Promise<unknown>): Promise<InvestigatorError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the investigation to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InvestigatorError);
  return error as InvestigatorError;
}

const step = (message: string, kind?: 'progress' | 'finding') => ({
  step: kind ? { message, kind } : { message },
});

describe('investigate', () => {
  it('reports each step in order, then returns the findings', async () => {
    fake.script({
      events: [
        step('Reading the last 3 deploys'),
        { delayMs: 20, ...step('Comparing error rates before and after', 'progress') },
        step('Errors began 2 minutes after release 2026.03.01', 'finding'),
        { delayMs: 10, result: findings },
      ],
    });

    const { result, steps } = await investigate();

    expect(steps).toEqual([
      { message: 'Reading the last 3 deploys', kind: 'progress' },
      { message: 'Comparing error rates before and after', kind: 'progress' },
      { message: 'Errors began 2 minutes after release 2026.03.01', kind: 'finding' },
    ]);
    expect(result).toEqual(findings);
  });

  it('posts the issue, its history, comments and similar issues as JSON', async () => {
    fake.script({ events: [{ result: findings }] });
    await investigate();
    const [start, events] = fake.requests;
    expect(start).toMatchObject({ method: 'POST', path: '/investigations', body: request });
    expect(start?.headers['content-type']).toBe('application/json');
    expect(events).toMatchObject({ method: 'GET', path: '/investigations/inv_1/events', lastEventId: null });
    expect(events?.headers.accept).toBe('text/event-stream');
  });

  it('sends the token as a bearer token, and none when no token is set', async () => {
    await investigate(clientFor({ token: TOKEN }));
    await investigate(clientFor());
    expect(fake.requests.slice(0, 2).map((received) => received.headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
    expect(fake.requests.slice(2).map((received) => received.headers.authorization)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('fails with INVESTIGATOR_FAILED and the service’s message on an error event', async () => {
    fake.script({
      events: [step('Querying Prometheus'), { error: 'Prometheus at prom:9090 refused the query' }],
    });
    const steps: InvestigationStep[] = [];

    const error = await failureOf(
      clientFor().investigate(request, { onStep: (received) => void steps.push(received) }),
    );

    expect(error.code).toBe('INVESTIGATOR_FAILED');
    expect(error.message).toBe(
      `Investigation service at ${fake.url} reported: Prometheus at prom:9090 refused the query`,
    );
    expect(steps).toHaveLength(1);
  });

  it('fails with INVESTIGATOR_UNAVAILABLE when starting answers 500', async () => {
    fake.script({ start: { status: 500, body: { error: { message: 'worker pool exhausted' } } } });

    const error = await failureOf(investigate());

    expect(error.code).toBe('INVESTIGATOR_UNAVAILABLE');
    expect(error.message).toBe(
      `Investigation service at ${fake.url} answered HTTP 500: worker pool exhausted`,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('fails with INVESTIGATOR_UNAVAILABLE when the token is refused', async () => {
    fake.script({ start: { status: 401 } });
    const error = await failureOf(investigate(clientFor({ token: TOKEN })));
    expect(error.code).toBe('INVESTIGATOR_UNAVAILABLE');
    expect(error.message).toContain('rejected the token (HTTP 401)');
    expect(error.message).not.toContain(TOKEN);
  });

  it('resumes a dropped stream with Last-Event-ID and reports no step twice', async () => {
    fake.script({
      events: [step('one'), step('two'), step('three'), step('four'), { result: findings }],
      dropAfterEvents: [2, 3],
    });

    const { result, steps } = await investigate();

    expect(steps.map((received) => received.message)).toEqual(['one', 'two', 'three', 'four']);
    expect(result).toEqual(findings);
    expect(fake.requests.map((received) => received.lastEventId)).toEqual([null, null, '2', '3']);
    expect(sleeps).toHaveLength(2);
  });

  it('skips repeated events when a service replays its stream from the start', async () => {
    fake.script({
      events: [step('one'), step('two'), step('three'), { result: findings }],
      dropAfterEvents: [2],
      ignoresLastEventId: true,
    });

    const { steps } = await investigate();

    expect(steps.map((received) => received.message)).toEqual(['one', 'two', 'three']);
  });

  it('gives up with INVESTIGATOR_UNAVAILABLE after 3 reconnections that bring nothing new', async () => {
    fake.script({ events: [step('one')] });

    const error = await failureOf(investigate());

    expect(error.code).toBe('INVESTIGATOR_UNAVAILABLE');
    expect(error.message).toContain('kept breaking the event stream of investigation "inv_1"');
    // The start, the first connection and 3 reconnections.
    expect(fake.requests).toHaveLength(5);
  });

  it('fails with INVESTIGATOR_TIMEOUT when the investigation outlasts the timeout', async () => {
    fake.script({ events: [step('Thinking very hard')], hangsAfterEvents: true });
    const steps: InvestigationStep[] = [];

    const error = await failureOf(
      clientFor({ timeoutSeconds: 0.3 }).investigate(request, {
        onStep: (received) => void steps.push(received),
      }),
    );

    expect(error.code).toBe('INVESTIGATOR_TIMEOUT');
    expect(error.message).toBe(
      `Investigation service at ${fake.url} did not finish the investigation within 0.3 s`,
    );
    expect(steps).toHaveLength(1);
  });

  it('fails with INVESTIGATOR_TIMEOUT when starting never answers', async () => {
    fake.script({ start: { hang: true } });
    const error = await failureOf(investigate(clientFor({ timeoutSeconds: 0.2 })));
    expect(error.code).toBe('INVESTIGATOR_TIMEOUT');
  });

  it.each([
    { name: 'a confidence above 1', result: { ...findings, confidence: 1.3 }, problem: 'confidence' },
    { name: 'a missing summary', result: { ...findings, summary: undefined }, problem: 'summary' },
    {
      name: 'evidence that is not a list',
      result: { ...findings, evidence: 'the logs' },
      problem: 'evidence',
    },
  ])('rejects a result with $name as INVESTIGATOR_INVALID_RESPONSE', async ({ result, problem }) => {
    fake.script({ events: [{ result }] });
    const error = await failureOf(investigate());
    expect(error.code).toBe('INVESTIGATOR_INVALID_RESPONSE');
    expect(error.message).toContain(problem);
  });

  it('fails with INVESTIGATOR_UNAVAILABLE when nothing listens at the address', async () => {
    const url = fake.url;
    await fake.close();
    const error = await failureOf(investigate(clientFor({ url })));
    expect(error.code).toBe('INVESTIGATOR_UNAVAILABLE');
    expect(error.message).toContain('ECONNREFUSED');
    fake = await startFakeInvestigator();
  });

  it('stops when the caller aborts, with the caller’s reason', async () => {
    fake.script({ events: [step('one')], hangsAfterEvents: true });
    const controller = new AbortController();
    const reason = new Error('RCA cancelled');

    const investigation = clientFor().investigate(request, {
      onStep: () => controller.abort(reason),
      signal: controller.signal,
    });

    await expect(investigation).rejects.toBe(reason);
  });
});

describe('circuit breaker and health', () => {
  it('opens after repeated failures and then fails fast without calling the service', async () => {
    fake.script({ start: { status: 503 } });
    let nowMs = Date.parse('2026-03-01T12:00:00Z');
    const client = clientFor({ now: () => nowMs, circuit: { failureThreshold: 2, cooldownMs: 10_000 } });

    await failureOf(investigate(client));
    await failureOf(investigate(client));
    const error = await failureOf(investigate(client));

    expect(error.code).toBe('INVESTIGATOR_CIRCUIT_OPEN');
    expect(fake.requests).toHaveLength(2);
    expect(client.health()).toMatchObject({ configured: true, circuit: 'open', lastSuccessAt: null });
    expect(client.health().lastError).toContain('HTTP 503');

    nowMs += 10_000;
    fake.script({ events: [{ result: findings }] });
    await investigate(client);
    expect(client.health()).toMatchObject({ circuit: 'closed', lastSuccessAt: new Date(nowMs) });
  });

  it('does not count a reported failure against the service', async () => {
    fake.script({ events: [{ error: 'no data for this service' }] });
    const client = clientFor({ circuit: { failureThreshold: 1 } });
    await failureOf(investigate(client));
    expect(client.health()).toMatchObject({ circuit: 'closed', lastFailureAt: null });
  });

  it('describes the service without the token', () => {
    const client = clientFor({ url: `${fake.url}/`, token: TOKEN, timeoutSeconds: 600 });
    expect(client.describe()).toEqual({ url: fake.url, timeoutSeconds: 600 });
  });
});
