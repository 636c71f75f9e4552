import { describe, expect, it } from 'vitest';
import { StateError, StateReader, StateWriter } from '../state.js';
import { expectSameReading, readSeries, restoreFrom, stateBytes } from '../testing/readings.js';
import { DAY, HOUR, MINUTE, makeSeries, type SeriesSpec } from '../testing/series.js';
import { SeasonalDetector, type SeasonalOptions } from './seasonal.js';

const WEEK = 7 * DAY;
const FIVE_MINUTES = 5 * MINUTE;

/** The readings of the series of `spec` by the detector (by default, one with the default options). */
function run(spec: SeriesSpec, detector = new SeasonalDetector()) {
  return readSeries(spec, detector);
}

describe('SeasonalDetector', () => {
  // Seasonal series with known periods: after learning, ordinary peaks and troughs must not alert.
  const seasonal: Array<{ name: string; spec: SeriesSpec; period: number; learnedAfter: number }> = [
    { name: 'daily sine, 5-minute steps', spec: { n: 2880, daily: 20 }, period: DAY, learnedAfter: 4 * DAY },
    {
      name: 'daily sine with a slow trend',
      spec: { n: 2880, daily: 20, trend: 0.005 },
      period: DAY,
      learnedAfter: 4 * DAY,
    },
    {
      name: 'daily sine missing a whole day',
      spec: { n: 2880, daily: 20, gaps: [[5 * 288, 6 * 288]] },
      period: DAY,
      learnedAfter: 4 * DAY,
    },
    {
      name: 'daily sine with irregular timestamps (jitter 0.3)',
      spec: { n: 2880, daily: 20, jitter: 0.3 },
      period: DAY,
      learnedAfter: 4 * DAY,
    },
    {
      name: 'daily sine, 1-minute steps',
      spec: { n: 7 * 1440, stepMs: MINUTE, daily: 20 },
      period: DAY,
      learnedAfter: 4 * DAY,
    },
    {
      name: 'daily sine, 30-minute steps',
      spec: { n: 20 * 48, stepMs: 30 * MINUTE, daily: 20 },
      period: DAY,
      learnedAfter: 5 * DAY,
    },
    {
      name: 'daily sine, hourly steps with jitter 0.3',
      spec: { n: 30 * 24, stepMs: HOUR, daily: 20, jitter: 0.3 },
      period: DAY,
      learnedAfter: 7 * DAY,
    },
    {
      name: 'weekly pattern (amplitude 30) plus a daily one (5), hourly steps',
      spec: { n: 35 * 24, stepMs: HOUR, weekly: 30, daily: 5 },
      period: WEEK,
      learnedAfter: 3 * WEEK,
    },
  ];

  it.each(seasonal)(
    '$name: finds the period, and normal points do not alert',
    ({ spec, period, learnedAfter }) => {
      const { series, readings, detector } = run(spec);
      expect(detector.period).toBe(period);
      const start = series.t[0];
      const learned = readings.filter((_, i) => series.t[i] - start >= learnedAfter);
      expect(learned.length).toBeGreaterThan(100);
      for (const r of learned) {
        expect(r.ready).toBe(true);
        expect(Math.abs(r.deviation)).toBeLessThan(4);
        expect(r.lower).toBeLessThan(r.expected);
        expect(r.upper).toBeGreaterThan(r.expected);
      }
      // The band follows the season: the expected values span most of the seasonal swing.
      const expected = learned.map((r) => r.expected);
      expect(Math.max(...expected) - Math.min(...expected)).toBeGreaterThan(spec.weekly ? 50 : 35);
    },
  );

  it('is ready after three days of a daily pattern, not before', () => {
    const { series, readings } = run({ n: 2880, daily: 20 });
    const firstReady = readings.findIndex((r) => r.ready);
    const days = (series.t[firstReady] - series.t[0]) / DAY;
    expect(days).toBeGreaterThanOrEqual(3);
    expect(days).toBeLessThan(3.5);
    for (const r of readings.slice(0, firstReady))
      expect(r).toMatchObject({ score: 0, deviation: 0, ready: false });
  });

  it.each([
    { name: 'at a trough', at: 8 * 288 + 216, size: 15 },
    { name: 'at a peak', at: 8 * 288 + 72, size: 15 },
    { name: 'a dip at mid-level', at: 7 * 288 + 144, size: -15 },
  ])('alerts on a spike of 15 $name of a daily sine of amplitude 20', ({ at, size }) => {
    const { series, readings } = run({ n: 2880, daily: 20, spikes: [{ at, size }] });
    const spike = readings[series.spikeIndex[0]];
    expect(spike.ready).toBe(true);
    expect(spike.deviation * Math.sign(size)).toBeGreaterThan(6);
    expect(spike.score).toBeGreaterThan(0.999);
    expect(size > 0 ? spike.upper : spike.lower).not.toBeNaN();
    expect(
      size > 0 ? series.v[series.spikeIndex[0]] > spike.upper : series.v[series.spikeIndex[0]] < spike.lower,
    ).toBe(true);
    // Learning the spike does not make the next points alert.
    for (const r of readings.slice(series.spikeIndex[0] + 1)) expect(Math.abs(r.deviation)).toBeLessThan(4);
  });

  it.each([30, -30])('alerts at a level shift of %d, then adapts within a few hours', (size) => {
    const at = 7 * 288;
    const { series, readings } = run({ n: 2880, daily: 20, shifts: [{ at, size }] });
    const first = readings[series.shiftIndex[0]];
    expect(first.deviation * Math.sign(size)).toBeGreaterThan(6);
    for (const r of readings.slice(at + 48)) expect(Math.abs(r.deviation)).toBeLessThan(4);
    for (const r of readings.slice(4 * 288, at)) expect(Math.abs(r.deviation)).toBeLessThan(4);
  });

  it.each([
    { name: 'white noise, 5-minute steps, 30 days', spec: { n: 30 * 288, seed: 3 } },
    { name: 'white noise, hourly steps, 5 weeks', spec: { n: 35 * 24, stepMs: HOUR, seed: 4 } },
    { name: 'a random walk-like trend', spec: { n: 10 * 288, trend: 0.05, noise: 3 } },
    { name: 'a level shift without seasonality', spec: { n: 10 * 288, shifts: [{ at: 1500, size: 20 }] } },
    { name: 'a constant series', spec: { n: 10 * 288, noise: 0 } },
    {
      name: 'daily steps (too coarse for a daily or weekly period)',
      spec: { n: 400, stepMs: DAY, weekly: 10 },
    },
  ])('$name: no period, never ready, never votes', ({ spec }) => {
    const { readings, detector } = run(spec);
    expect(detector.period).toBe(0);
    for (const r of readings) {
      expect(r.ready).toBe(false);
      expect(r.score).toBe(0);
      expect(r.deviation).toBe(0);
    }
  });

  it('a constant series with a daily pattern switched on later gives finite readings', () => {
    const constant = makeSeries({ n: 3 * 288, noise: 0 });
    const daily = makeSeries({ n: 8 * 288, daily: 20, start: constant.t.at(-1)! + FIVE_MINUTES });
    const detector = new SeasonalDetector();
    const readings = [...constant.t, ...daily.t].map((t, i) =>
      detector.update(t, [...constant.v, ...daily.v][i]),
    );
    for (const r of readings) {
      expect(Number.isFinite(r.score) && Number.isFinite(r.deviation)).toBe(true);
    }
    expect(detector.period).toBe(DAY);
  });

  describe('points it cannot use', () => {
    const bad: Array<{ name: string; t: (prev: number) => number; v: number; reason: RegExp }> = [
      { name: 'NaN value', t: (p) => p + FIVE_MINUTES, v: Number.NaN, reason: /not a finite number/ },
      {
        name: '+Infinity value',
        t: (p) => p + FIVE_MINUTES,
        v: Number.POSITIVE_INFINITY,
        reason: /not a finite/,
      },
      {
        name: '-Infinity value',
        t: (p) => p + FIVE_MINUTES,
        v: Number.NEGATIVE_INFINITY,
        reason: /not a finite/,
      },
      { name: 'NaN timestamp', t: () => Number.NaN, v: 100, reason: /timestamp NaN/ },
      { name: 'timestamp going back', t: (p) => p - HOUR, v: 100, reason: /earlier than the previous/ },
    ];

    it.each(bad)('$name is skipped with a reason and changes nothing', ({ t, v, reason }) => {
      const { series } = run({ n: 2000, daily: 20 });
      const clean = new SeasonalDetector();
      const dirty = new SeasonalDetector();
      for (let i = 0; i < series.t.length; i++) {
        if (i === 1200 || i === 10) {
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
    it.each([0, 10, 500, 3000])('restores after %d points and continues bit for bit', (cut) => {
      const series = makeSeries({ n: cut + 1500, daily: 20, spikes: [{ at: cut + 700, size: 15 }] });
      const original = new SeasonalDetector();
      for (let i = 0; i < cut; i++) original.update(series.t[i], series.v[i]);
      if (cut === 3000) expect(original.period).toBe(DAY);
      const bytes = stateBytes(original);
      expect(bytes.length).toBeLessThan(20_000);
      const restored = restoreFrom(bytes, SeasonalDetector.restore);
      expect(stateBytes(restored)).toEqual(bytes);
      expect(restored.period).toBe(original.period);
      for (let i = cut; i < series.t.length; i++) {
        expectSameReading(
          restored.update(series.t[i], series.v[i]),
          original.update(series.t[i], series.v[i]),
        );
      }
      expect(stateBytes(restored)).toEqual(stateBytes(original));
    });

    it('stays under 20 KB with weekly bins at 5-minute steps', () => {
      const { detector } = run({ n: 35 * 288, weekly: 30, daily: 5 });
      expect(detector.period).toBe(WEEK);
      expect(stateBytes(detector).length).toBeLessThan(20_000);
    });

    it('keeps non-default options', () => {
      const options = {
        threshold: 0.5,
        significance: 3,
        levelAlpha: 0.2,
        seasonAlpha: 0.05,
        clip: 4,
        checkEvery: 3,
      };
      const restored = SeasonalDetector.restore(new StateReader(stateBytes(new SeasonalDetector(options))));
      expect(restored.options).toEqual({ ...restored.options, ...options });
      expect(restored.options.scaleAlpha).toBe(0.01);
    });

    it('refuses state of another kind', () => {
      const out = new StateWriter();
      out.u8(0x00).f64(1);
      expect(() => SeasonalDetector.restore(new StateReader(out.bytes()))).toThrow(StateError);
    });
  });

  it.each<[keyof SeasonalOptions, number]>([
    ['threshold', 0],
    ['threshold', 1],
    ['significance', -1],
    ['levelAlpha', 0],
    ['seasonAlpha', 1.5],
    ['scaleAlpha', Number.NaN],
    ['clip', 0],
    ['checkEvery', 0],
    ['checkEvery', 2.5],
  ])('rejects %s = %d', (key, value) => {
    expect(() => new SeasonalDetector({ [key]: value })).toThrow(RangeError);
    expect(() => new SeasonalDetector({ [key]: value })).toThrow(key);
  });
});
