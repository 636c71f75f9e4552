/**
 * Change-point detector: two-sided CUSUM for lasting level shifts (Page, "Continuous inspection schemes",
 * Biometrika 41(1/2), 1954) on values standardised by a slowly adapting robust reference, self-starting after
 * each alarm (Hawkins, "Self-starting CUSUM charts for location and scale", The Statistician 36, 1987).
 *
 *   z = (v − μ) / (σ·√(1 + 1/n))    z' = clamp(z, ±clip)
 *   S⁺ ← max(0, S⁺ + z' − k)    S⁻ ← max(0, S⁻ − z' − k)    S = max(S⁺, S⁻)    alarm when S > h
 *
 * - Reference: μ starts as the median of the first `minPoints` values and σ as 1.4826 × their MAD. Then μ is the
 *   running mean of the n points learned since the (re)start, becoming an EW mean once 1/n < `lambda` (a long
 *   memory), and σ is 1.2533 (√(π/2)) × an EW (`lambda`) mean absolute deviation; both learn the deviation
 *   clipped at ±clip. √(1 + 1/n) is the spread of a new value around a mean of n points, so z stays standard
 *   right after a restart. Each point's weight is multiplied by (1 − S/h), S before the point: the reference slows
 *   down and freezes as the CUSUM approaches a decision instead of absorbing the shift it is measuring (S before,
 *   not after, so a point's own size does not decide how much of it is learned, which would bias σ low). σ has
 *   floors (1e-9·|μ| and 1e-12) so a constant series never divides by zero.
 * - Winsorising z at ±`clip` (default 2.5) makes one outlier add at most clip − k = 2 to a sum: a spike is not a
 *   level shift unless noise had already raised the sum above 3 (a few percent of the time), two outliers in a
 *   row only if it was above 1; a large shift alarms on its third point (2 + 2 + 2 > 5).
 * - After an alarm both sums restart at 0 and the reference mean restarts on the new level: the median of the
 *   alarming value and the two before it (n = 2: its variance is ≈ σ²/2.2), so a spike that tips a sum already
 *   raised by noise does not become the reference. σ is kept. A lasting shift is therefore reported once, with
 *   later alarms at the background rate below; `alarms` counts the alarms.
 *
 * Reading: expected = μ (the reference level before this point); deviation = z, the signed standardised value of
 * this point (not the CUSUM sum), so it reads like the other detectors' deviations; lower/upper = μ ± 3σ√(1 + 1/n),
 * the same 3σ normal band as theirs (not the h band, which is about sums, not single values); score =
 * 1 − 100^(−S/h) with S after this point: it grows smoothly with S/h, is 0.9 at S = h/2 and 0.99 (the ensemble's
 * "agree") at the decision interval, and exceeds 0.99 only on alarm points. For the defaults this is close to the
 * exponential tail e^(−2kS) of the in-control CUSUM statistic, an approximate p-value. Not ready while the first
 * `minPoints` values are buffered.
 *
 * False alarms: the defaults (k = 0.5, h = 5) have an in-control average run length of ≈ 465 points on
 * independent Gaussian noise (Siegmund's approximation; measured ≈ 470 here); h = 6 gives ≈ 1,700 and h = 8
 * ≈ 14,000, at the cost of a slower alarm. Mean points to the alarm with the defaults, the shift's first point
 * included: 1σ ≈ 11, 2σ ≈ 4.5, 3σ or more ≈ 3. A trend steeper than about k·lambda σ per point keeps the
 * reference behind and is reported as a series of shifts.
 *
 * Cost: O(1) per point (and one sort of `minPoints` values when the warm-up ends). Memory: `minPoints` doubles.
 */
import { ABS_TO_SIGMA, flooredScale, MAD_TO_SIGMA } from '../math.js';
import { StateError, type StateReader, type StateWriter } from '../state.js';
import { type Detector, invalidPoint, NOT_READY, type Reading, skippedReading } from '../types.js';

const TAG = 0x43;
const MAX_MIN_POINTS = 100_000;
const LN_100 = Math.log(100);

export interface ChangePointOptions {
  /** Drift (allowance) k in σ, >= 0: half the smallest shift worth detecting quickly (default 0.5). */
  k: number;
  /** Decision interval h in σ, > 0: a sum beyond it is an alarm (default 5). */
  h: number;
  /** Standardised values are winsorised at ± this before they enter the sums; > k (default 2.5). */
  clip: number;
  /** Weight of the newest point in the reference mean and mean absolute deviation, in (0, 1] (default 0.01). */
  lambda: number;
  /** Values buffered to start the reference (median and MAD) before readings are given, 3 to 100,000 (default 30). */
  minPoints: number;
}

export const DEFAULT_CHANGE_POINT: ChangePointOptions = {
  k: 0.5,
  h: 5,
  clip: 2.5,
  lambda: 0.01,
  minPoints: 30,
};

export class ChangePointDetector implements Detector {
  readonly kind = 'change-point' as const;
  readonly options: ChangePointOptions;

  private lastT = Number.NaN;
  /** Points learned. */
  private count = 0;
  /** The first `minPoints` values (sorted in place when the warm-up ends). */
  private readonly warmUp: Float64Array;
  /** Reference mean and EW mean absolute deviation. */
  private mean = 0;
  private meanAbs = 0;
  /** Points the reference mean has learned since it was started or re-centred (each weighted by its freeze). */
  private learned = 0;
  /** The CUSUM sums S⁺ and S⁻. */
  private up = 0;
  private down = 0;
  private alarmCount = 0;
  /** The two values before this one. */
  private previous1 = 0;
  private previous2 = 0;

