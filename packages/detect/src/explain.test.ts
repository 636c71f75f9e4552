import { describe, expect, it } from 'vitest';
import { type ExplanationInput, explain, formatDuration, formatValue, seasonLabel } from './explain.js';
import type { Reading } from './types.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tuesday 2 January 2024, 14:00 UTC. */
const TUESDAY_14H = Date.UTC(2024, 0, 2, 14, 0);

function reading(expected: number, deviation: number, lower: number, upper: number): Reading {
  return { score: 0.95, deviation, expected, lower, upper, ready: true };
}

/** An explanation input for a single-point anomaly at TUESDAY_14H, basis robust-z; override what a case needs. */
function input(overrides: Partial<ExplanationInput>): ExplanationInput {
  return {
    t: TUESDAY_14H,
    value: 32,
    kind: 'spike',
    readings: { 'robust-z': reading(10, 12.4, 8, 12) },
    agreeing: ['robust-z'],
    basis: 'robust-z',
    startedAt: TUESDAY_14H,
    points: 1,
    season: '',
    levelBefore: Number.NaN,
    timeZone: 'UTC',
    ...overrides,
  };
}

describe('formatDuration', () => {
  it.each([
    { ms: 0, points: 1, text: 'one point' },
    { ms: 10 * MINUTE, points: 1, text: 'one point' },
    { ms: 0, points: 5, text: 'one point' },
    { ms: -MINUTE, points: 5, text: 'one point' },
    { ms: SECOND, points: 2, text: '1 second' },
    { ms: 1.5 * SECOND, points: 2, text: '1.5 seconds' },
    { ms: 30 * SECOND, points: 2, text: '30 seconds' },
    { ms: MINUTE, points: 2, text: '1 minute' },
    { ms: 2.5 * MINUTE, points: 3, text: '2.5 minutes' },
    { ms: 10 * MINUTE, points: 3, text: '10 minutes' },
    { ms: 12.4 * MINUTE, points: 3, text: '12 minutes' },
    { ms: 60 * MINUTE, points: 13, text: '60 minutes' },
    { ms: 90 * MINUTE, points: 19, text: '90 minutes' },
    { ms: 2 * HOUR, points: 25, text: '2 hours' },
    { ms: 3 * HOUR, points: 37, text: '3 hours' },
    { ms: 2.25 * HOUR, points: 28, text: '2.3 hours' },
    { ms: 47 * HOUR, points: 565, text: '47 hours' },
    { ms: 2 * DAY, points: 577, text: '2 days' },
    { ms: 2.5 * DAY, points: 721, text: '2.5 days' },
    { ms: 30 * DAY, points: 8641, text: '30 days' },
    { ms: 400 * DAY, points: 2, text: '400 days' },
  ])('$ms ms over $points points is "$text"', ({ ms, points, text }) => {
    expect(formatDuration(ms, points)).toBe(text);
  });
});

describe('formatValue', () => {
  it.each([
    { value: 0, text: '0' },
    { value: 42, text: '42' },
    { value: Math.PI, text: '3.14' },
    { value: -Math.PI, text: '-3.14' },
    { value: 0.5, text: '0.5' },
    { value: 0.001, text: '0.001' },
    { value: 99.94, text: '99.9' },
    { value: 1234.5, text: '1235' },
    { value: -1234.4, text: '-1234' },
    { value: 999_999, text: '999999' },
    { value: 1e6, text: '1.00e+6' },
    { value: 2.5e7, text: '2.50e+7' },
    { value: 1.2e-7, text: '1.20e-7' },
    { value: Number.NaN, text: 'NaN' },
    { value: Number.POSITIVE_INFINITY, text: 'Infinity' },
  ])('shows $value as "$text"', ({ value, text }) => {
    expect(formatValue(value)).toBe(text);
  });
});

describe('seasonLabel', () => {
  it.each([
    { t: TUESDAY_14H, season: '', zone: 'UTC', label: '' },
    { t: TUESDAY_14H, season: 'daily', zone: 'UTC', label: '14:00' },
    { t: TUESDAY_14H, season: 'weekly', zone: 'UTC', label: 'Tuesday 14:00' },
    { t: TUESDAY_14H, season: 'daily', zone: 'Europe/Paris', label: '15:00' },
    { t: TUESDAY_14H, season: 'weekly', zone: 'Europe/Paris', label: 'Tuesday 15:00' },
    { t: Date.UTC(2024, 6, 2, 14, 0), season: 'daily', zone: 'Europe/Paris', label: '16:00' },
    { t: Date.UTC(2024, 0, 2, 3, 30), season: 'weekly', zone: 'America/Los_Angeles', label: 'Monday 19:30' },
    { t: Date.UTC(2024, 0, 7, 0, 5), season: 'weekly', zone: 'UTC', label: 'Sunday 00:05' },
    { t: Date.UTC(2024, 0, 2, 23, 59), season: 'daily', zone: 'UTC', label: '23:59' },
  ] as const)('$season at $t in $zone is "$label"', ({ t, season, zone, label }) => {
    expect(seasonLabel(t, season, zone)).toBe(label);
  });
});

