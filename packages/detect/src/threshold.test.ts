import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random.js';
import { StateReader, StateWriter } from './state.js';
import { AdaptiveThreshold, DEFAULT_THRESHOLD, RestartableThreshold } from './threshold.js';

const BIN = 0.1;

/** Feeds `value` to the threshold `n` times (learning only). */
function learnConstant(threshold: AdaptiveThreshold, value: number, n: number): void {
  for (let i = 0; i < n; i++) threshold.learn(value);
}

function roundTrip(threshold: AdaptiveThreshold): AdaptiveThreshold {
  const out = new StateWriter();
  threshold.save(out);
  const input = new StateReader(out.bytes());
  const restored = AdaptiveThreshold.restore(input);
  expect(input.done).toBe(true);
  return restored;
}

describe('AdaptiveThreshold before it has enough history', () => {
  it('has no level and reports no excess until minHistory points are learned', () => {
    const threshold = new AdaptiveThreshold({ minHistory: 5 });
    for (let i = 0; i < 5; i++) {
      expect(threshold.level()).toBeNaN();
      // Even a huge value is no excess while the history is too short.
      expect(threshold.update(i === 4 ? 15 : 1)).toBe(0);
    }
    expect(threshold.level()).not.toBeNaN();
  });

  it('uses 300 points of history by default', () => {
    const threshold = new AdaptiveThreshold();
    learnConstant(threshold, 1, 299);
    expect(threshold.level()).toBeNaN();
    threshold.learn(1);
    expect(threshold.level()).toBeGreaterThan(0);
  });
});

describe('AdaptiveThreshold.level', () => {
  it.each([0.05, 1.25, 3.05, 7.5, 12.34])('on a constant stream of %f sits in that value’s bin', (value) => {
    const threshold = new AdaptiveThreshold({ minHistory: 10 });
    learnConstant(threshold, value, 500);
    const level = threshold.level();
    expect(Math.abs(level - value)).toBeLessThanOrEqual(BIN);
    // A value 2 above has an excess of about 2: its distance above the level.
    const larger = value + 2;
    const excess = threshold.update(larger);
    expect(excess).toBeCloseTo(larger - level, 12);
    expect(Math.abs(excess - 2)).toBeLessThanOrEqual(BIN);
    // A value below the level has no excess.
    expect(threshold.update(value - 0.5)).toBe(0);
  });

  it('reads the 1% quantile of 1,000 points uniform over [0, 10) as about 9.9', () => {
    const threshold = new AdaptiveThreshold({ quantile: 0.01 });
    const random = new SeededRandom(42);
    for (let i = 0; i < 1000; i++) threshold.learn(random.next() * 10);
    expect(Math.abs(threshold.level() - 9.9)).toBeLessThanOrEqual(0.15);
  });

  it.each([
    { quantile: 0.1, expected: 9 },
    { quantile: 0.25, expected: 7.5 },
    { quantile: 0.4, expected: 6 },
  ])('reads the $quantile quantile of an even grid over [0, 10) as $expected', ({ quantile, expected }) => {
    // Ten points in each bin, visited in a scrambled order so the decay favours no part of the range.
    const threshold = new AdaptiveThreshold({ quantile, halfLife: 1e9 });
    for (let i = 0; i < 1000; i++) threshold.learn(((i * 7919) % 1000) / 100 + 0.005);
    expect(Math.abs(threshold.level() - expected)).toBeLessThanOrEqual(0.02);
  });

  it('moves up to a new, higher normal after a long run at 2 then several half-lives at 5', () => {
    const threshold = new AdaptiveThreshold({ halfLife: 100, minHistory: 10 });
    learnConstant(threshold, 2, 1000);
    expect(Math.abs(threshold.level() - 2)).toBeLessThanOrEqual(0.15);
    learnConstant(threshold, 5, 1000);
    expect(Math.abs(threshold.level() - 5)).toBeLessThanOrEqual(0.15);
  });

  it.each([
    { halfLife: 100, expected: 2, what: 'forgets the old high run after 10 half-lives' },
    { halfLife: 1e9, expected: 5, what: 'keeps the old high run without decay' },
  ])('$what (halfLife $halfLife: level about $expected)', ({ halfLife, expected }) => {
    const threshold = new AdaptiveThreshold({ halfLife, minHistory: 10 });
    learnConstant(threshold, 5, 1000);
    learnConstant(threshold, 2, 1000);
    expect(Math.abs(threshold.level() - expected)).toBeLessThanOrEqual(0.15);
  });

  it('stays right across the weight rescaling of a very long run', () => {
    // With halfLife 10 the weights would pass 1e150 after about 5,000 points.
    const threshold = new AdaptiveThreshold({ halfLife: 10, minHistory: 10 });
    learnConstant(threshold, 8, 20_000);
    learnConstant(threshold, 3, 200);
    const level = threshold.level();
    expect(Number.isFinite(level)).toBe(true);
    expect(Math.abs(level - 3)).toBeLessThanOrEqual(BIN);
  });
});

describe('AdaptiveThreshold with values beyond the histogram', () => {
  it.each([
    { value: 25, lowest: 19.9, highest: 20 },
    { value: 1e9, lowest: 19.9, highest: 20 },
    { value: -3, lowest: 0, highest: 0.1 },
  ])('clamps $value into the histogram (level in [$lowest, $highest])', ({ value, lowest, highest }) => {
    const threshold = new AdaptiveThreshold({ minHistory: 10 });
    learnConstant(threshold, value, 100);
    const level = threshold.level();
    expect(level).toBeGreaterThanOrEqual(lowest);
    expect(level).toBeLessThanOrEqual(highest);
  });

  it('still reports the full excess of a value beyond the range over a low level', () => {
    const threshold = new AdaptiveThreshold({ minHistory: 10 });
    learnConstant(threshold, 1, 100);
    const level = threshold.level();
    expect(threshold.update(25)).toBeCloseTo(25 - level, 12);
    expect(Number.isFinite(threshold.level())).toBe(true);
  });
});

