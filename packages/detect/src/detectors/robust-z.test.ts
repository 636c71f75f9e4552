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
import { RobustZDetector, type RobustZOptions } from './robust-z.js';

/** Ordinary points stay below this many σ (Gaussian noise plus the error of a window's median and MAD). */
const CALM = 4.5;

describe('RobustZDetector', () => {
  it('learns for minPoints points, then reads every point', () => {
    const s = makeSeries({ n: 100 });
    const readings = readAll(new RobustZDetector({ minPoints: 30 }), s.t, s.v);
    expect(readings.slice(0, 30).every((r) => !r.ready && r.score === 0 && r.deviation === 0)).toBe(true);
    expect(readings.slice(30).every((r) => r.ready && Number.isFinite(r.deviation))).toBe(true);
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
      name: 'a spike on a slow trend',
      spec: { n: 800, seed: 4, trend: 0.002, spikes: [{ at: 600, size: 12 }] },
    },
  ])('flags $name at that point only', ({ spec }) => {
    const s = makeSeries(spec);
    const readings = readAll(new RobustZDetector(), s.t, s.v);
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
    // One value does not move the median: the points after the spike are ordinary again.
    expect(maxAbsDeviation(readings, at + 1, readings.length)).toBeLessThan(CALM);
  });

  it.each([
    { name: 'up', size: 10 },
    { name: 'down', size: -10 },
  ])(
    'flags a level shift $name from its first point until the window median has moved (half a window)',
    ({ size }) => {
      const s = makeSeries({ n: 1200, seed: 5, shifts: [{ at: 600, size }] });
      const readings = readAll(new RobustZDetector({ window: 288 }), s.t, s.v);
      expect(maxAbsDeviation(readings, 0, 600)).toBeLessThan(CALM);
      for (const r of readings.slice(600, 700)) {
        expect(Math.sign(r.deviation)).toBe(Math.sign(size));
        expect(Math.abs(r.deviation)).toBeGreaterThan(3);
      }
      expect(readings[600].score).toBeGreaterThan(0.99);
      // 144 points after the shift the median is on the new level; by 200 the MAD has settled too.
      expect(maxAbsDeviation(readings, 800, 1200)).toBeLessThan(CALM);
      expect(Math.abs(readings[1199].expected - 100 - size)).toBeLessThan(1);
    },
  );

  it.each([
    { trend: 0.005, lag: 0.72 },
    { trend: -0.005, lag: -0.72 },
  ])('lags a slow trend of $trend σ per point by about half a window but never alarms', ({ trend, lag }) => {
    const s = makeSeries({ n: 3000, seed: 6, trend });
    const readings = readAll(new RobustZDetector(), s.t, s.v).slice(300);
    expect(maxAbsDeviation(readings, 0, readings.length)).toBeLessThan(CALM);
    // The median of the last 288 values is 144 steps behind: the mean deviation is about 144 · trend / σ.
    const mean = readings.reduce((sum, r) => sum + r.deviation, 0) / readings.length;
    expect(mean).toBeGreaterThan(lag - 0.25);
    expect(mean).toBeLessThan(lag + 0.25);
  });

  it.each([{ base: 100 }, { base: 0 }, { base: -3.5 }])(
    'gives score 0 on a constant series at $base, then a huge but finite deviation for a step away from it',
    ({ base }) => {
      const s = makeSeries({ n: 200, base, noise: 0, shifts: [{ at: 150, size: 1 }] });
      const readings = readAll(new RobustZDetector(), s.t, s.v);
      for (const r of readings.slice(30, 150)) {
        expect(r).toMatchObject({ ready: true, deviation: 0, expected: base });
        expect(r.score).toBeLessThan(1e-12); // deviationScore(0): 0 up to erfc's rounding
        expect(Number.isFinite(r.lower) && Number.isFinite(r.upper)).toBe(true);
      }
      const step = readings[150];
      expect(Number.isFinite(step.deviation)).toBe(true);
      expect(step.deviation).toBeGreaterThan(1e6);
      expect(step.score).toBe(1);
      expect(readings.every((r) => !Number.isNaN(r.score) && !Number.isNaN(r.deviation))).toBe(true);
    },
  );

  it.each(BAD_POINTS)('skips $name with the reason and continues as if it never came', (bad) => {
    const s = makeSeries({ n: 700, seed: 7, spikes: [{ at: 600, size: 12 }] });
    const clean = new RobustZDetector();
    const dirty = new RobustZDetector();
    const { expected, got } = runWithBadPoints(clean, dirty, s, [10, 400], bad);
    expect(readingDifferences(got, expected)).toEqual([]);
    expect(got[600].score).toBeGreaterThan(0.99);
  });

  it.each([
    { name: 'after 2,000 points', options: {}, before: 2000 },
    { name: 'during the warm-up', options: {}, before: 12 },
    { name: 'with a short window', options: { window: 50, minPoints: 10 }, before: 2000 },
  ])('continues bit for bit after save and restore $name', ({ options, before }) => {
    const s = makeSeries({
      n: before + 1000,
      seed: 8,
      daily: 3,
      jitter: 0.2,
      gaps: [[1500, 1550]],
      spikes: [
        { at: 1990, size: 15 },
        { at: before + 300, size: -9 },
      ],
      shifts: [{ at: before + 500, size: 6 }],
    });
    const original = new RobustZDetector(options);
    readAll(original, s.t.slice(0, before), s.v.slice(0, before));
    const restored = saveAndRestore(original, RobustZDetector.restore);
    expect(restored.options).toEqual(original.options);
    const rest = [s.t.slice(before), s.v.slice(before)] as const;
    expect(readingDifferences(readAll(restored, ...rest), readAll(original, ...rest))).toEqual([]);
  });

  it('keeps non-default options through save and restore', () => {
    const restored = saveAndRestore(
      new RobustZDetector({ window: 41, minPoints: 7 }),
      RobustZDetector.restore,
    );
    expect(restored.options).toEqual({ window: 41, minPoints: 7 });
    const s = makeSeries({ n: 10 });
    expect(readAll(restored, s.t, s.v).map((r) => r.ready)).toEqual([
      ...Array(7).fill(false),
      true,
      true,
      true,
    ]);
  });

  it.each<{ options: Partial<RobustZOptions>; message: RegExp }>([
    { options: { window: 2 }, message: /robustZ\.window/ },
    { options: { window: 100.5 }, message: /robustZ\.window/ },
    { options: { window: Number.NaN }, message: /robustZ\.window/ },
    { options: { window: 2_000_000 }, message: /robustZ\.window/ },
    { options: { minPoints: 0 }, message: /robustZ\.minPoints/ },
    { options: { window: 50, minPoints: 51 }, message: /robustZ\.minPoints/ },
  ])('rejects $options with a RangeError naming the option', ({ options, message }) => {
    expect(() => new RobustZDetector(options)).toThrow(RangeError);
    expect(() => new RobustZDetector(options)).toThrow(message);
  });

  it.each([
    { name: 'an odd window', window: 7, values: 'noisy' },
    { name: 'an even window', window: 8, values: 'noisy' },
    { name: 'an even window of few distinct values', window: 10, values: 'ties' },
    { name: 'a window mostly of one value (MAD 0)', window: 9, values: 'mostly-one' },
  ])('centres on the exact median with 1.4826 · MAD as the scale over $name', ({ window, values }) => {
    const s = makeSeries({ n: 400, seed: 9, noise: 3 });
    const v = s.v.map((x, i) => {
      if (values === 'ties') return Math.round(x / 3);
      if (values === 'mostly-one') return i % 4 === 3 ? Math.round(x) : 100;
      return x;
    });
    const detector = new RobustZDetector({ window, minPoints: window });
    const readings = readAll(detector, s.t, v);
    for (let i = window; i < v.length; i++) {
      const sorted = v.slice(i - window, i).sort((a, b) => a - b);
      const middle = (xs: number[]) => (xs[(window - 1) >> 1] + xs[window >> 1]) / 2;
      const median = middle(sorted);
      const mad = middle(sorted.map((x) => Math.abs(x - median)).sort((a, b) => a - b));
      const meanAd = sorted.reduce((sum, x) => sum + Math.abs(x - median), 0) / window;
      const scale = Math.max(
        mad > 0 ? 1.4826 * mad : Math.sqrt(Math.PI / 2) * meanAd,
        1e-9 * Math.abs(median),
      );
      expect(readings[i].expected).toBe(median);
      expect((readings[i].upper - readings[i].lower) / 6).toBeCloseTo(scale, 9);
      expect(readings[i].deviation).toBeCloseTo((v[i] - median) / scale, 9);
    }
  });
});
