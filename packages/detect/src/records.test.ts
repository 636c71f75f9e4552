import { describe, expect, it } from 'vitest';
import { RECORD_BASE, RecordTracker } from './records.js';
import { StateReader, StateWriter } from './state.js';

/** A tracker that has seen `history` (all unusual), at indices 0, 1, 2, … */
function trackerAfter(history: number[]): RecordTracker {
  const tracker = new RecordTracker();
  for (const [i, value] of history.entries()) tracker.update(value, true, i);
  return tracker;
}

function roundTrip(tracker: RecordTracker): RecordTracker {
  const out = new StateWriter();
  tracker.save(out);
  const input = new StateReader(out.bytes());
  const restored = RecordTracker.restore(input);
  expect(input.done).toBe(true);
  return restored;
}

describe('RecordTracker.update scores one value against the range before it', () => {
  it.each([
    { name: 'the very first value', history: [], value: 5, unusual: true, score: 0, direction: 0 },
    {
      name: 'a second value (one point has no width)',
      history: [5],
      value: 9,
      unusual: true,
      score: 0,
      direction: 0,
    },
    {
      name: 'a value after a flat start',
      history: [5, 5, 5],
      value: 9,
      unusual: true,
      score: 0,
      direction: 0,
    },
    { name: 'a value inside the range', history: [0, 10], value: 4, unusual: true, score: 0, direction: 0 },
    { name: 'a value equal to the high', history: [0, 10], value: 10, unusual: true, score: 0, direction: 0 },
    { name: 'a value equal to the low', history: [0, 10], value: 0, unusual: true, score: 0, direction: 0 },
    {
      name: 'a new high just above',
      history: [0, 10],
      value: 10.1,
      unusual: true,
      score: 0.505,
      direction: 1,
    },
    {
      name: 'a new high half a width above',
      history: [0, 10],
      value: 15,
      unusual: true,
      score: 0.75,
      direction: 1,
    },
    {
      name: 'a new high one width above',
      history: [0, 10],
      value: 20,
      unusual: true,
      score: 1,
      direction: 1,
    },
    {
      name: 'a new low just below',
      history: [0, 10],
      value: -0.1,
      unusual: true,
      score: 0.505,
      direction: -1,
    },
    {
      name: 'a new low two widths below',
      history: [0, 10],
      value: -20,
      unusual: true,
      score: 1,
      direction: -1,
    },
    {
      name: 'a new high that is not unusual',
      history: [0, 10],
      value: 30,
      unusual: false,
      score: 0,
      direction: 0,
    },
    {
      name: 'a new low that is not unusual',
      history: [0, 10],
      value: -30,
      unusual: false,
      score: 0,
      direction: 0,
    },
  ])('$name scores $score (direction $direction)', ({ history, value, unusual, score, direction }) => {
    const tracker = trackerAfter(history);
    expect(tracker.update(value, unusual, history.length)).toBeCloseTo(score, 12);
    expect(tracker.direction).toBe(direction);
  });

  it('scores a record that only just breaks the range at about RECORD_BASE', () => {
    expect(RECORD_BASE).toBe(0.5);
    const tracker = trackerAfter([0, 10]);
    const score = tracker.update(10 + 1e-9, true, 2);
    expect(score).toBeGreaterThan(RECORD_BASE);
    expect(score).toBeCloseTo(RECORD_BASE, 6);
  });

  it('measures the break against the width of the range, wherever the range sits', () => {
    // Range [1000, 1004]: 1006 breaks it by half its width.
    const tracker = trackerAfter([1000, 1004]);
    expect(tracker.update(1006, true, 2)).toBeCloseTo(0.75, 12);
  });

  it('learns a new high that is not unusual: later values up to it are inside the range', () => {
    const tracker = trackerAfter([0, 10]);
    expect(tracker.update(20, false, 2)).toBe(0);
    // 15 would have been a record before 20 was learned.
    expect(tracker.update(15, true, 3)).toBe(0);
    expect(tracker.direction).toBe(0);
    // The range is now [0, 20]: 25 breaks it by a quarter of its width.
    expect(tracker.update(25, true, 4)).toBeCloseTo(0.625, 12);
  });

  it('resets direction to 0 on a value that is not a record', () => {
    const tracker = trackerAfter([0, 10]);
    tracker.update(-50, true, 2);
    expect(tracker.direction).toBe(-1);
    tracker.update(5, true, 3);
    expect(tracker.direction).toBe(0);
  });
});

