/**
 * The excursion: the ensemble's slow evidence, a moderate departure from the model of normal that lasts (the mean of
 * the last 32 winsorised deviations), judged against its own normal extreme so that frequent isolated spikes do not
 * hide it. Constructed series with known answers.
 */
import { describe, expect, it } from 'vitest';
import { AnomalyDetector, type Assessment } from './ensemble.js';
import { DAY, makeSeries, type Series } from './testing/series.js';

function runAll(detector: AnomalyDetector, series: Series, from = 0, to = series.t.length): Assessment[] {
  const out: Assessment[] = [];
  for (let i = from; i < to; i++) out.push(detector.update(series.t[i], series.v[i]));
  return out;
}

const alertsOf = (assessments: Assessment[], after = 0) =>
  assessments.flatMap((a, i) => (a.anomaly && i > after ? [i] : []));

/** Unit noise with a 12σ spike every 97 to 157 points: a series whose normal extreme is set by spikes. */
function spiky(n: number, seed: number, opts: { gaps?: Array<[number, number]> } = {}): Series {
  const spikes = [];
  for (let at = 100 + (seed % 37); at < n; at += 97 + ((at * 7) % 61)) spikes.push({ at, size: 12 });
  return makeSeries({ n, noise: 1, seed, spikes, ...opts });
}

/** Adds `size` to the values at indexes [from, to). */
function add(series: Series, from: number, to: number, size: number): Series {
  for (let i = from; i < to; i++) series.v[i] += size;
  return series;
}

/** Takes the daily sine of amplitude 10 out of the 4 hours around the peak of day `day`: the peak does not come. */
function withoutPeak(series: Series, day: number): Series {
  const start = series.t[0];
  const peak = start + day * DAY + DAY / 4;
  for (let i = 0; i < series.t.length; i++) {
    if (Math.abs(series.t[i] - peak) <= DAY / 12)
      series.v[i] -= 10 * Math.sin((2 * Math.PI * (series.t[i] - start)) / DAY);
  }
  return series;
}

describe('a moderate departure that lasts is reported even where spikes are usual', () => {
  const cases = [
    {
      name: 'a burst of +2.5σ for 40 points among 12σ spikes',
      make: (s: number) => add(spiky(4000, s), 3000, 3040, 2.5),
      from: 3000,
      to: 3040,
    },
    {
      name: 'a dip of −2.5σ for 40 points among 12σ spikes',
      make: (s: number) => add(spiky(4000, s), 3000, 3040, -2.5),
      from: 3000,
      to: 3040,
    },
    {
      name: 'a burst right after missing points',
      make: (s: number) => add(spiky(4000, s, { gaps: [[2900, 2950]] }), 2960, 3000, 2.5),
      from: 2960,
      to: 3000,
    },
    {
      name: 'a daily peak that does not come',
      make: (s: number) => withoutPeak(makeSeries({ n: 4000, noise: 1, daily: 10, seed: s }), 12),
      from: 3504,
      to: 3553,
    },
  ];

  it.each(cases)('$name', ({ make, from, to }) => {
    for (const seed of [1, 2, 3, 4]) {
      const series = make(seed);
      const alerts = alertsOf(runAll(new AnomalyDetector(), series));
      expect(alerts.some((i) => i >= from && i < to)).toBe(true);
    }
  });
});

describe('a lasting departure is told as one, from where it began', () => {
  // Which evidence raises the first alert of a departure depends on the noise; these check every alert the
  // excursion told (a level shift, or a seasonality break once the season is known) and that there is one per case.
  const numbers = (sentence: string) => [...sentence.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]));

  it.each([
    { name: 'a burst of +2.5σ among spikes', size: 2.5, direction: 'up' },
    { name: 'a dip of −2.5σ among spikes', size: -2.5, direction: 'down' },
  ] as const)('$name', ({ size, direction }) => {
    let told = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const series = add(spiky(4000, seed), 3000, 3040, size);
      const assessments = runAll(new AnomalyDetector(), series);
      for (const i of alertsOf(assessments).filter((at) => at >= 3000 && at < 3040)) {
        const explanation = assessments[i].explanation!;
        if (explanation.kind !== 'level-shift' || !explanation.sentence.includes(' to about ')) continue;
        told++;
        expect(explanation.direction).toBe(direction);
        // The start is found within a few points of the real one, not at the alert or a whole span before it.
        expect(Math.abs(explanation.startedAt - series.t[3000])).toBeLessThanOrEqual(
          4 * (series.t[1] - series.t[0]),
        );
        expect(explanation.sentence).toMatch(
          new RegExp(`^Level shifted ${direction} from about .* has stayed there for`),
        );
        const [before, after] = numbers(explanation.sentence);
        expect(Math.abs(before - 100)).toBeLessThan(1);
        // The mean of the values since the start, spikes included.
        expect(Math.abs(after - (100 + size))).toBeLessThan(1.5);
      }
    }
    expect(told).toBeGreaterThan(0);
  });

  it('reports the excursion itself on every point: small among spikes, large once the burst has lasted', () => {
    for (const seed of [1, 2, 3, 4]) {
      const assessments = runAll(new AnomalyDetector(), add(spiky(4000, seed), 3000, 3040, 2.5));
      const largest = (from: number, to: number) =>
        Math.max(...assessments.slice(from, to).map((a) => a.excursion));
      expect(largest(2000, 3000)).toBeLessThan(5);
      expect(largest(3020, 3040)).toBeGreaterThan(8);
    }
  });

  it('a daily peak that does not come, among spikes, is told against the usual level at that time', () => {
    let told = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const spikes = [];
      for (let at = 100 + (seed % 37); at < 4000; at += 97 + ((at * 7) % 61)) spikes.push({ at, size: 20 });
      const series = withoutPeak(makeSeries({ n: 4000, noise: 1, daily: 10, seed, spikes }), 12);
      const assessments = runAll(new AnomalyDetector(), series);
      for (const i of alertsOf(assessments).filter((at) => at >= 3504 && at < 3553)) {
        const explanation = assessments[i].explanation!;
        if (explanation.kind !== 'seasonality-break' || !explanation.sentence.startsWith('Value has run'))
          continue;
        told++;
        expect(explanation.direction).toBe('down');
        expect(explanation.sentence).toMatch(
          /^Value has run below the usual \d\d:\d\d level of [\d.]+ for .+, at [\d.]+ on average\.$/,
        );
      }
    }
    expect(told).toBeGreaterThan(0);
  });
});

