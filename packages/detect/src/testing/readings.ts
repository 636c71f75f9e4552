/** Running detectors and comparing their readings, for the detectors' tests (not part of the library's exports). */
import { expect } from 'vitest';
import { StateReader, StateWriter } from '../state.js';
import type { Detector, Reading } from '../types.js';
import { makeSeries, type Series, type SeriesSpec } from './series.js';

/** Every field of a `Reading`: two readings are the same when all of them are (by `Object.is`). */
export const READING_FIELDS = [
  'score',
  'deviation',
  'expected',
  'lower',
  'upper',
  'ready',
  'skipped',
] as const;

/** Feeds the points (t[i], v[i]) to the detector in order and returns its reading of each. */
export function readAll(detector: Detector, t: readonly number[], v: readonly number[]): Reading[] {
  return t.map((ti, i) => detector.update(ti, v[i]));
}

/** Makes the series of `spec` and feeds all of it to the detector. */
export function readSeries<D extends Detector>(
  spec: SeriesSpec,
  detector: D,
): { series: Series; readings: Reading[]; detector: D } {
  const series = makeSeries(spec);
  return { series, readings: readAll(detector, series.t, series.v), detector };
}

/**
 * Fields that differ (by Object.is) between two runs of readings, as `#index field: a vs b` (at most 10); empty
 * when they are bit-identical.
 */
export function readingDifferences(a: Reading[], b: Reading[]): string[] {
  const out = a.length === b.length ? [] : [`${a.length} readings against ${b.length}`];
  a.forEach((reading, i) => {
    for (const field of READING_FIELDS) {
      if (!Object.is(reading[field], b[i]?.[field]))
        out.push(`#${i} ${field}: ${reading[field]} vs ${b[i]?.[field]}`);
    }
  });
  return out.slice(0, 10);
}

/** Expects two readings to be bit-identical, field by field (by `Object.is`). */
export function expectSameReading(a: Reading, b: Reading): void {
  for (const key of READING_FIELDS) {
    expect(Object.is(a[key], b[key]), `${key}: ${a[key]} vs ${b[key]}`).toBe(true);
  }
}

/** The detector's saved state. */
export function stateBytes(detector: Detector): Uint8Array {
  const out = new StateWriter();
  detector.save(out);
  return out.bytes();
}

/** Restores a detector from saved state with its class's `restore`, expecting it to read all of the bytes. */
export function restoreFrom<D extends Detector>(bytes: Uint8Array, restore: (input: StateReader) => D): D {
  const input = new StateReader(bytes);
  const restored = restore(input);
  expect(input.done).toBe(true);
  return restored;
}

/**
 * Saves the detector and restores it with its class's `restore`, expecting all of the bytes read:
 * `saveAndRestore(detector, RobustZDetector.restore)`.
 */
export function saveAndRestore<D extends Detector>(detector: D, restore: (input: StateReader) => D): D {
  return restoreFrom(stateBytes(detector), restore);
}

/** The largest |deviation| of the ready readings in [from, to) (0 when none is ready). */
export function maxAbsDeviation(readings: Reading[], from: number, to: number): number {
  let max = 0;
  for (let i = from; i < to; i++) if (readings[i].ready) max = Math.max(max, Math.abs(readings[i].deviation));
  return max;
}

/** The q-quantile of the values: the sorted value at index ⌊q·(n − 1)⌋ (no interpolation). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))];
}

/**
 * Points every detector must skip with the reason and without changing its state. `dt` is added to the previous
 * point's timestamp (NaN stands for a NaN timestamp).
 */
export const BAD_POINTS = [
  { name: 'NaN', dt: 0, v: Number.NaN, reason: /NaN/ },
  { name: 'Infinity', dt: 0, v: Number.POSITIVE_INFINITY, reason: /Infinity is not a finite number/ },
  { name: '-Infinity', dt: 0, v: Number.NEGATIVE_INFINITY, reason: /-Infinity/ },
  { name: 'a timestamp that goes back', dt: -1, v: 100, reason: /earlier than the previous/ },
  { name: 'a timestamp that is NaN', dt: Number.NaN, v: 100, reason: /timestamp NaN/ },
] as const;

/**
 * Feeds the series to two fresh detectors; `dirty` also gets the bad point just before each index in `badAt`, and
 * each of those must be skipped with a not-ready, zero reading whose reason matches. Returns both runs, which the
 * caller compares.
 */
export function runWithBadPoints(
  clean: Detector,
  dirty: Detector,
  series: Series,
  badAt: readonly number[],
  bad: (typeof BAD_POINTS)[number],
): { expected: Reading[]; got: Reading[] } {
  const expected: Reading[] = [];
  const got: Reading[] = [];
  for (let i = 0; i < series.t.length; i++) {
    if (badAt.includes(i)) {
      const skipped = dirty.update(Number.isNaN(bad.dt) ? bad.dt : series.t[i - 1] + bad.dt, bad.v);
      expect(skipped.skipped).toMatch(bad.reason);
      expect(skipped).toMatchObject({ ready: false, score: 0, deviation: 0 });
    }
    expected.push(clean.update(series.t[i], series.v[i]));
    got.push(dirty.update(series.t[i], series.v[i]));
  }
  return { expected, got };
}
