import type { z } from 'zod';
import { type CircuitState, createCircuitBreaker } from '../../lib/circuit-breaker.js';
import { readChatCompletionStream } from './chat-completion-stream.js';
import {
  type AnswerAttempt,
  AnswerFailure,
  createChatCompletionsSender,
  excerptServiceError,
} from './chat-completions-request.js';
import { LlmError } from './llm-error.js';
import { buildRepairInstruction, readLlmJson } from './llm-json.js';

export { LlmError, type LlmErrorCode } from './llm-error.js';

/** fast = AI_FAST_MODEL (triage, many small calls); main = AI_MODEL (root-cause analysis, summaries). */
export type LlmTier = 'fast' | 'main';

/** How to reach the AI service (from AI_* configuration); `now` and `sleep` are injectable for tests. */
export interface LlmClientOptions {
  /** e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`; requests go to `${baseUrl}/chat/completions`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer` when set; never appears in an error or a log. */
  apiKey?: string | undefined;
  model: string;
  fastModel: string;
  maxTokens: number;
  /** Per attempt; for a stream, the longest wait for the first byte or between two chunks. */
  timeoutSeconds: number;
  /** Retries after timeouts, network errors, 429 and 5xx; 3 unless given. */
  maxRetries?: number;
  circuit?: { failureThreshold?: number; cooldownMs?: number };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** How the AI service has been doing, for the settings page and /api/ai/status. */
export interface LlmHealth {
  configured: true;
  circuit: CircuitState;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
}

/** What Argus asks of an AI service: a validated JSON object, or a streamed text. */
export interface LlmClient {
  /**
   * Asks for a JSON object, validates it with `schema`; on invalid JSON or schema mismatch asks once more with the
   * problems quoted (repair), then throws LlmError('LLM_INVALID_OUTPUT').
   */
  completeJson<T>(request: {
    tier: LlmTier;
    system: string;
    user: string;
    schema: z.ZodType<T>;
    maxTokens?: number;
    signal?: AbortSignal;
  }): Promise<{ value: T; model: string }>;
  /**
   * Streams a long answer (SSE chunks of `choices[0].delta.content`, ending `data: [DONE]`), calling onDelta for each
   * piece; returns the whole text. A stream that has started delivering is never retried.
   */
  streamText(request: {
    tier: LlmTier;
    system: string;
    user: string;
    maxTokens?: number;
    onDelta: (text: string) => void;
    signal?: AbortSignal;
  }): Promise<{ text: string; model: string }>;
  health(): LlmHealth;
  describe(): { baseUrl: string; model: string; fastModel: string };
}

type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

const JSON_ONLY = 'Answer with a single JSON object only: no prose, no code fences.';
// The model's own answer is quoted back in a repair; a runaway answer is cut so the repair still fits the context.
const MAX_QUOTED_ANSWER_CHARS = 8_000;

/**
 * A client for any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama, llama.cpp server, LiteLLM),
 * with per-attempt timeouts, retries with backoff, and a circuit breaker that counts one failure per failed call:
 * while open, calls fail fast with LLM_CIRCUIT_OPEN and nothing is sent.
 */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const breaker = createCircuitBreaker({
    failureThreshold: options.circuit?.failureThreshold ?? 5,
    cooldownMs: options.circuit?.cooldownMs ?? 30_000,
    now,
  });
  const sendChatCompletion = createChatCompletionsSender({
    baseUrl,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutSeconds * 1_000,
    maxRetries: options.maxRetries ?? 3,
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  });
  let lastSuccessAt: Date | null = null;
  let lastFailureAt: Date | null = null;
  let lastError: string | null = null;

  /** Runs one call through the circuit breaker; only failures that say the service is unusable count against it. */
  async function throughCircuit<T>(call: () => Promise<T>): Promise<T> {
    if (!breaker.canRequest()) {
      const last = lastError ? ` Last error: ${lastError}` : '';
      throw new LlmError(
        'LLM_CIRCUIT_OPEN',
        `AI service at ${baseUrl} failed repeatedly; Argus is giving it a rest before trying again.${last}`,
      );
    }
    try {
      const result = await call();
      noteAnswered();
      return result;
    } catch (error) {
      if (error instanceof LlmError && isServiceFailure(error)) {
        breaker.recordFailure();
        lastFailureAt = new Date(now());
        lastError = error.message;
      } else if (error instanceof LlmError) {
        noteAnswered();
      }
      throw error;
    }
  }

  function noteAnswered(): void {
    breaker.recordSuccess();
    lastSuccessAt = new Date(now());
  }

  function modelFor(tier: LlmTier): string {
    return tier === 'fast' ? options.fastModel : options.model;
  }

  async function askOnce(
    model: string,
    messages: ChatMessage[],
    maxTokens: number,
    signal: AbortSignal | undefined,
  ): Promise<{ content: string; model: string; isCutOff: boolean }> {
    const body = {
      model,
      messages,
      max_tokens: maxTokens,
      temperature: 0,
      response_format: { type: 'json_object' },
      stream: false,
    };
    return sendChatCompletion(body, signal, async (_response, attempt) => {
      const completion = parseCompletion(await attempt.readText());
      if (!completion) {
        throw new LlmError(
          'LLM_INVALID_OUTPUT',
          `AI service at ${baseUrl} answered in a shape that is not an OpenAI chat completion`,
        );
      }
      return { content: completion.content, model: completion.model ?? model, isCutOff: completion.isCutOff };
    });
  }