describe('RecordTracker cooldown', () => {
  it('damps a climbing series: full on the first record, ×0.4 within 10 points, full again after', () => {
    // 0, 1, 2, 4, 8, …: each value doubles the high, so each breaks the range by exactly its width (score 1).
    const tracker = new RecordTracker();
    const scores = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384].map((v, i) =>
      tracker.update(v, true, i),
    );
    // Index 2 is the first record; indices 3 to 12 are within 10 points of it; 13 is 11 points after.
    expect(scores).toEqual([0, 0, 1, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 1, 0.4, 0.4]);
  });

  it.each([
    { gap: 1, score: 0.4 },
    { gap: 5, score: 0.4 },
    { gap: 10, score: 0.4 },
    { gap: 11, score: 1 },
    { gap: 100, score: 1 },
  ])('a second record $gap points after the first scores $score', ({ gap, score }) => {
    const tracker = trackerAfter([0, 10]);
    expect(tracker.update(20, true, 2)).toBe(1);
    expect(tracker.update(40, true, 2 + gap)).toBeCloseTo(score, 12);
    expect(tracker.direction).toBe(1);
  });

  it('damps records in either direction and keeps the damped score above 0', () => {
    const tracker = trackerAfter([0, 10]);
    expect(tracker.update(20, true, 2)).toBe(1);
    // Range [0, 20]; -5 breaks it by a quarter of its width: (0.5 + 0.5 × 0.25) × 0.4.
    expect(tracker.update(-5, true, 4)).toBeCloseTo(0.25, 12);
    expect(tracker.direction).toBe(-1);
  });

  it('does not start a cooldown with a record that is not unusual', () => {
    const tracker = trackerAfter([0, 10]);
    expect(tracker.update(20, false, 2)).toBe(0);
    expect(tracker.update(40, true, 3)).toBe(1);
  });
});

describe('RecordTracker save and restore', () => {
  const sequence: [number, boolean][] = [
    [3, true],
    [60, true],
    [-10, true],
    [20, false],
    [200, true],
    [90, true],
    [-300, true],
    [500, false],
    [1200, true],
  ];

  it.each([
    { name: 'an empty tracker', history: [] },
    { name: 'a tracker with a one-point range', history: [7] },
    { name: 'a tracker in its cooldown', history: [0, 10, 20] },
    { name: 'a tracker past its cooldown', history: [0, 10, 20, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5] },
  ])('restores $name so that it scores a sequence identically', ({ history }) => {
    const original = trackerAfter(history);
    const restored = roundTrip(original);
    expect(restored.direction).toBe(original.direction);
    const a = sequence.map(([v, unusual], i) => [
      original.update(v, unusual, history.length + i),
      original.direction,
    ]);
    const b = sequence.map(([v, unusual], i) => [
      restored.update(v, unusual, history.length + i),
      restored.direction,
    ]);
    expect(b).toEqual(a);
    expect(a.some(([score]) => score > 0)).toBe(true);
  });

  it('keeps the range, the cooldown and the direction', () => {
    const original = trackerAfter([0, 10]);
    expect(original.update(-10, true, 2)).toBe(1);
    const restored = roundTrip(original);
    expect(restored.direction).toBe(-1);
    // Inside the range [-10, 10]: no score.
    expect(restored.update(9, true, 3)).toBe(0);
    // A record 3 points after the last one is damped: range width 20, 15 above → (0.5 + 0.5 × 0.75) × 0.4.
    expect(restored.update(25, true, 5)).toBeCloseTo(0.35, 12);
  });

  it('refuses a state that is not a record tracker', () => {
    const out = new StateWriter();
    out.u8(0x54).f64(0);
    expect(() => RecordTracker.restore(new StateReader(out.bytes()))).toThrow('records');
  });
});
