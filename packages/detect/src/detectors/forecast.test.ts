import { describe, expect, it } from 'vitest';
import {
  BAD_POINTS,
  maxAbsDeviation,
  readAll,
  readingDifferences,
  runWithBadPoints,
  saveAndRestore,
} from '../testing/readings.js';
import { makeSeries, type SeriesSpec } from '../testing/series.js';
import { ForecastDetector, type ForecastOptions } from './forecast.js';

/**
 * Ordinary points stay below this many σ: Gaussian noise plus the error of the forecast and of a scale learned
 * from about 50 residuals (the worst of 40,000 noise points measured 4.5).
 */
const CALM = 5;

describe('ForecastDetector', () => {
  it('learns for minPoints points, then reads every point', () => {
    const s = makeSeries({ n: 100 });
    const readings = readAll(new ForecastDetector({ minPoints: 20 }), s.t, s.v);
    expect(readings.slice(0, 20).every((r) => !r.ready && r.score === 0 && r.deviation === 0)).toBe(true);
    expect(readings.slice(20).every((r) => r.ready && Number.isFinite(r.deviation))).toBe(true);
  });

  it.each<{ name: string; spec: SeriesSpec }>([
    { name: 'a spike', spec: { n: 800, seed: 1, spikes: [{ at: 600, size: 12 }] } },
    { name: 'a dip', spec: { n: 800, seed: 2, spikes: [{ at: 600, size: -12 }] } },
    {
      name: 'a spike after missing points, with irregular timestamps',
      spec: {
        n: 800,
        seed: 3,
        gaps: [
          [200, 260],
          [590, 598],
        ],
        jitter: 0.4,
        spikes: [{ at: 600, size: 12 }],
      },
    },
    {
      name: 'a spike on a daily cycle of ±10σ',
      spec: { n: 800, seed: 4, daily: 10, spikes: [{ at: 600, size: 12 }] },
    },
    { name: 'a spike on a trend', spec: { n: 800, seed: 4, trend: 0.05, spikes: [{ at: 600, size: 12 }] } },
  ])('flags $name at that point only', ({ spec }) => {
    const s = makeSeries(spec);
    const readings = readAll(new ForecastDetector(), s.t, s.v);
    const at = s.spikeIndex[0];
    const size = spec.spikes![0].size;
    const spike = readings[at];
    expect(readings.every((r) => r.skipped === undefined)).toBe(true);
    expect(spike.ready).toBe(true);
    expect(Math.sign(spike.deviation)).toBe(Math.sign(size));
    expect(Math.abs(spike.deviation)).toBeGreaterThan(6);
    expect(spike.score).toBeGreaterThan(0.99);
    expect(Math.abs(spike.expected - s.v[at] + size)).toBeLessThan(3);
    expect(spike.lower).toBeLessThan(spike.expected);
    expect(spike.upper).toBeGreaterThan(spike.expected);
    expect(maxAbsDeviation(readings, 0, at)).toBeLessThan(CALM);
    expect(maxAbsDeviation(readings, at + 1, readings.length)).toBeLessThan(CALM);
  });

  it.each([
    { name: 'up, clipped', size: 50, clip: 4, next: 3 },
    { name: 'down, clipped', size: -50, clip: 4, next: 3 },
    { name: 'up, not clipped', size: 50, clip: Number.POSITIVE_INFINITY, next: Number.POSITIVE_INFINITY },
  ])('a huge spike ($name) moves the level by at most α·clip·scale', ({ size, clip, next }) => {
    const s = makeSeries({ n: 700, seed: 10, spikes: [{ at: 600, size }] });
    const readings = readAll(new ForecastDetector({ clip }), s.t, s.v);
    expect(Math.abs(readings[600].deviation)).toBeGreaterThan(40);
    const after = maxAbsDeviation(readings, 601, 606);
    if (Number.isFinite(next)) expect(after).toBeLessThan(next);
    // Without the clip the level follows the spike by α·50σ and the next points look like a dip.
    else expect(after).toBeGreaterThan(6);
  });

  it.each([
    { name: 'up', size: 10, seed: 11 },
    { name: 'down', size: -10, seed: 11 },
    { name: 'up by 40σ (re-seeded after 5 points)', size: 40, seed: 12 },
  ])(
    'flags a level shift $name at its first point and accepts the new level within 10 points',
    ({ size, seed }) => {
      const s = makeSeries({ n: 1000, seed, shifts: [{ at: 600, size }] });
      const readings = readAll(new ForecastDetector(), s.t, s.v);
      expect(maxAbsDeviation(readings, 0, 600)).toBeLessThan(CALM);
      expect(Math.sign(readings[600].deviation)).toBe(Math.sign(size));
      expect(Math.abs(readings[600].deviation)).toBeGreaterThan(6);
      expect(readings[600].score).toBeGreaterThan(0.99);
      expect(maxAbsDeviation(readings, 610, 1000)).toBeLessThan(CALM);
      expect(Math.abs(readings[620].expected - 100 - size)).toBeLessThan(2);
    },
  );

  it.each([{ trend: 0.01 }, { trend: 0.05 }, { trend: -0.05 }])(
    'follows a trend of $trend σ per point without alarms',
    ({ trend }) => {
      const s = makeSeries({ n: 3000, seed: 6, trend });
      const readings = readAll(new ForecastDetector(), s.t, s.v);
      expect(maxAbsDeviation(readings, 0, readings.length)).toBeLessThan(CALM);
      // The damped trend leaves a small bias (≈ 2.3 · trend / σ for the defaults), not a growing lag.
      const late = readings.slice(2000);
      const mean = late.reduce((sum, r) => sum + r.deviation, 0) / late.length;
      expect(Math.abs(mean)).toBeLessThan(0.25);
    },
  );

  it.each([{ base: 100 }, { base: 0 }, { base: -3.5 }])(
    'gives score 0 on a constant series at $base, a huge but finite deviation for a step, then accepts the step',
    ({ base }) => {
      const s = makeSeries({ n: 200, base, noise: 0, shifts: [{ at: 150, size: 1 }] });
      const readings = readAll(new ForecastDetector(), s.t, s.v);
      for (const r of readings.slice(20, 150)) {
        expect(r).toMatchObject({ ready: true, deviation: 0, expected: base });
        expect(r.score).toBeLessThan(1e-12); // deviationScore(0): 0 up to erfc's rounding
      }
      for (const r of readings.slice(150, 155)) {
        expect(Number.isFinite(r.deviation)).toBe(true);
        expect(r.deviation).toBeGreaterThan(1e6);
        expect(r.score).toBe(1);
      }
      // Five points beyond the clip in a row re-seed the level on the new constant.
      for (const r of readings.slice(155)) expect(r).toMatchObject({ deviation: 0, expected: base + 1 });
      expect(readings.every((r) => !Number.isNaN(r.score) && !Number.isNaN(r.deviation))).toBe(true);
    },
  );

  it.each(BAD_POINTS)('skips $name with the reason and continues as if it never came', (bad) => {
    const s = makeSeries({ n: 700, seed: 7, spikes: [{ at: 600, size: 12 }] });
    const clean = new ForecastDetector();
    const dirty = new ForecastDetector();
    const { expected, got } = runWithBadPoints(clean, dirty, s, [1, 10, 400], bad);
    expect(readingDifferences(got, expected)).toEqual([]);
    expect(got[600].score).toBeGreaterThan(0.99);
  });

  it.each([
    { name: 'after 2,000 points', options: {}, before: 2000 },
    { name: 'during the warm-up', options: {}, before: 8 },
    { name: 'with other smoothing', options: { alpha: 0.5, beta: 0.2, phi: 0.98, clip: 3 }, before: 2000 },
  ])('continues bit for bit after save and restore $name', ({ options, before }) => {
    const s = makeSeries({
      n: before + 1000,
      seed: 8,
      daily: 3,
      trend: 0.01,
      jitter: 0.2,
      gaps: [[1500, 1550]],
      spikes: [
        { at: 1990, size: 15 },
        { at: before + 300, size: -9 },
      ],
      shifts: [{ at: before + 500, size: 30 }],
    });
    const original = new ForecastDetector(options);
    readAll(original, s.t.slice(0, before), s.v.slice(0, before));
    const restored = saveAndRestore(original, ForecastDetector.restore);
    expect(restored.options).toEqual(original.options);
    const rest = [s.t.slice(before), s.v.slice(before)] as const;
    expect(readingDifferences(readAll(restored, ...rest), readAll(original, ...rest))).toEqual([]);
  });

  it('keeps non-default options through save and restore', () => {
    const options: ForecastOptions = {
      alpha: 0.125,
      beta: 0.5,
      phi: 1,
      scaleAlpha: 0.1,
      clip: Number.POSITIVE_INFINITY,
      shiftAfter: 0,
      minPoints: 7,
    };
    const restored = saveAndRestore(new ForecastDetector(options), ForecastDetector.restore);
    expect(restored.options).toEqual(options);
    const s = makeSeries({ n: 10 });
    expect(readAll(restored, s.t, s.v).map((r) => r.ready)).toEqual([
      ...Array(7).fill(false),
      true,
      true,
      true,
    ]);
  });

  it.each<{ options: Partial<ForecastOptions>; message: RegExp }>([
    { options: { alpha: 0 }, message: /forecast\.alpha/ },
    { options: { alpha: 1.5 }, message: /forecast\.alpha/ },
    { options: { beta: -0.1 }, message: /forecast\.beta/ },
    { options: { phi: Number.NaN }, message: /forecast\.phi/ },
    { options: { phi: 1.01 }, message: /forecast\.phi/ },
    { options: { scaleAlpha: 0 }, message: /forecast\.scaleAlpha/ },
    { options: { clip: 0 }, message: /forecast\.clip/ },
    { options: { shiftAfter: 2.5 }, message: /forecast\.shiftAfter/ },
    { options: { minPoints: 1 }, message: /forecast\.minPoints/ },
  ])('rejects $options with a RangeError naming the option', ({ options, message }) => {
    expect(() => new ForecastDetector(options)).toThrow(RangeError);
    expect(() => new ForecastDetector(options)).toThrow(message);
  });
});