describe('what must not raise the excursion', () => {
  it.each([
    {
      name: 'a daily season with noise',
      make: (s: number) => makeSeries({ n: 8000, noise: 1.5, daily: 30, seed: s }),
    },
    {
      name: 'a daily season with missing points',
      make: (s: number) =>
        makeSeries({
          n: 8000,
          noise: 1,
          daily: 10,
          seed: s,
          gaps: [
            [3000, 3300],
            [6000, 6020],
          ],
        }),
    },
  ])('$name: under one alert per 6,000 points after the first week', ({ make }) => {
    let alerts = 0;
    for (const seed of [1, 2, 3, 4])
      alerts += alertsOf(runAll(new AnomalyDetector(), make(seed)), 2016).length;
    expect(alerts).toBeLessThan((4 * (8000 - 2016)) / 6000);
  });

  it('frequent isolated 12σ spikes: an alert, if any, is on a spike or a new record, never a lasting departure', () => {
    for (const seed of [1, 2, 3, 4]) {
      const series = spiky(8000, seed);
      const spikes = new Set(series.spikeIndex);
      const assessments = runAll(new AnomalyDetector(), series);
      for (const i of alertsOf(assessments, 2016)) {
        expect(spikes.has(i) || assessments[i].record !== undefined).toBe(true);
      }
    }
  });

  it('a slow trend: every alert is a new record of the series, none comes from the excursion alone', () => {
    for (const seed of [1, 2, 3, 4]) {
      const assessments = runAll(
        new AnomalyDetector(),
        makeSeries({ n: 6000, noise: 1, trend: 0.0005, seed }),
      );
      for (const i of alertsOf(assessments, 1000)) expect(assessments[i].record).toBeDefined();
    }
  });

  it('a constant series: scores are 0, never NaN', () => {
    const detector = new AnomalyDetector();
    const start = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 3000; i++) {
      const a = detector.update(start + i * 300_000, 42);
      expect(a.score).toBe(0);
      expect(a.anomaly).toBe(false);
    }
  });
});

describe('the excursion in the streaming contract', () => {
  const series = add(spiky(4000, 2), 3000, 3040, 2.5);

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('a %s value in the middle of a burst is skipped and changes nothing', (_name, bad) => {
    const clean = new AnomalyDetector();
    const dirty = new AnomalyDetector();
    runAll(clean, series, 0, 3020);
    runAll(dirty, series, 0, 3020);
    expect(dirty.update(series.t[3019] + 1, bad).skipped).toMatch(/not a finite number/);
    expect(runAll(dirty, series, 3020)).toEqual(runAll(clean, series, 3020));
  });

  it('a state saved in the middle of a burst restores bit for bit', () => {
    const original = new AnomalyDetector();
    runAll(original, series, 0, 3010);
    const restored = AnomalyDetector.restore(original.save());
    const a = runAll(original, series, 3010);
    const b = runAll(restored, series, 3010);
    for (let i = 0; i < a.length; i++) expect(Object.is(a[i].score, b[i].score)).toBe(true);
    expect(b).toEqual(a);
  });

  it('a prefix scores exactly as the same rows of the whole series', () => {
    const whole = runAll(new AnomalyDetector(), series).map((a) => a.score);
    const prefix = runAll(new AnomalyDetector(), series, 0, 3020).map((a) => a.score);
    expect(prefix).toEqual(whole.slice(0, 3020));
  });
});
