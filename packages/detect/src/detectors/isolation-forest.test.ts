import { describe, expect, it } from 'vitest';
import { StateError, StateReader, StateWriter } from '../state.js';
import { expectSameReading, quantile, readSeries, restoreFrom, stateBytes } from '../testing/readings.js';
import { HOUR, MINUTE, makeSeries, type SeriesSpec } from '../testing/series.js';
import { IsolationForestDetector, type IsolationForestOptions } from './isolation-forest.js';

/** The readings of the series of `spec` by the detector (by default, one with the default options). */
function run(spec: SeriesSpec, detector = new IsolationForestDetector()) {
  return readSeries(spec, detector);
}

describe('IsolationForestDetector', () => {
  // Anomalies of 10σ in series of unit noise, placed well after the warm-up.
  const cases: Array<{ name: string; spec: SeriesSpec }> = [
    { name: 'white noise', spec: { n: 3000, seed: 1 } },
    { name: 'white noise, another seed', spec: { n: 3000, seed: 5 } },
    { name: 'white noise, irregular timestamps', spec: { n: 3000, seed: 2, jitter: 0.3 } },
    { name: 'slow daily sine, 1-minute steps', spec: { n: 3000, seed: 3, stepMs: MINUTE, daily: 10 } },
    {
      name: 'white noise, hourly steps, gaps',
      spec: { n: 3000, seed: 4, stepMs: HOUR, gaps: [[1000, 1100]] },
    },
  ];

  it.each(cases)('$name: a spike and a dip score clearly above ordinary points', ({ spec }) => {
    const { series, readings } = run({
      ...spec,
      spikes: [
        { at: 1500, size: 10 },
        { at: 2200, size: -10 },
      ],
    });
    const [spike, dip] = series.spikeIndex.map((i) => readings[i]);
    expect(spike.score).toBeGreaterThan(0.5);
    expect(dip.score).toBeGreaterThan(0.5);
    expect(spike.deviation).toBeGreaterThan(5);
    expect(dip.deviation).toBeLessThan(-5);
    // Ordinary points after the warm-up, leaving out the five that still see an anomaly in their features.
    const near = (i: number) => series.spikeIndex.some((s) => i >= s && i <= s + 5);
    const normal = readings.filter((_, i) => i >= 300 && !near(i)).map((r) => r.score);
    expect(quantile(normal, 0.5)).toBe(0);
    expect(quantile(normal, 0.99)).toBeLessThan(0.3);
  });

  it.each([10, -10])('scores the first point of a level shift of %d high', (size) => {
    const { series, readings } = run({ n: 2000, shifts: [{ at: 1500, size }] });
    const first = readings[series.shiftIndex[0]];
    expect(first.score).toBeGreaterThan(0.5);
    expect(first.deviation * Math.sign(size)).toBeGreaterThan(5);
    // The new level becomes ordinary once the forest has been rebuilt on it.
    const late = readings.slice(1500 + 400).map((r) => r.score);
    expect(quantile(late, 0.99)).toBeLessThan(0.3);
  });

  it('is not ready before minPoints feature vectors, then always ready', () => {
    const { readings } = run({ n: 300 });
    // The first point has no features; the forest is grown after 64 vectors, i.e. after point 65.
    for (const r of readings.slice(0, 65)) expect(r).toMatchObject({ ready: false, score: 0, deviation: 0 });
    for (const r of readings.slice(65)) {
      expect(r.ready).toBe(true);
      expect(r.expected).not.toBeNaN();
      expect(r.lower).toBeNaN();
      expect(r.upper).toBeNaN();
    }
  });

  it.each([
    { name: 'a constant series', spec: { n: 2000, noise: 0 } },
    {
      name: 'a constant series with one spike',
      spec: { n: 2000, noise: 0, spikes: [{ at: 1000, size: 5 }] },
    },
    { name: 'a huge level with tiny noise', spec: { n: 2000, base: 1e12, noise: 1e-3 } },
  ])('$name gives finite readings', ({ spec }) => {
    const { readings } = run(spec);
    for (const r of readings) {
      expect(Number.isFinite(r.score) && Number.isFinite(r.deviation)).toBe(true);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(readings.at(-1)!.ready).toBe(true);
  });

  it('a constant series reads as normal until it jumps', () => {
    const { series, readings } = run({ n: 1200, noise: 0, spikes: [{ at: 1000, size: 1 }] });
    const jump = series.spikeIndex[0];
    for (const r of readings.slice(0, jump)) expect(r).toMatchObject({ score: 0, deviation: 0 });
    expect(readings[jump].score).toBeGreaterThan(0.5);
    expect(readings[jump].deviation).toBeGreaterThan(5);
  });

  describe('points it cannot use', () => {
    const bad: Array<{ name: string; t: (prev: number) => number; v: number; reason: RegExp }> = [
      { name: 'NaN value', t: (p) => p + MINUTE, v: Number.NaN, reason: /not a finite number/ },
      { name: '+Infinity value', t: (p) => p + MINUTE, v: Number.POSITIVE_INFINITY, reason: /not a finite/ },
      { name: '-Infinity value', t: (p) => p + MINUTE, v: Number.NEGATIVE_INFINITY, reason: /not a finite/ },
      { name: 'NaN timestamp', t: () => Number.NaN, v: 100, reason: /timestamp NaN/ },
      { name: 'timestamp going back', t: (p) => p - HOUR, v: 100, reason: /earlier than the previous/ },
    ];

    it.each(bad)('$name is skipped with a reason and changes nothing', ({ t, v, reason }) => {
      const series = makeSeries({ n: 800 });
      const clean = new IsolationForestDetector();
      const dirty = new IsolationForestDetector();
      for (let i = 0; i < series.t.length; i++) {
        if (i === 30 || i === 500) {
          const skipped = dirty.update(t(series.t[i - 1]), v);
          expect(skipped.skipped).toMatch(reason);
          expect(skipped).toMatchObject({ ready: false, score: 0 });
        }
        expectSameReading(dirty.update(series.t[i], series.v[i]), clean.update(series.t[i], series.v[i]));
      }
      expect(stateBytes(dirty)).toEqual(stateBytes(clean));
    });
  });

  describe('state', () => {
    it.each([0, 1, 40, 3000])('restores after %d points and continues bit for bit', (cut) => {
      const series = makeSeries({
        n: cut + 1500,
        daily: 5,
        spikes: [{ at: cut + 700, size: 10 }],
        shifts: [{ at: cut + 1000, size: 5 }],
      });
      const original = new IsolationForestDetector();
      for (let i = 0; i < cut; i++) original.update(series.t[i], series.v[i]);
      const bytes = stateBytes(original);
      expect(bytes.length).toBeLessThan(25_000);
      const restored = restoreFrom(bytes, IsolationForestDetector.restore);
      expect(stateBytes(restored)).toEqual(bytes);
      for (let i = cut; i < series.t.length; i++) {
        expectSameReading(
          restored.update(series.t[i], series.v[i]),
          original.update(series.t[i], series.v[i]),
        );
      }
      expect(stateBytes(restored)).toEqual(stateBytes(original));
    });

    it('keeps non-default options, and the seed decides the forest', () => {
      const options = {
        trees: 16,
        subsample: 128,
        sampleWindow: 512,
        retrainEvery: 50,
        minPoints: 100,
        seed: 7,
      };
      const { series, detector } = run({ n: 1000 }, new IsolationForestDetector(options));
      const restored = IsolationForestDetector.restore(new StateReader(stateBytes(detector)));
      expect(restored.options).toEqual(options);
      const next = { t: series.t.at(-1)! + 5 * MINUTE, v: 104 };
      const other = run({ n: 1000 }, new IsolationForestDetector({ ...options, seed: 8 })).detector;
      const a = restored.update(next.t, next.v);
      expectSameReading(a, detector.update(next.t, next.v));
      expect(other.update(next.t, next.v).score).not.toBe(a.score);
    });

    it('refuses state of another kind', () => {
      const out = new StateWriter();
      out.u8(0x00).f64(1);
      expect(() => IsolationForestDetector.restore(new StateReader(out.bytes()))).toThrow(StateError);
    });
  });

  it.each<[keyof IsolationForestOptions, number]>([
    ['trees', 0],
    ['trees', 1.5],
    ['subsample', 2],
    ['subsample', 1000],
    ['sampleWindow', 32],
    ['retrainEvery', 0],
    ['minPoints', 2],
    ['minPoints', 300],
    ['seed', -1],
    ['seed', 2 ** 32],
  ])('rejects %s = %d', (key, value) => {
    expect(() => new IsolationForestDetector({ [key]: value })).toThrow(RangeError);
    expect(() => new IsolationForestDetector({ [key]: value })).toThrow(key);
  });
});
