import { describe, expect, it } from 'vitest';
import { AnomalyDetector, type Assessment } from './ensemble.js';
import { StateError } from './state.js';
import { makeSeries, type Series } from './testing/series.js';

function runAll(detector: AnomalyDetector, series: Series, from = 0, to = series.t.length): Assessment[] {
  const out: Assessment[] = [];
  for (let i = from; i < to; i++) out.push(detector.update(series.t[i], series.v[i]));
  return out;
}

const alertsOf = (assessments: Assessment[]) => assessments.flatMap((a, i) => (a.anomaly ? [i] : []));

describe('the ensemble finds what a person would call an anomaly, once', () => {
  const cases = [
    {
      name: 'a spike in a daily-seasonal metric',
      series: makeSeries({ n: 5000, daily: 20, noise: 1, spikes: [{ at: 4500, size: 25 }] }),
      at: 4500,
      kind: 'spike',
      direction: 'up',
    },
    {
      name: 'a dip in a flat noisy metric',
      series: makeSeries({ n: 3000, noise: 2, spikes: [{ at: 2600, size: -30 }] }),
      at: 2600,
      kind: 'dip',
      direction: 'down',
    },
    {
      name: 'a lasting level shift',
      series: makeSeries({ n: 3000, noise: 1, shifts: [{ at: 2400, size: 15 }] }),
      at: 2400,
      kind: 'level-shift',
      direction: 'up',
    },
  ] as const;

  it.each(cases)(
    '$name is reported at the point it happens, with an explanation',
    ({ series, at, kind, direction }) => {
      const assessments = runAll(new AnomalyDetector(), series);
      const alerts = alertsOf(assessments).filter((i) => i > 1000);
      expect(alerts).toContain(at);
      // Reported once: no second alert for the same episode.
      expect(alerts.filter((i) => i > at && i < at + 60)).toEqual([]);
      // The explanation follows the episode and settles on what it is.
      const later = assessments[at + (kind === 'level-shift' ? 8 : 0)].explanation;
      expect(later?.kind).toBe(kind);
      expect(later?.direction).toBe(direction);
      expect(later?.sentence.length).toBeGreaterThan(20);
    },
  );

  it('a daily season with noise and no anomaly stays quiet: under one alert per 8,000 points after a week', () => {
    let alerts = 0;
    let points = 0;
    for (const seed of [3, 7, 11, 19]) {
      const series = makeSeries({ n: 10_000, daily: 30, noise: 1.5, seed });
      alerts += alertsOf(runAll(new AnomalyDetector(), series)).filter((i) => i > 2016).length;
      points += 10_000 - 2016;
    }
    expect(alerts).toBeLessThan(points / 8000);
  });

  it('a noise-free daily on/off pattern raises nothing once its edges are learned', () => {
    const start = Date.UTC(2024, 0, 1);
    const step = 5 * 60_000;
    const detector = new AnomalyDetector();
    const alerts: number[] = [];
    for (let i = 0; i < 12 * 288; i++) {
      const t = start + i * step;
      const on = (t % 86_400_000) / 3_600_000 >= 8 && (t % 86_400_000) / 3_600_000 < 18;
      if (detector.update(t, on ? 80 : 20).anomaly && i >= 7 * 288) alerts.push(i);
    }
    expect(alerts).toEqual([]);
  });

  it('scores never depend on later points: a prefix scores exactly as the same rows of the whole series', () => {
    const series = makeSeries({
      n: 5000,
      daily: 15,
      noise: 2,
      spikes: [{ at: 3000, size: 20 }],
      shifts: [{ at: 4200, size: 8 }],
    });
    const whole = runAll(new AnomalyDetector(), series).map((a) => a.score);
    const prefix = runAll(new AnomalyDetector(), series, 0, 3500).map((a) => a.score);
    expect(prefix).toEqual(whole.slice(0, 3500));
    expect(whole.slice(3500).some((s) => s >= 0.5)).toBe(true);
  });

  it('scores stay within [0, 1]', () => {
    const series = makeSeries({
      n: 4000,
      daily: 10,
      noise: 3,
      spikes: [{ at: 3000, size: 1e6 }],
      shifts: [{ at: 3500, size: -50 }],
    });
    for (const a of runAll(new AnomalyDetector(), series)) {
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('bad points are skipped with a reason and change nothing', () => {
  it.each([
    ['NaN', Number.NaN, 'value NaN is not a finite number'],
    ['Infinity', Number.POSITIVE_INFINITY, 'value Infinity is not a finite number'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'value -Infinity is not a finite number'],
  ])('%s', (_name, bad, reason) => {
    const series = makeSeries({ n: 1500, noise: 1, daily: 5 });
    const clean = new AnomalyDetector();
    const dirty = new AnomalyDetector();
    runAll(clean, series, 0, 1000);
    runAll(dirty, series, 0, 1000);
    const skipped = dirty.update(series.t[999] + 1, bad);
    expect(skipped.skipped).toBe(reason);
    expect(skipped.score).toBe(0);
    expect(runAll(dirty, series, 1000)).toEqual(runAll(clean, series, 1000));
  });

  it('a timestamp that goes back', () => {
    const detector = new AnomalyDetector();
    detector.update(Date.UTC(2024, 0, 2), 1);
    const back = detector.update(Date.UTC(2024, 0, 1), 1);
    expect(back.skipped).toMatch(/earlier than the previous point/);
    expect(detector.points).toBe(1);
  });
});

describe('state', () => {
  it('restores bit for bit: a restored detector scores exactly like one that never stopped', () => {
    const series = makeSeries({
      n: 6000,
      daily: 20,
      noise: 2,
      spikes: [{ at: 4500, size: 30 }],
      shifts: [{ at: 5200, size: 10 }],
    });
    const original = new AnomalyDetector();
    runAll(original, series, 0, 4000);
    const blob = original.save();
    expect(blob.byteLength).toBeLessThan(50 * 1024);
    const restored = AnomalyDetector.restore(blob);
    const a = runAll(original, series, 4000);
    const b = runAll(restored, series, 4000);
    for (let i = 0; i < a.length; i++) {
      expect(Object.is(a[i].score, b[i].score)).toBe(true);
      expect(b[i]).toEqual(a[i]);
    }
    expect(alertsOf(a).length).toBeGreaterThan(0);
  });

  it('refuses a blob that is not a detector state, truncated, or of another version', () => {
    const blob = new AnomalyDetector().save();
    expect(() => AnomalyDetector.restore(new Uint8Array([1, 2, 3, 4, 5, 6]))).toThrow(StateError);
    expect(() => AnomalyDetector.restore(blob.subarray(0, blob.length - 3))).toThrow(/truncated/);
    const other = blob.slice();
    other[4] = 99;
    expect(() => AnomalyDetector.restore(other)).toThrow(/version 99 is not supported/);
  });
});

describe('false-positive feedback', () => {
  it('lowers the sensitivity of that series, within bounds, and explains how', () => {
    const series = makeSeries({
      n: 3000,
      noise: 1,
      spikes: [
        { at: 2000, size: 8 },
        { at: 2800, size: 8 },
      ],
    });
    const plain = new AnomalyDetector();
    const taught = new AnomalyDetector();
    const before = runAll(plain, series, 0, 2500);
    runAll(taught, series, 0, 2500);
    expect(before[2000].anomaly).toBe(true);
    const first = taught.markFalsePositive(series.t[2000]);
    expect(first.penalty).toBe(1);
    expect(first.message).toMatch(/Sensitivity lowered after 1 false positive/);
    const plainAfter = runAll(plain, series, 2500);
    const taughtAfter = runAll(taught, series, 2500);
    expect(taughtAfter[300].score).toBeLessThan(plainAfter[300].score);
    // Bounded: many marks never add more than the maximum.
    for (let i = 0; i < 10; i++) taught.markFalsePositive(series.t[2999]);
    expect(taught.markFalsePositive(series.t[2999]).penalty).toBe(3);
  });

  it('fades with time', () => {
    const detector = new AnomalyDetector({ feedback: { step: 1, max: 3, halfLifeMs: 3_600_000 } });
    detector.markFalsePositive(0);
    expect(detector.markFalsePositive(3_600_000).penalty).toBeCloseTo(1.5, 10);
  });
});

describe('options', () => {
  it('name what is wrong', () => {
    expect(() => new AnomalyDetector({ detectors: [] })).toThrow(/at least one detector/);
    expect(() => new AnomalyDetector({ detectors: ['magic' as never] })).toThrow(/unknown detector "magic"/);
    expect(() => new AnomalyDetector({ threshold: 2 })).toThrow(/threshold/);
    expect(() => new AnomalyDetector({ timeZone: 'Mars/Olympus' })).toThrow(/Mars\/Olympus/);
  });

  it('a single detector can run alone', () => {
    const series = makeSeries({ n: 2500, noise: 1, spikes: [{ at: 2200, size: 20 }] });
    const alone = new AnomalyDetector({ detectors: ['robust-z'] });
    const assessments = runAll(alone, series);
    expect(Object.keys(assessments[2200].readings)).toEqual(['robust-z']);
    expect(assessments[2200].anomaly).toBe(true);
  });
});
