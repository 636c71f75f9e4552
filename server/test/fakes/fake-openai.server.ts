import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { flattenHeaders, readBody, sendJson } from './http-helpers.js';

/**
 * One answer of the fake: a completion (streamed when the request asks for `stream: true`, split into `streamChunks`
 * or word by word with `chunkDelayMs` between pieces, optionally broken off after `dropAfterChunks` content chunks), an HTTP error in OpenAI's shape,
 * an answer after a delay, a request that is never answered, or a connection destroyed before any answer.
 */
export type FakeReply =
  | {
      content: string;
      streamChunks?: string[];
      chunkDelayMs?: number;
      model?: string;
      dropAfterChunks?: number;
    }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { delayMs: number; reply: FakeReply }
  | { hang: true }
  | { destroy: true };

/** One request the fake received. */
export interface FakeOpenAiRequest {
  body: any;
  headers: Record<string, string>;
  at: number;
}

/** A running fake OpenAI-compatible server and the handles a test scripts it with. */
export interface FakeOpenAi {
  /** e.g. `http://127.0.0.1:40123/v1`, what a client takes as its base URL. */
  baseUrl: string;
  /** Every chat-completion request, in arrival order. */
  requests: FakeOpenAiRequest[];
  /** The answer to every request once the queue is empty; by default a fixed JSON object as content. */
  respond(handler: (body: any) => FakeReply | Promise<FakeReply>): void;
  /** One-shot answers, used in order before the handler. */
  enqueue(...replies: FakeReply[]): void;
  /** Stops listening and destroys open connections, including hung requests. */
  close(): Promise<void>;
}

/** The content the fake answers with when a test set no handler. */
export const FAKE_OPENAI_DEFAULT_CONTENT = '{"answer":"ok"}';

/** Errors in the exact shape OpenAI sends them: `{ error: { message, type, param, code } }`. */
const errorByStatus: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: {
    message:
      'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
  403: { message: 'You are not allowed to use this model.', type: 'invalid_request_error', code: null },
  404: {
    message: 'The model does not exist or you do not have access to it.',
    type: 'invalid_request_error',
    code: 'model_not_found',
  },
  429: {
    message: 'Rate limit reached for requests. Please try again in 1s.',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  500: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    code: null,
  },
  503: {
    message: 'The engine is currently overloaded, please try again later.',
    type: 'server_error',
    code: null,
  },
};

/**
 * Starts a fake OpenAI-compatible server on 127.0.0.1 (a free port) that speaks the real wire format:
 * `POST /v1/chat/completions` (JSON or server-sent events) and `GET /v1/models`.
 */
export async function startFakeOpenAi(options: { models?: string[] } = {}): Promise<FakeOpenAi> {
  const requests: FakeOpenAiRequest[] = [];
  const queue: FakeReply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const models = options.models ?? ['fake-main', 'fake-fast'];
  let handler: (body: any) => FakeReply | Promise<FakeReply> = () => ({
    content: FAKE_OPENAI_DEFAULT_CONTENT,
  });

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((request, response) => {
    serve(request, response).catch((error: Error) => {
      if (!response.headersSent) sendJson(response, 500, openAiError(500, error.message));
      else response.destroy();
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/v1/models') {
      const created = Math.floor(Date.now() / 1000);
      sendJson(response, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created, owned_by: 'argus-fake' })),
      });
      return;
    }
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(
        response,
        404,
        openAiError(404, `Unknown request URL: ${request.method} ${path}.`, 'unknown_url'),
      );
      return;
    }
    const raw = await readBody(request);
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      sendJson(response, 400, openAiError(400, 'We could not parse the JSON body of your request.'));
      return;
    }
    requests.push({ body, headers: flattenHeaders(request), at: Date.now() });
    await sendReply(response, body, queue.shift() ?? (await handler(body)));
  }

  async function sendReply(response: ServerResponse, body: any, reply: FakeReply): Promise<void> {
    if ('hang' in reply) return;
    if ('destroy' in reply) {
      response.socket?.destroy();
      return;
    }
    if ('delayMs' in reply) {
      await wait(reply.delayMs);
      if (!response.destroyed) await sendReply(response, body, reply.reply);
      return;
    }
    if ('status' in reply) {
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(reply.body ?? openAiError(reply.status)));
      return;
    }
    const model = reply.model ?? String(body.model);
    const id = `chatcmpl-${randomUUID().replaceAll('-', '').slice(0, 24)}`;
    const created = Math.floor(Date.now() / 1000);
    if (body.stream !== true) {
      sendJson(response, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          { index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' },
        ],
        usage: usageOf(body, reply.content),
      });
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const chunk = (delta: object, finishReason: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
    response.write(chunk({ role: 'assistant' }, null));
    const pieces = reply.streamChunks ?? reply.content.split(/(?<=\s)/);
    for (const [index, piece] of pieces.entries()) {
      if (reply.dropAfterChunks !== undefined && index >= reply.dropAfterChunks) {
        // end, not destroy: what was written still reaches the client, then the connection closes mid-body.
        response.socket?.end();
        return;
      }
      if (reply.chunkDelayMs && index > 0) await wait(reply.chunkDelayMs);
      if (response.destroyed) return;
      response.write(chunk({ content: piece }, null));
    }
    response.write(chunk({}, 'stop'));
    response.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    respond(next) {
      handler = next;
    },
    enqueue(...replies) {
      queue.push(...replies);
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function openAiError(status: number, message?: string, code?: string) {
  const known = errorByStatus[status] ?? { message: `HTTP ${status}`, type: 'api_error', code: null };
  return {
    error: { message: message ?? known.message, type: known.type, param: null, code: code ?? known.code },
  };
}

function usageOf(body: any, content: string) {
  // Roughly four characters a token, as OpenAI's own rule of thumb; enough for a client that reads usage.
  const promptTokens = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
  const completionTokens = Math.ceil(content.length / 4);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}