describe('explain writes one sentence per kind of anomaly', () => {
  it.each([
    {
      name: 'a spike to a large multiple',
      input: input({}),
      sentence: 'Value rose to 3.2× the usual level (32 against 10, 12σ above).',
    },
    {
      name: 'a spike to a large multiple of the usual daily level, lasting',
      input: input({ season: 'daily', points: 4, startedAt: TUESDAY_14H - 15 * MINUTE }),
      sentence: 'Value rose to 3.2× the usual 14:00 level for 15 minutes (32 against 10, 12σ above).',
    },
    {
      name: 'a spike to just over one and a half times the usual level',
      input: input({ value: 16, readings: { 'robust-z': reading(10, 5, 8, 12) } }),
      sentence: 'Value rose to 1.6× the usual level (16 against 10, 5.0σ above).',
    },
    {
      name: 'a spike to a small multiple',
      input: input({ value: 12, readings: { 'robust-z': reading(10, 4, 8, 11) } }),
      sentence: 'Value rose to 12, 4.0σ above the usual level of 10 (normal 8 to 11).',
    },
    {
      name: 'a spike above an expectation at zero (no ratio)',
      input: input({ value: 5, readings: { 'robust-z': reading(0, 25.2, -1, 1) } }),
      sentence: 'Value rose to 5, 25σ above the usual level of 0 (normal -1 to 1).',
    },
    {
      name: 'a dip to a small share',
      input: input({
        value: 3,
        kind: 'dip',
        readings: { 'robust-z': reading(10, -7, 8, 12) },
        points: 3,
        startedAt: TUESDAY_14H - 10 * MINUTE,
      }),
      sentence: 'Value fell to 30% of the usual level for 10 minutes (3 against 10, 7.0σ below).',
    },
    {
      name: 'a dip to 60%',
      input: input({ value: 6, kind: 'dip', readings: { 'robust-z': reading(10, -5, 8, 12) } }),
      sentence: 'Value fell to 60% of the usual level (6 against 10, 5.0σ below).',
    },
    {
      name: 'a shallow dip',
      input: input({ value: 9, kind: 'dip', readings: { 'robust-z': reading(10, -2.5, 9.5, 10.5) } }),
      sentence: 'Value fell to 9, 2.5σ below the usual level of 10 (normal 9.5 to 10.5).',
    },
    {
      name: 'a level shift up',
      input: input({
        value: 150,
        kind: 'level-shift',
        readings: { 'robust-z': reading(120, 5, 110, 130) },
        levelBefore: 100,
        points: 7,
        startedAt: TUESDAY_14H - 30 * MINUTE,
      }),
      sentence: 'Level shifted up from about 100 to 150 (+50%) and has stayed there for 30 minutes.',
    },
    {
      name: 'a level shift down at its first point',
      input: input({
        value: 150,
        kind: 'level-shift',
        readings: { 'robust-z': reading(200, -8, 190, 210) },
        levelBefore: 200,
      }),
      sentence: 'Level shifted down from about 200 to 150 (-25%) and has stayed there since this point.',
    },
    {
      name: 'a level shift told against the level before it, not the expectation that has followed it',
      input: input({
        value: 150,
        kind: 'level-shift',
        readings: { 'robust-z': reading(120, 6, 110, 130) },
        levelBefore: 200,
      }),
      sentence: 'Level shifted down from about 200 to 150 (-25%) and has stayed there since this point.',
    },
    {
      name: 'a level shift with no level before (falls back to the expectation)',
      input: input({ value: 30, kind: 'level-shift', readings: { 'robust-z': reading(20, 6, 18, 22) } }),
      sentence: 'Level shifted up from about 20 to 30 (+50%) and has stayed there since this point.',
    },
    {
      name: 'a trend change up',
      input: input({
        value: 130,
        kind: 'trend-change',
        readings: { 'robust-z': reading(100, 6, 95, 105) },
        points: 37,
        startedAt: TUESDAY_14H - 3 * HOUR,
      }),
      sentence:
        'Value has been climbing away from the usual level for 3 hours: now 130, 6.0σ above the expected 100.',
    },
    {
      name: 'a trend change down',
      input: input({
        value: 70,
        kind: 'trend-change',
        readings: { 'robust-z': reading(100, -6, 95, 105) },
        points: 37,
        startedAt: TUESDAY_14H - 3 * HOUR,
      }),
      sentence:
        'Value has been falling away from the usual level for 3 hours: now 70, 6.0σ below the expected 100.',
    },
    {
      name: 'a seasonality break',
      input: input({
        value: 50,
        kind: 'seasonality-break',
        season: 'weekly',
        readings: { seasonal: reading(10, 5.5, 8, 12) },
        agreeing: ['seasonal'],
        basis: 'seasonal',
      }),
      sentence:
        'Value rose to 50, ordinary for this series overall but 5.5σ above the usual Tuesday 14:00 level of 10.',
    },
  ])('$name', ({ input: given, sentence }) => {
    expect(explain(given).sentence).toBe(sentence);
  });
});

