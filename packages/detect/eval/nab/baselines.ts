/**
 * Reference detectors with published NAB scores, to check the harness against: streaming scorers that see each
 * (timestamp, value) once, in order, and score it from the values before it.
 */
import { erfc } from '../../src/math.js';

/** A streaming anomaly scorer of one series: one call per row, returns a score in [0, 1]. */
export interface StreamingScorer {
  score(t: number, v: number): number;
}

/** NAB's "null" detector: never surprised (scores 0 on every profile). */
export function nullDetector(): StreamingScorer {
  return { score: () => 0 };
}

/** Significant digits of the anomaly scores in NAB's published result files. */
export const NAB_RESULT_DIGITS = 12;

/** Settings of the windowed Gaussian baseline (NAB's values). */
export const WINDOWED_GAUSSIAN = { windowSize: 6400, stepSize: 100, minStd: 1e-6 } as const;

/**
 * NAB's "windowed Gaussian" baseline: the tail probability of each value under a normal distribution fitted to
 * a sliding window of past values.
 *
 * The window grows to 6,400 values, refitting (mean, population std) after each one; once full, new values wait
 * in a step buffer and the window slides 100 values at a time, refitting then. The score of a value, from the
 * fit before it is added, is 1 − Q(|x − mean|/std), Q the upper normal tail (0 for the very first value); std is
 * floored at 1e-6 so a constant series does not divide by zero.
 *
 * Scores are rounded to 12 significant digits by default, as in NAB's published result files (written by
 * Python 2, whose `str(float)` keeps 12 digits): that rounding turns every score above 1 − 5e-13 into exactly
 * 1.0, which is the threshold NAB found best, so it is part of what the published scores (39.6 / 20.9 / 47.4)
 * measured. With `significantDigits: null` the exact scores give 40.1 / 23.9 / 47.7 instead.
 */
export class WindowedGaussian implements StreamingScorer {
  private readonly digits: number | null;
  private readonly window = new Float64Array(WINDOWED_GAUSSIAN.windowSize);
  /** Values in the window, and the slot of the oldest one once it is full (the window is a ring). */
  private count = 0;
  private oldest = 0;
  private readonly step = new Float64Array(WINDOWED_GAUSSIAN.stepSize);
  private stepCount = 0;
  private mean = 0;
  /** Sum of squared deviations from the mean (Welford) while the window fills. */
  private m2 = 0;
  private std = 1;

  constructor(options: { significantDigits?: number | null } = {}) {
    this.digits = options.significantDigits === undefined ? NAB_RESULT_DIGITS : options.significantDigits;
  }

  score(_t: number, v: number): number {
    const score = this.count === 0 ? 0 : 1 - 0.5 * erfc(Math.abs(v - this.mean) / this.std / Math.SQRT2);
    this.learn(v);
    return this.digits === null ? score : Number(score.toPrecision(this.digits));
  }

  private learn(v: number): void {
    const { windowSize, stepSize, minStd } = WINDOWED_GAUSSIAN;
    if (this.count < windowSize) {
      this.window[this.count++] = v;
      const delta = v - this.mean;
      this.mean += delta / this.count;
      this.m2 += delta * (v - this.mean);
      this.std = Math.max(Math.sqrt(Math.max(this.m2, 0) / this.count), minStd);
      return;
    }
    this.step[this.stepCount++] = v;
    if (this.stepCount < stepSize) return;
    for (let k = 0; k < stepSize; k++) {
      this.window[this.oldest] = this.step[k];
      this.oldest = (this.oldest + 1) % windowSize;
    }
    this.stepCount = 0;
    this.refit();
  }

  /** Two-pass mean (with a correction pass, so a constant window has its exact value) and population std. */
  private refit(): void {
    const w = this.window;
    const n = w.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += w[i];
    let mean = sum / n;
    let correction = 0;
    for (let i = 0; i < n; i++) correction += w[i] - mean;
    mean += correction / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (w[i] - mean) ** 2;
    this.mean = mean;
    this.std = Math.max(Math.sqrt(squares / n), WINDOWED_GAUSSIAN.minStd);
  }
}

export function windowedGaussian(): StreamingScorer {
  return new WindowedGaussian();
}