describe('AdaptiveThreshold options', () => {
  it('defaults to a half-life of 2,000, quantile 0.005 and 300 points of history', () => {
    expect(new AdaptiveThreshold().options).toEqual({ halfLife: 2000, quantile: 0.005, minHistory: 300 });
    expect(DEFAULT_THRESHOLD).toEqual({ halfLife: 2000, quantile: 0.005, minHistory: 300 });
  });

  it.each([
    { options: { halfLife: 9 }, name: 'halfLife' },
    { options: { halfLife: Number.NaN }, name: 'halfLife' },
    { options: { halfLife: Number.POSITIVE_INFINITY }, name: 'halfLife' },
    { options: { quantile: 0 }, name: 'quantile' },
    { options: { quantile: -0.1 }, name: 'quantile' },
    { options: { quantile: 0.5 }, name: 'quantile' },
    { options: { quantile: 0.9 }, name: 'quantile' },
    { options: { minHistory: 0 }, name: 'minHistory' },
    { options: { minHistory: 1.5 }, name: 'minHistory' },
    { options: { minHistory: -3 }, name: 'minHistory' },
  ])('rejects $options with a RangeError naming $name', ({ options, name }) => {
    expect(() => new AdaptiveThreshold(options)).toThrow(RangeError);
    expect(() => new AdaptiveThreshold(options)).toThrow(`threshold.${name}`);
  });

  it.each([{ halfLife: 10 }, { quantile: 0.499 }, { quantile: 1e-6 }, { minHistory: 1 }])(
    'accepts the edge value %o',
    (options) => {
      expect(() => new AdaptiveThreshold(options)).not.toThrow();
    },
  );
});

describe('AdaptiveThreshold save and restore', () => {
  it('continues bit for bit after a restore', () => {
    const random = new SeededRandom(7);
    const evidence = () => -Math.log2(1 - random.next()) * 1.5;
    const original = new AdaptiveThreshold({ halfLife: 50, quantile: 0.02 });
    for (let i = 0; i < 400; i++) original.update(evidence());
    const restored = roundTrip(original);
    expect(Object.is(restored.level(), original.level())).toBe(true);
    const mismatches: string[] = [];
    let positive = 0;
    for (let i = 0; i < 500; i++) {
      const e = evidence();
      const a = original.update(e);
      const b = restored.update(e);
      if (a > 0) positive++;
      if (!Object.is(a, b)) mismatches.push(`#${i}: ${a} vs ${b}`);
    }
    expect(mismatches).toEqual([]);
    // The comparison is about real excesses, not a run of zeros.
    expect(positive).toBeGreaterThan(0);
  });

  it('restores before minHistory is reached, still counting towards it', () => {
    const original = new AdaptiveThreshold({ minHistory: 20 });
    learnConstant(original, 2, 15);
    const restored = roundTrip(original);
    expect(restored.level()).toBeNaN();
    learnConstant(restored, 2, 5);
    expect(Math.abs(restored.level() - 2)).toBeLessThanOrEqual(BIN);
  });

  it('keeps non-default options', () => {
    const options = { halfLife: 123.5, quantile: 0.07, minHistory: 42 };
    const restored = roundTrip(new AdaptiveThreshold(options));
    expect(restored.options).toEqual(options);
  });

  it('refuses a state that is not a threshold', () => {
    const out = new StateWriter();
    out.u8(0x00).f64(1);
    expect(() => AdaptiveThreshold.restore(new StateReader(out.bytes()))).toThrow('adaptive threshold');
  });
});

describe('RestartableThreshold', () => {
  const feed = (threshold: RestartableThreshold, value: number, n: number) => {
    let level = Number.NaN;
    for (let i = 0; i < n; i++) level = threshold.levelThenLearn(value);
    return level;
  };

  it('after a restart, the previous history stands in until the new one has minHistory points', () => {
    const threshold = new RestartableThreshold({ minHistory: 10 });
    expect(feed(threshold, 2, 10)).toBeNaN(); // the 10th point is read before it is learned
    expect(Math.abs(feed(threshold, 2, 1) - 2)).toBeLessThanOrEqual(BIN);
    threshold.restart();
    // Nine points of a new level: still the old normal extreme.
    expect(Math.abs(feed(threshold, 5, 10) - 2)).toBeLessThanOrEqual(BIN);
    // From the 11th point on the new history speaks for itself.
    expect(Math.abs(feed(threshold, 5, 1) - 5)).toBeLessThanOrEqual(BIN);
  });

  it('saves and restores the stand-in too', () => {
    const original = new RestartableThreshold({ minHistory: 10 });
    feed(original, 2, 20);
    original.restart();
    feed(original, 5, 3);
    const out = new StateWriter();
    original.save(out);
    const input = new StateReader(out.bytes());
    const restored = RestartableThreshold.restore(input);
    expect(input.done).toBe(true);
    expect(feed(restored, 5, 1)).toBe(feed(original, 5, 1));
    expect(Math.abs(feed(restored, 5, 1) - 2)).toBeLessThanOrEqual(BIN);
  });
});