  return {
    completeJson(request) {
      return throughCircuit(async () => {
        const model = modelFor(request.tier);
        const maxTokens = request.maxTokens ?? options.maxTokens;
        const messages: ChatMessage[] = [
          { role: 'system', content: `${request.system}\n\n${JSON_ONLY}` },
          { role: 'user', content: request.user },
        ];
        const first = await askOnce(model, messages, maxTokens, request.signal);
        const firstReading = readLlmJson(first.content, request.schema);
        if (firstReading.ok) return { value: firstReading.value, model: first.model };

        const firstProblems = withCutOffNote(firstReading.problems, first.isCutOff, maxTokens);
        const repair = await askOnce(
          model,
          [
            ...messages,
            { role: 'assistant', content: first.content.slice(0, MAX_QUOTED_ANSWER_CHARS) },
            { role: 'user', content: buildRepairInstruction(firstProblems) },
          ],
          maxTokens,
          request.signal,
        );
        const repairReading = readLlmJson(repair.content, request.schema);
        if (repairReading.ok) return { value: repairReading.value, model: repair.model };
        throw new LlmError(
          'LLM_INVALID_OUTPUT',
          `AI model "${model}" at ${baseUrl} did not give the requested JSON, even when asked again: ` +
            withCutOffNote(repairReading.problems, repair.isCutOff, maxTokens).slice(0, 300),
        );
      });
    },

    streamText(request) {
      return throughCircuit(async () => {
        const model = modelFor(request.tier);
        const body = {
          model,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user },
          ],
          max_tokens: request.maxTokens ?? options.maxTokens,
          temperature: 0.2,
          stream: true,
        };
        return sendChatCompletion(body, request.signal, (response, attempt) =>
          readStreamedAnswer(response, attempt, model, request.onDelta),
        );
      });
    },

    health() {
      return { configured: true, circuit: breaker.state(), lastSuccessAt, lastFailureAt, lastError };
    },

    describe() {
      return { baseUrl, model: options.model, fastModel: options.fastModel };
    },
  };

  async function readStreamedAnswer(
    response: Response,
    attempt: AnswerAttempt,
    model: string,
    onDelta: (text: string) => void,
  ): Promise<{ text: string; model: string }> {
    // A server that ignores `stream: true` answers with one ordinary completion: deliver it as a single piece.
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const completion = parseCompletion(await attempt.readText());
      if (!completion?.content) throw emptyAnswer();
      attempt.markDelivering();
      onDelta(completion.content);
      return { text: completion.content, model: completion.model ?? model };
    }
    const streamed = await readChatCompletionStream(attempt.readChunks(), (piece) => {
      attempt.markDelivering();
      onDelta(piece);
    });
    if (streamed.unreadableChunk !== null) {
      throw new LlmError(
        'LLM_INVALID_OUTPUT',
        `AI service at ${baseUrl} sent a stream chunk that is not JSON: ${streamed.unreadableChunk}`,
      );
    }
    if (streamed.ending === 'service_error') {
      throw new AnswerFailure(
        'server_error',
        excerptServiceError(streamed.serviceError ?? '', options.apiKey),
      );
    }
    if (streamed.ending === 'cut_off') {
      throw new AnswerFailure('broken_stream', 'the stream ended before the answer was complete');
    }
    if (streamed.text === '') throw emptyAnswer();
    return { text: streamed.text, model: streamed.model ?? model };
  }

  function emptyAnswer(): LlmError {
    return new LlmError('LLM_INVALID_OUTPUT', `AI service at ${baseUrl} ended its answer without any text`);
  }
}

/**
 * Failures that say the service is unusable right now count against the circuit: unreachable, timing out, rate
 * limiting, or refusing the key or the model. A 400 about one request or an unusable answer does not.
 */
function isServiceFailure(error: LlmError): boolean {
  if (error.code === 'LLM_REJECTED')
    return error.httpStatus !== null && [401, 403, 404].includes(error.httpStatus);
  return (
    error.code === 'LLM_UNAVAILABLE' || error.code === 'LLM_TIMEOUT' || error.code === 'LLM_RATE_LIMITED'
  );
}

/** `choices[0].message.content` of a chat completion; null content (a refusal, a tool call) reads as empty. */
function parseCompletion(text: string): { content: string; model: string | null; isCutOff: boolean } | null {
  let parsed: {
    model?: unknown;
    choices?: Array<{ message?: { content?: unknown }; finish_reason?: unknown }>;
  };
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const choice = Array.isArray(parsed?.choices) ? parsed.choices[0] : undefined;
  if (!choice || typeof choice.message !== 'object' || choice.message === null) return null;
  const content = choice.message.content;
  return {
    content: typeof content === 'string' ? content : '',
    model: typeof parsed.model === 'string' ? parsed.model : null,
    isCutOff: choice.finish_reason === 'length',
  };
}

function withCutOffNote(problems: string, isCutOff: boolean, maxTokens: number): string {
  return isCutOff ? `${problems} (the answer stopped at the ${maxTokens}-token limit)` : problems;
}
