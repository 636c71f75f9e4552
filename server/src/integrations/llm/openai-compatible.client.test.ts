import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeOpenAi, startFakeOpenAi } from '../../../test/fakes/fake-openai.server.js';
import { createLlmClient, type LlmClientOptions, LlmError } from './openai-compatible.client.js';

const triageAnswer = z.object({
  priority: z.enum(['critical', 'high', 'medium', 'low']),
  category: z.string(),
});
const API_KEY = 'sk-test-4f9c2a7d1e8b';

let fake: FakeOpenAi;
let sleeps: number[];
let nowMs: number;

beforeEach(async () => {
  fake = await startFakeOpenAi();
  sleeps = [];
  nowMs = Date.parse('2026-03-01T12:00:00Z');
});
afterEach(() => fake.close());

function clientFor(overrides: Partial<LlmClientOptions> = {}) {
  return createLlmClient({
    baseUrl: fake.baseUrl,
    model: 'main-model',
    fastModel: 'fast-model',
    maxTokens: 500,
    timeoutSeconds: 5,
    now: () => nowMs,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

function askTriage(client = clientFor(), signal?: AbortSignal) {
  return client.completeJson({
    tier: 'fast',
    system: 'You triage production issues.',
    user: 'Checkout returns 502 for every customer',
    schema: triageAnswer,
    ...(signal ? { signal } : {}),
  });
}

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

describe('completeJson', () => {
  it('returns the validated object and sends an OpenAI chat-completions request for the tier model', async () => {
    fake.respond(() => ({
      content: '{"priority":"high","category":"availability"}',
      model: 'fast-model-2026',
    }));

    const answer = await askTriage();

    expect(answer).toEqual({
      value: { priority: 'high', category: 'availability' },
      model: 'fast-model-2026',
    });
    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]?.body;
    expect(body).toMatchObject({
      model: 'fast-model',
      max_tokens: 500,
      temperature: 0,
      response_format: { type: 'json_object' },
      stream: false,
    });
    expect(body.messages.map((message: { role: string }) => message.role)).toEqual(['system', 'user']);
    expect(body.messages[0].content).toContain('You triage production issues.');
    expect(body.messages[0].content).toMatch(/JSON/);
    expect(body.messages[1].content).toBe('Checkout returns 502 for every customer');
  });

  it('uses the main model for the main tier and honours a per-call token limit', async () => {
    fake.respond(() => ({ content: '{"priority":"low","category":"ui"}' }));
    await clientFor().completeJson({
      tier: 'main',
      system: 's',
      user: 'u',
      schema: triageAnswer,
      maxTokens: 42,
    });
    expect(fake.requests[0]?.body).toMatchObject({ model: 'main-model', max_tokens: 42 });
  });

  it('reads a JSON object inside a ```json fence with prose around it', async () => {
    fake.respond(() => ({
      content:
        'Here is the triage you asked for:\n```json\n{"priority": "critical", "category": "payments"}\n```\nHope it helps!',
    }));
    const answer = await askTriage();
    expect(answer.value).toEqual({ priority: 'critical', category: 'payments' });
    expect(fake.requests).toHaveLength(1);
  });

  it('asks once more, quoting the problem, when the answer is not valid JSON', async () => {
    fake.enqueue(
      { content: '{"priority": "high", "category": }' },
      { content: '{"priority":"high","category":"db"}' },
    );

    const answer = await askTriage();

    expect(answer.value).toEqual({ priority: 'high', category: 'db' });
    expect(fake.requests).toHaveLength(2);
    const repairMessages = fake.requests[1]?.body.messages as Array<{ role: string; content: string }>;
    expect(repairMessages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repairMessages[2]?.content).toBe('{"priority": "high", "category": }');
    expect(repairMessages[3]?.content).toMatch(/not valid JSON/);
  });

  it('gives up with LLM_INVALID_OUTPUT after exactly two requests when the repair is still not JSON', async () => {
    fake.respond(() => ({ content: 'I think it is a high priority database problem.' }));
    const client = clientFor();

    const error = await failureOf(askTriage(client));

    expect(error.code).toBe('LLM_INVALID_OUTPUT');
    expect(error.message).toContain('"fast-model"');
    expect(fake.requests).toHaveLength(2);
    // The service answered: invalid output is not a failure of the service.
    expect(client.health()).toMatchObject({ circuit: 'closed', lastFailureAt: null });
  });

  it('repairs a schema mismatch, quoting the field and the allowed values', async () => {
    fake.enqueue(
      { content: '{"priority":"urgent","category":"payments"}' },
      { content: '{"priority":"critical","category":"payments"}' },
    );

    const answer = await askTriage();

    expect(answer.value.priority).toBe('critical');
    const repairRequest = fake.requests[1]?.body.messages.at(-1).content as string;
    expect(repairRequest).toContain('priority');
    expect(repairRequest).toContain('critical');
  });
});

describe('failures and retries', () => {
  it('times out each attempt, retries, then fails with LLM_TIMEOUT naming the service', async () => {
    fake.respond(() => ({ hang: true }));
    const client = clientFor({ timeoutSeconds: 0.2, maxRetries: 2 });

    const error = await failureOf(askTriage(client));

    expect(error.code).toBe('LLM_TIMEOUT');
    expect(error.message).toBe(`AI service at ${fake.baseUrl} did not answer within 0.2 s (3 attempts)`);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('waits as long as Retry-After asks after a 429, then succeeds', async () => {
    fake.enqueue(
      { status: 429, headers: { 'retry-after': '1' } },
      { content: '{"priority":"low","category":"ui"}' },
    );

    const answer = await askTriage();

    expect(answer.value.priority).toBe('low');
    expect(sleeps).toEqual([1_000]);
  });

  it('prefers retry-after-ms when the service sends it', async () => {
    fake.enqueue(
      { status: 429, headers: { 'retry-after': '20', 'retry-after-ms': '350' } },
      { content: '{"priority":"low","category":"ui"}' },
    );
    await askTriage();
    expect(sleeps).toEqual([350]);
  });

  it('fails with LLM_RATE_LIMITED when the service keeps answering 429', async () => {
    fake.respond(() => ({ status: 429 }));
    const error = await failureOf(askTriage(clientFor({ maxRetries: 1 })));
    expect(error.code).toBe('LLM_RATE_LIMITED');
    expect(error.message).toContain('Rate limit reached');
    expect(fake.requests).toHaveLength(2);
  });

  it('retries server errors with backoff and succeeds on the third attempt', async () => {
    fake.enqueue({ status: 500 }, { status: 503 }, { content: '{"priority":"medium","category":"search"}' });

    const answer = await askTriage();

    expect(answer.value.priority).toBe('medium');
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeLessThan(500);
    expect(sleeps[1]).toBeLessThan(1_000);
  });

  it('retries a connection destroyed before any answer', async () => {
    fake.enqueue({ destroy: true }, { content: '{"priority":"medium","category":"search"}' });
    const answer = await askTriage();
    expect(answer.value.priority).toBe('medium');
    expect(fake.requests).toHaveLength(2);
  });

  it('does not retry a rejected API key', async () => {
    fake.respond(() => ({ status: 401 }));

    const error = await failureOf(askTriage(clientFor({ apiKey: API_KEY })));

    expect(error.code).toBe('LLM_REJECTED');
    expect(error.message).toBe(`AI service at ${fake.baseUrl} rejected the API key (HTTP 401)`);
    expect(fake.requests).toHaveLength(1);
  });

  it('names the model and the status when the service refuses the request', async () => {
    fake.respond(() => ({ status: 404 }));
    const error = await failureOf(askTriage());
    expect(error.code).toBe('LLM_REJECTED');
    expect(error.message).toContain('model "fast-model"');
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain('does not exist');
    expect(fake.requests).toHaveLength(1);
  });

  it('quotes at most 200 characters of an error body', async () => {
    fake.respond(() => ({
      status: 400,
      body: { error: { message: 'x'.repeat(5_000), type: 'invalid_request_error' } },
    }));
    const error = await failureOf(askTriage());
    expect(error.message).toMatch(/x{199}…$/);
    expect(error.message.length).toBeLessThan(400);
  });

  it('fails with LLM_UNAVAILABLE when nothing listens at the address', async () => {
    const baseUrl = await closedPortUrl();

    const error = await failureOf(askTriage(clientFor({ baseUrl, maxRetries: 1 })));

    expect(error.code).toBe('LLM_UNAVAILABLE');
    expect(error.message).toContain(`AI service at ${baseUrl} could not be reached (2 attempts)`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('stops at once when the caller aborts, with the caller’s reason', async () => {
    fake.respond(() => ({ hang: true }));
    const controller = new AbortController();
    const reason = new Error('the issue was deleted');
    setTimeout(() => controller.abort(reason), 50);

    await expect(askTriage(clientFor(), controller.signal)).rejects.toBe(reason);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('circuit breaker', () => {
  it('opens after 5 failed calls: the 6th fails fast without reaching the service', async () => {
    fake.respond(() => ({ status: 500 }));
    const client = clientFor({ maxRetries: 0 });

    for (let call = 0; call < 5; call += 1) {
      expect((await failureOf(askTriage(client))).code).toBe('LLM_UNAVAILABLE');
    }
    expect(fake.requests).toHaveLength(5);

    const error = await failureOf(askTriage(client));

    expect(error.code).toBe('LLM_CIRCUIT_OPEN');
    expect(error.message).toContain(fake.baseUrl);
    expect(fake.requests).toHaveLength(5);
    expect(client.health()).toMatchObject({ configured: true, circuit: 'open', lastSuccessAt: null });
    expect(client.health().lastError).toContain('HTTP 500');
  });

  it('counts a call once, however many retries it took', async () => {
    fake.respond(() => ({ status: 500 }));
    const client = clientFor({ maxRetries: 3, circuit: { failureThreshold: 2 } });

    await failureOf(askTriage(client));

    expect(fake.requests).toHaveLength(4);
    expect(client.health().circuit).toBe('closed');
  });

  it('lets one trial through after the cooldown; its success closes the circuit', async () => {
    fake.respond(() => ({ status: 500 }));
    const client = clientFor({ maxRetries: 0, circuit: { failureThreshold: 2, cooldownMs: 30_000 } });
    await failureOf(askTriage(client));
    await failureOf(askTriage(client));
    expect(client.health().circuit).toBe('open');

    nowMs += 30_000;
    expect(client.health().circuit).toBe('half_open');
    fake.respond(() => ({ content: '{"priority":"low","category":"ui"}' }));

    await askTriage(client);

    expect(fake.requests).toHaveLength(3);
    expect(client.health()).toMatchObject({ circuit: 'closed', lastSuccessAt: new Date(nowMs) });
  });

  it('re-opens when the trial fails', async () => {
    fake.respond(() => ({ status: 500 }));
    const client = clientFor({ maxRetries: 0, circuit: { failureThreshold: 1, cooldownMs: 1_000 } });
    await failureOf(askTriage(client));
    nowMs += 1_000;

    expect((await failureOf(askTriage(client))).code).toBe('LLM_UNAVAILABLE');
    expect((await failureOf(askTriage(client))).code).toBe('LLM_CIRCUIT_OPEN');
    expect(fake.requests).toHaveLength(2);
  });
});

describe('streamText', () => {
  const streamRequest = (onDelta: (text: string) => void, signal?: AbortSignal) => ({
    tier: 'main' as const,
    system: 'You write root-cause summaries.',
    user: 'Summarise the incident.',
    onDelta,
    ...(signal ? { signal } : {}),
  });

  it('delivers the pieces in order and returns the whole text', async () => {
    fake.respond(() => ({
      content: 'unused',
      streamChunks: ['The ', 'database ', 'ran out ', 'of connections.'],
    }));
    const pieces: string[] = [];

    const answer = await clientFor().streamText(streamRequest((text) => pieces.push(text)));

    expect(pieces).toEqual(['The ', 'database ', 'ran out ', 'of connections.']);
    expect(answer).toEqual({ text: 'The database ran out of connections.', model: 'main-model' });
    expect(fake.requests[0]?.body).toMatchObject({ model: 'main-model', stream: true, temperature: 0.2 });
    expect(fake.requests[0]?.body.response_format).toBeUndefined();
    expect(fake.requests[0]?.headers.accept).toBe('text/event-stream');
  });

  it('lets a stream that keeps flowing run longer than the timeout', async () => {
    fake.respond(() => ({ content: 'a b c d e f', chunkDelayMs: 60 }));
    const answer = await clientFor({ timeoutSeconds: 0.2, maxRetries: 0 }).streamText(
      streamRequest(() => undefined),
    );
    expect(answer.text).toBe('a b c d e f');
  });

  it('retries a stream that fails before delivering anything', async () => {
    fake.enqueue({ status: 503 }, { content: 'Recovered answer.' });
    const answer = await clientFor().streamText(streamRequest(() => undefined));
    expect(answer.text).toBe('Recovered answer.');
    expect(fake.requests).toHaveLength(2);
  });

  it('never retries a stream that broke off after delivering content', async () => {
    fake.respond(() => ({ content: 'one two three four', dropAfterChunks: 2 }));
    const pieces: string[] = [];

    const error = await failureOf(clientFor().streamText(streamRequest((text) => pieces.push(text))));

    expect(error.code).toBe('LLM_UNAVAILABLE');
    expect(error.message).toContain('broke off its answer');
    expect(pieces).toEqual(['one ', 'two ']);
    expect(fake.requests).toHaveLength(1);
  });

  it('fails with LLM_TIMEOUT, without retrying, when a started stream goes quiet', async () => {
    fake.respond(() => ({ content: 'unused', streamChunks: ['first ', 'second'], chunkDelayMs: 1_000 }));
    const pieces: string[] = [];

    const error = await failureOf(
      clientFor({ timeoutSeconds: 0.2 }).streamText(streamRequest((text) => pieces.push(text))),
    );

    expect(error.code).toBe('LLM_TIMEOUT');
    expect(error.message).toContain('stopped sending for 0.2 s in the middle of its answer');
    expect(pieces).toEqual(['first ']);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a stream that goes quiet before its first piece', async () => {
    fake.enqueue({ delayMs: 1_000, reply: { content: 'late' } }, { content: 'on time' });
    const answer = await clientFor({ timeoutSeconds: 0.2 }).streamText(streamRequest(() => undefined));
    expect(answer.text).toBe('on time');
    expect(fake.requests).toHaveLength(2);
  });
});

describe('credentials', () => {
  it('sends Authorization: Bearer only when an API key is configured', async () => {
    fake.respond(() => ({ content: '{"priority":"low","category":"ui"}' }));
    await askTriage(clientFor({ apiKey: API_KEY }));
    await askTriage(clientFor());

    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(fake.requests[1]?.headers.authorization).toBeUndefined();
  });

  it('never shows the API key in an error, even when the service echoes it', async () => {
    fake.respond(() => ({
      status: 400,
      body: { error: { message: `Key ${API_KEY} is not valid for this model` } },
    }));
    const error = await failureOf(askTriage(clientFor({ apiKey: API_KEY })));
    expect(error.message).not.toContain(API_KEY);
    expect(error.message).toContain('Key *** is not valid');
  });

  it('describes the endpoint without the key', () => {
    const client = clientFor({ apiKey: API_KEY, baseUrl: `${fake.baseUrl}/` });
    expect(client.describe()).toEqual({
      baseUrl: fake.baseUrl,
      model: 'main-model',
      fastModel: 'fast-model',
    });
    expect(JSON.stringify(client.describe())).not.toContain(API_KEY);
  });
});