  constructor(options: Partial<ChangePointOptions> = {}) {
    const o = { ...DEFAULT_CHANGE_POINT, ...options };
    const check = (key: keyof ChangePointOptions, ok: boolean, what: string) => {
      if (!ok) throw new RangeError(`changePoint.${key} must be ${what} (got ${o[key]})`);
    };
    check('k', o.k >= 0 && Number.isFinite(o.k), 'a finite number >= 0');
    check('h', o.h > 0 && Number.isFinite(o.h), 'a finite number > 0');
    check('clip', o.clip > o.k, 'a number > k (Infinity: no winsorising)');
    check('lambda', o.lambda > 0 && o.lambda <= 1, 'in (0, 1]');
    check(
      'minPoints',
      Number.isInteger(o.minPoints) && o.minPoints >= 3 && o.minPoints <= MAX_MIN_POINTS,
      `an integer from 3 to ${MAX_MIN_POINTS}`,
    );
    this.options = o;
    this.warmUp = new Float64Array(o.minPoints);
  }

  /** Level shifts reported so far. */
  get alarms(): number {
    return this.alarmCount;
  }

  update(t: number, v: number): Reading {
    const reason = invalidPoint(t, v, this.lastT);
    if (reason) return skippedReading(reason);
    this.lastT = t;
    const o = this.options;
    if (this.count < o.minPoints) {
      this.previous2 = this.previous1;
      this.previous1 = v;
      this.warmUp[this.count++] = v;
      if (this.count === o.minPoints) this.start();
      return { ...NOT_READY };
    }
    this.count++;

    const mean = this.mean;
    const sigma = flooredScale(ABS_TO_SIGMA * this.meanAbs, mean);
    // A new value's spread around a mean learned from `learned` points (self-starting CUSUM).
    const spread = sigma * Math.sqrt(1 + 1 / this.learned);
    const z = (v - mean) / spread;
    const clipped = z > o.clip ? o.clip : z < -o.clip ? -o.clip : z;
    // From the sums before this point, so a point's own size does not decide how much the reference learns of it.
    const freeze = 1 - Math.max(this.up, this.down) / o.h;
    this.up = Math.max(0, this.up + clipped - o.k);
    this.down = Math.max(0, this.down - clipped - o.k);
    const s = Math.max(this.up, this.down);
    const reading: Reading = {
      score: 1 - Math.exp((-LN_100 * s) / o.h),
      deviation: z,
      expected: mean,
      lower: mean - 3 * spread,
      upper: mean + 3 * spread,
      ready: true,
    };

    if (s > o.h) {
      // A level shift: restart the sums, and the reference mean on the new level (robust to one odd value).
      this.mean = Math.max(
        Math.min(this.previous2, this.previous1),
        Math.min(Math.max(this.previous2, this.previous1), v),
      );
      this.learned = 2;
      this.up = 0;
      this.down = 0;
      this.alarmCount++;
    } else {
      this.learned += freeze;
      this.mean += Math.max(freeze / this.learned, o.lambda * freeze) * clipped * spread;
      this.meanAbs += o.lambda * freeze * (Math.abs(clipped) * sigma - this.meanAbs);
    }
    this.previous2 = this.previous1;
    this.previous1 = v;
    return reading;
  }

  /** Starts the reference from the buffered values: median and 1.4826 × MAD (as a mean absolute deviation). */
  private start(): void {
    const values = this.warmUp;
    const n = values.length;
    values.sort();
    const half = n >> 1;
    const median = n & 1 ? values[half] : 0.5 * (values[half - 1] + values[half]);
    for (let i = 0; i < n; i++) values[i] = Math.abs(values[i] - median);
    values.sort();
    const mad = n & 1 ? values[half] : 0.5 * (values[half - 1] + values[half]);
    this.mean = median;
    this.meanAbs = (MAD_TO_SIGMA * mad) / ABS_TO_SIGMA;
    this.learned = n;
  }

  save(out: StateWriter): void {
    const o = this.options;
    out.u8(TAG).f64(o.k).f64(o.h).f64(o.clip).f64(o.lambda).u32(o.minPoints);
    // The buffer is only state during the warm-up (afterwards it holds scratch that is never read).
    out
      .f64(this.lastT)
      .f64(this.count)
      .f64s(this.warmUp, this.count < o.minPoints ? this.count : 0);
    out.f64(this.mean).f64(this.meanAbs).f64(this.learned).f64(this.up).f64(this.down).f64(this.alarmCount);
    out.f64(this.previous1).f64(this.previous2);
  }

  static restore(input: StateReader): ChangePointDetector {
    input.expect(TAG, 'change-point detector');
    const detector = new ChangePointDetector({
      k: input.f64(),
      h: input.f64(),
      clip: input.f64(),
      lambda: input.f64(),
      minPoints: input.u32(),
    });
    detector.lastT = input.f64();
    detector.count = input.f64();
    input.f64s(detector.warmUp);
    detector.mean = input.f64();
    detector.meanAbs = input.f64();
    detector.learned = input.f64();
    detector.up = input.f64();
    detector.down = input.f64();
    detector.alarmCount = input.f64();
    detector.previous1 = input.f64();
    detector.previous2 = input.f64();
    if (!(detector.count >= 0)) throw new StateError('state is corrupt: change-point count');
    return detector;
  }
}
