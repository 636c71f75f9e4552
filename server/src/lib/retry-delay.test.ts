import { describe, expect, it } from 'vitest';
import { computeRetryDelayMs, parseRetryAfterMs } from './retry-delay.js';

describe('computeRetryDelayMs', () => {
  it.each([
    { name: 'first retry, top of the jitter range', attempt: 1, random: 0.999, expected: 499 },
    { name: 'first retry, bottom of the jitter range', attempt: 1, random: 0, expected: 0 },
    { name: 'third retry doubles twice', attempt: 3, random: 0.5, expected: 1_000 },
    { name: 'a late retry stops at the cap', attempt: 20, random: 0.5, expected: 2_500 },
  ])('$name', ({ attempt, random, expected }) => {
    expect(computeRetryDelayMs({ attempt, baseDelayMs: 500, maxDelayMs: 5_000, random: () => random })).toBe(
      expected,
    );
  });

  it.each([
    { name: 'the server asks for 1 s', retryAfterMs: 1_000, expected: 1_000 },
    { name: 'the server asks for an hour: capped', retryAfterMs: 3_600_000, expected: 5_000 },
    { name: 'the server asks for no wait', retryAfterMs: 0, expected: 0 },
  ])('honours Retry-After without jitter: $name', ({ retryAfterMs, expected }) => {
    expect(
      computeRetryDelayMs({ attempt: 1, baseDelayMs: 500, maxDelayMs: 5_000, retryAfterMs, random: () => 0 }),
    ).toBe(expected);
  });
});

describe('parseRetryAfterMs', () => {
  const nowMs = Date.parse('2026-03-01T12:00:00Z');

  it.each([
    { name: 'delta-seconds', headers: { retryAfter: '1' }, expected: 1_000 },
    { name: 'fractional seconds', headers: { retryAfter: '0.5' }, expected: 500 },
    {
      name: 'an HTTP-date in the future',
      headers: { retryAfter: 'Sun, 01 Mar 2026 12:00:07 GMT' },
      expected: 7_000,
    },
    {
      name: 'an HTTP-date already past',
      headers: { retryAfter: 'Sun, 01 Mar 2026 11:59:00 GMT' },
      expected: 0,
    },
    { name: 'retry-after-ms wins', headers: { retryAfter: '10', retryAfterMs: '250' }, expected: 250 },
    {
      name: 'an unreadable retry-after-ms falls back',
      headers: { retryAfter: '2', retryAfterMs: 'soon' },
      expected: 2_000,
    },
    { name: 'nothing asked', headers: {}, expected: undefined },
    { name: 'null headers', headers: { retryAfter: null, retryAfterMs: null }, expected: undefined },
    { name: 'garbage', headers: { retryAfter: 'later please' }, expected: undefined },
    { name: 'a negative number is not delta-seconds', headers: { retryAfter: '-5' }, expected: undefined },
  ])('$name', ({ headers, expected }) => {
    expect(parseRetryAfterMs(headers, nowMs)).toBe(expected);
  });
});
