import type { z } from 'zod';

/** A JSON object read from a model's answer, or the problem to quote back to the model. */
export type LlmJsonReading<T> = { ok: true; value: T } | { ok: false; problems: string };

// Reasoning models served by Ollama or vLLM (DeepSeek-R1, Qwen3) may think aloud first; braces in there are not the answer.
const THINKING = /<think>[\s\S]*?<\/think>/gi;
const FENCE = /```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/g;
const MAX_OBJECT_STARTS_TRIED = 20;
const MAX_PROBLEMS_QUOTED = 8;

/**
 * Reads the one JSON object in a model's answer: the whole text, a ```json fenced block, or an object with prose
 * around it. Only objects count (an array or a bare string is a problem), so the caller's schema sees an object.
 */
export function extractJsonObject(answer: string): LlmJsonReading<Record<string, unknown>> {
  const text = answer.replace(THINKING, '').trim();
  if (text === '') return { ok: false, problems: 'the answer was empty' };
  const fenced = [...text.matchAll(FENCE)]
    .map((match) => match[1] ?? '')
    .find((block) => block.includes('{'));
  const candidate = fenced ?? text;

  let firstProblem: string | null = null;
  let start = candidate.indexOf('{');
  for (let tried = 0; start !== -1 && tried < MAX_OBJECT_STARTS_TRIED; tried += 1) {
    const end = findClosingBrace(candidate, start);
    if (end === -1) {
      firstProblem ??= 'the JSON object is not complete (the answer may have been cut off)';
      break;
    }
    try {
      return { ok: true, value: JSON.parse(candidate.slice(start, end + 1)) as Record<string, unknown> };
    } catch (error) {
      firstProblem ??= `the answer is not valid JSON: ${(error as Error).message}`;
    }
    start = candidate.indexOf('{', start + 1);
  }
  if (firstProblem) return { ok: false, problems: firstProblem };
  return {
    ok: false,
    problems: /^\s*\[/.test(candidate)
      ? 'expected one JSON object, got an array'
      : 'the answer holds no JSON object',
  };
}

/** Extracts the JSON object from a model's answer and validates it with `schema`; problems read as one sentence. */
export function readLlmJson<T>(answer: string, schema: z.ZodType<T>): LlmJsonReading<T> {
  const extracted = extractJsonObject(answer);
  if (!extracted.ok) return extracted;
  const parsed = schema.safeParse(extracted.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: describeSchemaProblems(parsed.error) };
}

/** Zod issues as `field: message` pairs joined by "; ", e.g. `priority: Invalid option: expected one of "high"|"low"`. */
export function describeSchemaProblems(error: z.ZodError): string {
  const described = error.issues.slice(0, MAX_PROBLEMS_QUOTED).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - described.length;
  return more > 0 ? `${described.join('; ')}; and ${more} more` : described.join('; ');
}

/** The follow-up message that asks the model to correct its answer, quoting what was wrong with it. */
export function buildRepairInstruction(problems: string): string {
  return (
    `Your previous answer could not be used: ${problems}. ` +
    'Answer again with only the corrected JSON object, matching the requested fields and values exactly: ' +
    'no prose, no code fences.'
  );
}

/** The index of the brace that closes the object opened at `start`, skipping braces inside strings; -1 if none. */
function findClosingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