describe('explain adds the record to the sentence', () => {
  const start = TUESDAY_14H - 30 * DAY;

  it.each([
    { record: 'high', seriesStart: start, suffix: ' The highest value in 30 days of data.' },
    { record: 'low', seriesStart: start, suffix: ' The lowest value in 30 days of data.' },
    { record: 'high', seriesStart: TUESDAY_14H - 3 * HOUR, suffix: ' The highest value in 3 hours of data.' },
    { record: 'high', seriesStart: undefined, suffix: '' },
    { record: 'high', seriesStart: TUESDAY_14H, suffix: '' },
    { record: undefined, seriesStart: start, suffix: '' },
  ] as const)('record $record from $seriesStart ends with "$suffix"', ({ record, seriesStart, suffix }) => {
    const explanation = explain(input({ record, seriesStart }));
    expect(explanation.sentence).toBe(
      `Value rose to 3.2× the usual level (32 against 10, 12σ above).${suffix}`,
    );
    expect(explanation.record).toBe(record);
    expect('record' in explanation).toBe(record !== undefined);
  });

  it('measures the span of data up to the start of the episode, not to now', () => {
    const explanation = explain(
      input({ record: 'high', seriesStart: start, points: 13, startedAt: TUESDAY_14H - 2 * DAY }),
    );
    expect(explanation.sentence).toMatch(/ The highest value in 28 days of data\.$/);
  });
});

describe('explain fills in the fields', () => {
  it('copies the basis reading, the agreeing detectors and the episode', () => {
    const explanation = explain(
      input({
        value: 40,
        readings: {
          'robust-z': reading(25, 3, 20, 30),
          seasonal: reading(10, 9.1, 7, 13),
          'isolation-forest': reading(Number.NaN, 0, Number.NaN, Number.NaN),
        },
        agreeing: ['seasonal', 'isolation-forest'],
        basis: 'seasonal',
        season: 'daily',
        points: 5,
        startedAt: TUESDAY_14H - 20 * MINUTE,
      }),
    );
    expect(explanation).toEqual({
      kind: 'spike',
      direction: 'up',
      detectors: ['seasonal', 'isolation-forest'],
      actual: 40,
      expected: 10,
      lower: 7,
      upper: 13,
      basis: 'seasonal',
      deviation: 9.1,
      ratio: 4,
      startedAt: TUESDAY_14H - 20 * MINUTE,
      durationMs: 20 * MINUTE,
      points: 5,
      season: 'daily',
      sentence: 'Value rose to 4× the usual 14:00 level for 20 minutes (40 against 10, 9.1σ above).',
    });
  });

  it.each([
    { value: 32, expected: 10, direction: 'up', ratio: 3.2 },
    { value: 3, expected: 10, direction: 'down', ratio: 0.3 },
    { value: 10, expected: 10, direction: 'up', ratio: 1 },
    { value: 5, expected: 0, direction: 'up', ratio: Number.NaN },
    { value: 5, expected: -2, direction: 'up', ratio: Number.NaN },
    { value: -8, expected: -2, direction: 'down', ratio: Number.NaN },
    { value: 0, expected: 10, direction: 'down', ratio: Number.NaN },
    { value: -3, expected: 10, direction: 'down', ratio: Number.NaN },
  ])('$value against $expected is $direction with ratio $ratio', ({ value, expected, direction, ratio }) => {
    const explanation = explain(input({ value, readings: { 'robust-z': reading(expected, 4, 0, 1) } }));
    expect(explanation.direction).toBe(direction);
    if (Number.isNaN(ratio)) expect(explanation.ratio).toBeNaN();
    else expect(explanation.ratio).toBeCloseTo(ratio, 12);
  });

  it.each([
    { startedAt: TUESDAY_14H, durationMs: 0 },
    { startedAt: TUESDAY_14H - 45 * MINUTE, durationMs: 45 * MINUTE },
    { startedAt: TUESDAY_14H + MINUTE, durationMs: 0 },
  ])('an episode started at $startedAt has lasted $durationMs ms', ({ startedAt, durationMs }) => {
    const explanation = explain(input({ startedAt, points: 3 }));
    expect(explanation.durationMs).toBe(durationMs);
    expect(explanation.startedAt).toBe(startedAt);
  });
});
