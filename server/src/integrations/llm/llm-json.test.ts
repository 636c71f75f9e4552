import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildRepairInstruction, extractJsonObject, readLlmJson } from './llm-json.js';

describe('extractJsonObject', () => {
  it.each([
    { name: 'a bare object', answer: '{"a":1}', expected: { a: 1 } },
    { name: 'whitespace around', answer: '\n  {"a":1}\n', expected: { a: 1 } },
    { name: 'a ```json fence', answer: '```json\n{"a":1}\n```', expected: { a: 1 } },
    { name: 'a bare ``` fence', answer: '```\n{"a":1}\n```', expected: { a: 1 } },
    {
      name: 'prose before and after a fence',
      answer: 'Sure!\n```json\n{"a":1}\n```\nAnything else?',
      expected: { a: 1 },
    },
    {
      name: 'prose around an unfenced object',
      answer: 'The answer is {"a":1} as requested.',
      expected: { a: 1 },
    },
    {
      name: 'braces inside strings',
      answer: 'x {"a":"} and {","b":{"c":2}} y',
      expected: { a: '} and {', b: { c: 2 } },
    },
    {
      name: 'escaped quotes inside strings',
      answer: '{"a":"say \\"}\\" now"}',
      expected: { a: 'say "}" now' },
    },
    { name: 'a thinking section first', answer: '<think>maybe {x}?</think>\n{"a":1}', expected: { a: 1 } },
    { name: 'a brace in prose before the object', answer: 'Use {curly} braces: {"a":1}', expected: { a: 1 } },
  ])('reads $name', ({ answer, expected }) => {
    expect(extractJsonObject(answer)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { name: 'an empty answer', answer: '   ', problem: /empty/ },
    { name: 'prose only', answer: 'It is a database problem.', problem: /holds no JSON object/ },
    { name: 'an array of numbers', answer: '[1, 2]', problem: /got an array/ },
    { name: 'a cut-off object', answer: '{"a": "long text that never', problem: /not complete/ },
    { name: 'a syntax error', answer: '{"a": 1,}', problem: /not valid JSON/ },
  ])('reports $name', ({ answer, problem }) => {
    const reading = extractJsonObject(answer);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.problems).toMatch(problem);
  });
});

describe('readLlmJson', () => {
  const schema = z.object({ priority: z.enum(['high', 'low']), score: z.number().min(0).max(1) });

  it('returns the parsed value when it matches the schema', () => {
    expect(readLlmJson('{"priority":"low","score":0.4}', schema)).toEqual({
      ok: true,
      value: { priority: 'low', score: 0.4 },
    });
  });

  it('names each field that does not match', () => {
    const reading = readLlmJson('{"priority":"urgent","score":3}', schema);
    expect(reading.ok).toBe(false);
    const problems = reading.ok ? '' : reading.problems;
    expect(problems).toMatch(/^priority: .*"high"\|"low"/);
    expect(problems).toMatch(/; score: .*1/);
  });

  it('says which fields are missing', () => {
    const reading = readLlmJson('{}', schema);
    expect(reading.ok ? '' : reading.problems).toMatch(/priority: .*; score: /);
  });
});

describe('buildRepairInstruction', () => {
  it('quotes the problems and asks for the JSON object only', () => {
    const instruction = buildRepairInstruction('priority: Invalid option');
    expect(instruction).toContain('priority: Invalid option');
    expect(instruction).toMatch(/only the corrected JSON object/);
  });
});
