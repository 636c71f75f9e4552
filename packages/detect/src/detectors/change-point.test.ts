import { describe, expect, it } from 'vitest';
import { BAD_POINTS, readingDifferences, runWithBadPoints, saveAndRestore } from '../testing/readings.js';
import { makeSeries, type SeriesSpec } from '../testing/series.js';
import type { Reading } from '../types.js';
import { ChangePointDetector, type ChangePointOptions } from './change-point.js';

interface Run {
  readings: Reading[];
  /** Indexes of the points that raised an alarm. */
  alarms: number[];
}

function run(detector: ChangePointDetector, t: readonly number[], v: readonly number[]): Run {
  const out: Run = { readings: [], alarms: [] };
  for (let i = 0; i < t.length; i++) {
    const before = detector.alarms;
    out.readings.push(detector.update(t[i], v[i]));
    if (detector.alarms > before) out.alarms.push(i);
  }
  return out;
}

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('ChangePointDetector', () => {
  it('learns for minPoints points and starts from their median, which one spike does not move', () => {
    const s = makeSeries({ n: 100, spikes: [{ at: 10, size: 50 }] });
    const { readings } = run(new ChangePointDetector({ minPoints: 30 }), s.t, s.v);
    expect(readings.slice(0, 30).every((r) => !r.ready && r.score === 0 && r.deviation === 0)).toBe(true);
    expect(readings.slice(30).every((r) => r.ready && Number.isFinite(r.deviation))).toBe(true);
    expect(Math.abs(readings[30].expected - 100)).toBeLessThan(0.5);
    expect((readings[30].upper - readings[30].lower) / 6).toBeLessThan(1.5);
  });

  it.each<{ name: string; size: number; within: number; spec?: Partial<SeriesSpec> }>([
    { name: 'up by 10σ', size: 10, within: 3 },
    { name: 'down by 10σ', size: -10, within: 3 },
    { name: 'up by 3σ', size: 3, within: 6 },
    { name: 'down by 3σ', size: -3, within: 6 },
    { name: 'up by 1.5σ', size: 1.5, within: 40 },
    {
      name: 'up by 5σ after missing points, with irregular timestamps',
      size: 5,
      within: 3,
      spec: {
        gaps: [
          [300, 400],
          [790, 797],
        ],
        jitter: 0.4,
      },
    },
  ])(
    'reports a level shift $name once, within $within points, and re-centres on the new level',
    ({ size, within, spec }) => {
      let after = 0;
      let worstLevel = 0;
      for (const seed of SEEDS) {
        const s = makeSeries({ n: 1100, seed, shifts: [{ at: 800, size }], ...spec });
        const at = s.shiftIndex[0];
        const { readings, alarms } = run(new ChangePointDetector(), s.t, s.v);
        expect(readings.every((r) => r.skipped === undefined && !Number.isNaN(r.score))).toBe(true);
        // Noise just before the shift may already have moved the reference there (an alarm a few points early).
        const alarm = alarms.find((i) => i >= at - 5);
        expect(alarm, `seed ${seed}`).toBeDefined();
        expect(alarm! - at, `seed ${seed}`).toBeLessThan(within);
        expect(readings[alarm!].score).toBeGreaterThan(0.99);
        // From 20 points after the alarm on, the reference is on the new level (mean error over the next 150 points).
        let error = 0;
        for (let i = alarm! + 20; i < alarm! + 170; i++)
          error += Math.abs(readings[i].expected - 100 - size) / 150;
        worstLevel = Math.max(worstLevel, error);
        after += alarms.filter((i) => i >= at && i < at + 200).length;
      }
      expect(worstLevel).toBeLessThan(0.5);
      // Once per shift, plus the background false-alarm rate of the defaults (≈ 1 per 465 points: ≈ 13 here).
      // Without re-centring the sums would cross h again every few points: thousands of alarms.
      expect(after).toBeLessThan(SEEDS.length + 25);
    },
  );

  it('alarms on pure Gaussian noise about once per 465 points (the in-control run length of k = 0.5, h = 5)', () => {
    let alarms = 0;
    let points = 0;
    for (const seed of [501, 502, 503, 504, 505]) {
      const s = makeSeries({ n: 20_000, seed });
      alarms += run(new ChangePointDetector(), s.t, s.v).alarms.length;
      points += s.t.length;
    }
    expect(points / alarms).toBeGreaterThan(300);
    expect(points / alarms).toBeLessThan(700);
  });

  it.each<{ name: string; spikes: SeriesSpec['spikes']; spec?: Partial<SeriesSpec> }>([
    { name: 'a spike', spikes: [{ at: 600, size: 20 }] },
    { name: 'a dip', spikes: [{ at: 600, size: -20 }] },
    {
      name: 'a spike after missing points, with irregular timestamps',
      spikes: [{ at: 600, size: 20 }],
      spec: { gaps: [[590, 598]], jitter: 0.4 },
    },
  ])('does not call $name a level shift, and barely learns it', ({ spikes, spec }) => {
    let alarmed = 0;
    for (const seed of SEEDS) {
      const with_ = makeSeries({ n: 700, seed, spikes, ...spec });
      const without = makeSeries({ n: 700, seed, ...spec });
      const at = with_.spikeIndex[0];
      const { readings, alarms } = run(new ChangePointDetector(), with_.t, with_.v);
      const plain = run(new ChangePointDetector(), without.t, without.v);
      const spike = readings[at];
      expect(Math.sign(spike.deviation)).toBe(Math.sign(spikes![0].size));
      expect(Math.abs(spike.deviation)).toBeGreaterThan(6);
      // One winsorised point adds at most clip − k = 2 to a sum: from sums at 0 it cannot reach h = 5 (nor the
      // "agree" score 0.99); only sums that noise had already raised, or raises right after, can tip over.
      const near = (i: number) => i >= at - 5 && i < at + spikes!.length + 5;
      if (alarms.some(near) || plain.alarms.some(near)) alarmed++;
      else {
        expect(spike.score).toBeLessThan(0.99);
        // The reference moves by at most clip·σ times its weight: lambda (0.025σ) once settled, 1/n after a restart.
        const moved = readings[at + 5].expected - plain.readings[at + 5].expected;
        expect(Math.abs(moved), `seed ${seed}`).toBeLessThan(0.3);
      }
    }
    expect(alarmed).toBeLessThanOrEqual(3);
  });

  it.each([
    { outliers: 1, alarm: false },
    { outliers: 2, alarm: false },
    { outliers: 3, alarm: true },
  ])(
    'from sums at 0, $outliers outliers in a row alarm: $alarm (each adds clip − k = 2; h = 5)',
    ({ outliers, alarm }) => {
      const spikes = Array.from({ length: outliers }, (_, i) => ({ at: 100 + i, size: 1000 }));
      const s = makeSeries({ n: 200, noise: 0, spikes });
      const { readings, alarms } = run(new ChangePointDetector(), s.t, s.v);
      expect(readings[99].score).toBe(0);
      expect(alarms).toEqual(alarm ? [102, 105] : []);
      if (alarm) {
        // Three in a row are a level; its end, three points later, is the next one.
        expect(readings[103].expected).toBe(1100);
        expect(readings[106].expected).toBe(100);
      } else expect(readings[100 + outliers - 1].score).toBeLessThan(0.99);
      // Back on the constant, nothing is going on (the reference took at most a few 1e-9 of the outliers).
      expect(Math.abs(readings[199].expected - 100)).toBeLessThan(1e-6);
      expect(readings[199].score).toBeLessThan(0.01);
    },
  );

  it('reports a steady trend as repeated level shifts, keeping its reference near the series', () => {
    const s = makeSeries({ n: 3000, seed: 6, trend: 0.05 });
    const { readings, alarms } = run(new ChangePointDetector(), s.t, s.v);
    // The reference has no trend: it falls behind until the sums cross h, then restarts on the series.
    expect(alarms.length).toBeGreaterThan(30);
    for (let i = 100; i < 3000; i++)
      expect(Math.abs(readings[i].expected - 100 - 0.05 * i)).toBeLessThan(2.5);
  });

  it.each([{ base: 100 }, { base: 0 }, { base: -3.5 }])(
    'gives score 0 on a constant series at $base, reports a step away from it once, on its third point',
    ({ base }) => {
      const s = makeSeries({ n: 300, base, noise: 0, shifts: [{ at: 150, size: 1 }] });
      const detector = new ChangePointDetector();
      const { readings, alarms } = run(detector, s.t, s.v);
      for (const r of readings.slice(30, 150)) {
        expect(r).toMatchObject({ ready: true, score: 0, deviation: 0, expected: base });
      }
      for (const r of readings.slice(150, 153)) {
        expect(Number.isFinite(r.deviation)).toBe(true);
        expect(r.deviation).toBeGreaterThan(1e6);
      }
      expect(alarms).toEqual([152]);
      expect(detector.alarms).toBe(1);
      expect(readings[152].score).toBeGreaterThan(0.99);
      for (const r of readings.slice(153))
        expect(r).toMatchObject({ score: 0, deviation: 0, expected: base + 1 });
      expect(
        readings.every((r) => !Number.isNaN(r.score) && (!r.ready || Number.isFinite(r.upper - r.lower))),
      ).toBe(true);
    },
  );

  it.each(BAD_POINTS)('skips $name with the reason and continues as if it never came', (bad) => {
    const s = makeSeries({ n: 700, seed: 7, shifts: [{ at: 600, size: 5 }] });
    const clean = new ChangePointDetector();
    const dirty = new ChangePointDetector();
    const { expected, got } = runWithBadPoints(clean, dirty, s, [1, 29, 601], bad);
    expect(readingDifferences(got, expected)).toEqual([]);
    expect(dirty.alarms).toBe(clean.alarms);
  });

  it.each([
    { name: 'after 2,000 points', options: {}, before: 2000 },
    { name: 'during the warm-up', options: {}, before: 12 },
    {
      name: 'with other parameters',
      options: { k: 0.25, h: 4, clip: 3, lambda: 0.05, minPoints: 10 },
      before: 2000,
    },
  ])('continues bit for bit after save and restore $name', ({ options, before }) => {
    const s = makeSeries({
      n: before + 1000,
      seed: 8,
      jitter: 0.2,
      gaps: [[1500, 1550]],
      spikes: [
        { at: 1990, size: 15 },
        { at: before + 300, size: -9 },
      ],
      shifts: [
        { at: 1000, size: 4 },
        { at: before + 500, size: -6 },
      ],
    });
    const original = new ChangePointDetector(options);
    run(original, s.t.slice(0, before), s.v.slice(0, before));
    const restored = saveAndRestore(original, ChangePointDetector.restore);
    expect(restored.options).toEqual(original.options);
    expect(restored.alarms).toBe(original.alarms);
    const rest = [s.t.slice(before), s.v.slice(before)] as const;
    const [again, reference] = [run(restored, ...rest), run(original, ...rest)];
    expect(readingDifferences(again.readings, reference.readings)).toEqual([]);
    expect(again.alarms).toEqual(reference.alarms);
    expect(reference.alarms.length).toBeGreaterThan(0);
  });

  it('keeps non-default options through save and restore', () => {
    const options: ChangePointOptions = {
      k: 1,
      h: 8,
      clip: Number.POSITIVE_INFINITY,
      lambda: 0.2,
      minPoints: 7,
    };
    const restored = saveAndRestore(new ChangePointDetector(options), ChangePointDetector.restore);
    expect(restored.options).toEqual(options);
    const s = makeSeries({ n: 10 });
    expect(run(restored, s.t, s.v).readings.map((r) => r.ready)).toEqual([
      ...Array(7).fill(false),
      true,
      true,
      true,
    ]);
  });

  it.each<{ options: Partial<ChangePointOptions>; message: RegExp }>([
    { options: { k: -0.5 }, message: /changePoint\.k/ },
    { options: { k: Number.NaN }, message: /changePoint\.k/ },
    { options: { h: 0 }, message: /changePoint\.h/ },
    { options: { h: Number.POSITIVE_INFINITY }, message: /changePoint\.h/ },
    { options: { clip: 0.5 }, message: /changePoint\.clip/ },
    { options: { lambda: 0 }, message: /changePoint\.lambda/ },
    { options: { lambda: 2 }, message: /changePoint\.lambda/ },
    { options: { minPoints: 2 }, message: /changePoint\.minPoints/ },
    { options: { minPoints: 30.5 }, message: /changePoint\.minPoints/ },
  ])('rejects $options with a RangeError naming the option', ({ options, message }) => {
    expect(() => new ChangePointDetector(options)).toThrow(RangeError);
    expect(() => new ChangePointDetector(options)).toThrow(message);
  });
});
