/**
 * Seasonal detector: a robust additive seasonal-level model (Holt–Winters style, Winters 1960) whose period, one
 * day or one week, is detected from the data by the autocorrelation of a moving-average-detrended history, as in
 * the classical decomposition behind STL (Cleveland, Cleveland, McRae & Terpenning, "STL: A seasonal-trend
 * decomposition procedure based on loess", J. Official Statistics 6(1), 1990).
 *
 * - Sampling step: the median of the first 16 time steps. It fixes the width of the history buckets (the smallest
 *   of 1, 2, 3, 4, 6, 8, 12 hours that is at least 1.5 steps, so irregular samples leave few buckets empty) and the
 *   number of phase bins of each period (one per step, at most 144 a day and 672 a week, i.e. 10 and 15 minutes,
 *   since finer bins learn noisier offsets; at least 8: a period with fewer possible bins is never used, so a daily
 *   period needs steps of about 3 hours at most, and steps over 8 hours disable the detector).
 * - History: the means of the last 504 buckets (three weeks of 1-hour buckets); gaps are NaN buckets.
 * - Period test, every `checkEvery` buckets: the history minus its centred moving average over the period is
 *   correlated with itself one period later (pairs with a missing bucket are skipped). A period becomes active when
 *   that autocorrelation r is at least `threshold` and r·√pairs is at least `significance` (short histories need a
 *   stronger pattern); it stays active while r ≥ threshold / 2. The daily test needs 3 days of history, the weekly
 *   one 2.5 weeks. Weekly wins when it passes and is stronger by 0.1 than the daily autocorrelation measured on the
 *   same (weekly-detrended) history, since a daily pattern also repeats every week.
 * - Both candidate models learn all the time, so a switch is immediate. Model p: seasonal offsets per phase bin,
 *   the cumulative (then, once `1 / seasonAlpha` cycles are in a bin, exponentially weighted) mean of the value
 *   minus the mean of the last period of buckets; a point feeds the two bins around its phase with linear weights
 *   and is predicted by interpolating them. Level: EWMA (`levelAlpha`) of the value minus its seasonal offset.
 *   Scale: 1.2533 (√(π/2)) × the mean absolute miss of the phase (kept per bin like the offsets, with three times
 *   their memory, and shrunk towards the overall value while a bin has seen few points), never under half of the
 *   model's overall EW (`scaleAlpha`) mean absolute residual: each time of day or week has its own band.
 *   Once warm, residuals are clipped at ±`clip`·scale before they update the level, the overall scale and the
 *   offsets, so spikes barely teach the expectation.
 * - Reading: expected = level + offset(phase); deviation = (v − expected) / scale; score = deviationScore(deviation);
 *   band = expected ± 3·scale. Not ready (NOT_READY values: score 0, no vote) while no period is active, or the
 *   active model has learned less than one full period or fewer than 1 / scaleAlpha points. A series without
 *   seasonality therefore never makes this detector vote: that is the robust-z detector's job. `period` tells
 *   which period the expectation follows.
 *
 * Cost: O(1) per point plus, every `checkEvery` buckets, O(504) for the period test. State: ≈ 14 KB at
 * 5-minute steps, ≈ 8 KB at hourly steps (history 4 KB; f32 offsets, bin weights and phase misses).
 */

import { ABS_TO_SIGMA } from '../math.js';
import type { StateReader, StateWriter } from '../state.js';
import {
  bandReading,
  type Detector,
  invalidPoint,
  NOT_READY,
  type Reading,
  skippedReading,
} from '../types.js';

const TAG = 0x53;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** The candidate periods, index 0 daily and 1 weekly. */
const PERIODS = [DAY, WEEK] as const;
const MAX_BINS = [144, 672] as const;
const MIN_BINS = 8;
/** History needed before each period is tested, in periods. */
const MIN_CYCLES = [3, 2.5] as const;
const STEP_SAMPLES = 16;
const BUCKET_HOURS = [1, 2, 3, 4, 6, 8, 12] as const;
const HISTORY = 504;
/** How much stronger the weekly autocorrelation must be than the daily one for the weekly period to win. */
const WEEKLY_MARGIN = 0.1;
/** A phase's own band is never narrower than this share of the model's overall one. */
const LOCAL_SCALE_FLOOR = 0.5;
/** A phase's band remembers this many times as many cycles as its offset, so it is estimated from more points. */
const PHASE_MEMORY = 3;
/** Points' worth of the overall band a phase's own band starts from. */
const PHASE_PRIOR = 8;

export interface SeasonalOptions {
  /** Autocorrelation of the detrended history at the period's lag needed to activate the period (default 0.35). */
  threshold: number;
  /** Autocorrelation × √(number of pairs) needed as well, a z-like significance (default 4). */
  significance: number;
  /** EWMA weight of the newest deseasonalised value in the level (default 0.1 per point). */
  levelAlpha: number;
  /** Weight of the newest cycle in a seasonal offset once `1 / seasonAlpha` cycles are learned (default 0.1). */
  seasonAlpha: number;
  /** EW weight of the newest absolute residual in the scale (default 0.01 per point). */
  scaleAlpha: number;
  /** Residuals are clipped at ± this many scales before they update the model (default 3). */
  clip: number;
  /** History buckets between two period tests (default 6). */
  checkEvery: number;
}

export const DEFAULT_SEASONAL: SeasonalOptions = {
  threshold: 0.35,
  significance: 4,
  levelAlpha: 0.1,
  seasonAlpha: 0.1,
  scaleAlpha: 0.01,
  clip: 3,
  checkEvery: 6,
};

// Scratch for the period test (shared: detectors run one at a time, and the test never yields).
const scratchX = new Float64Array(HISTORY);
const scratchD = new Float64Array(HISTORY);

export class SeasonalDetector implements Detector {
  readonly kind = 'seasonal' as const;
  readonly options: SeasonalOptions;

  private lastT = Number.NaN;
  private readonly steps = new Float64Array(STEP_SAMPLES);
  private stepCount = 0;
  /** Median sampling step in ms, NaN until estimated. */
  private step = Number.NaN;

  // Derived from `step` by configure() (not state).
  private bucketMs = 0;
  private readonly lag = new Int32Array(2);
  private readonly bins = new Int32Array(2);
  private readonly binMs = new Float64Array(2);
  private readonly weightCap = new Float64Array(2);

  private readonly history = new Float64Array(HISTORY);
  private historyNext = 0;
  private historyCount = 0;
  private bucket = Number.NaN;
  private bucketSum = 0;
  private bucketCount = 0;
  private sinceCheck = 0;
  /** 0 none, 1 daily, 2 weekly. */
  private active = 0;

  // Per model (index 0 daily, 1 weekly).
  private readonly baseline = new Float64Array([Number.NaN, Number.NaN]);
  private readonly level = new Float64Array([Number.NaN, Number.NaN]);
  private readonly absResidual = new Float64Array(2);
  private readonly learned = new Float64Array(2);
  private readonly learningSince = new Float64Array([Number.NaN, Number.NaN]);
  private readonly offsets = [new Float32Array(MAX_BINS[0]), new Float32Array(MAX_BINS[1])];
  private readonly weights = [new Float32Array(MAX_BINS[0]), new Float32Array(MAX_BINS[1])];
  /**
   * Mean absolute miss per phase bin (a running mean, then exponential with the offsets' weights): the band of each
   * time of day or week follows that time's own noise — wide at a square wave's edges or a busy hour, narrow at
   * night — instead of one band for the whole cycle.
   */
  private readonly phaseResidual = [new Float32Array(MAX_BINS[0]), new Float32Array(MAX_BINS[1])];
  private readonly phaseWeights = [new Float32Array(MAX_BINS[0]), new Float32Array(MAX_BINS[1])];

  // Output of correlation().
  private pairs = 0;

  constructor(options: Partial<SeasonalOptions> = {}) {
    const o = { ...DEFAULT_SEASONAL, ...options };
    const check = (key: keyof SeasonalOptions, ok: boolean, what: string) => {
      if (!ok) throw new RangeError(`seasonal.${key} must be ${what} (got ${o[key]})`);
    };
    check('threshold', o.threshold > 0 && o.threshold < 1, 'in (0, 1)');
    check('significance', o.significance >= 0 && Number.isFinite(o.significance), 'a finite number ≥ 0');
    for (const key of ['levelAlpha', 'seasonAlpha', 'scaleAlpha'] as const) {
      check(key, o[key] > 0 && o[key] <= 1, 'in (0, 1]');
    }
    check('clip', o.clip > 0 && Number.isFinite(o.clip), 'a finite number > 0');
    check('checkEvery', Number.isInteger(o.checkEvery) && o.checkEvery >= 1, 'a positive integer');
    this.options = o;
  }

  /** The active period in ms (one day or one week), 0 while none is active. */
  get period(): number {
    return this.active === 0 ? 0 : PERIODS[this.active - 1];
  }

  update(t: number, v: number): Reading {
    const reason = invalidPoint(t, v, this.lastT);
    if (reason) return skippedReading(reason);
    if (Number.isNaN(this.step)) {
      if (t > this.lastT) {
        this.steps[this.stepCount++] = t - this.lastT;
        if (this.stepCount === STEP_SAMPLES) this.configure(median(this.steps));
      }
      if (Number.isNaN(this.step)) {
        this.lastT = t;
        return { ...NOT_READY };
      }
    }
    this.lastT = t;
    if (this.bucketMs === 0) return { ...NOT_READY };
    this.addToHistory(t, v);

    const o = this.options;
    const a = this.active - 1;
    let reading: Reading | undefined;
    for (let p = 0; p < 2; p++) {
      const bins = this.bins[p];
      if (bins === 0) continue;
      // Phase position in bins, and the two bins around it.
      const period = PERIODS[p];
      let u = (t % period) / this.binMs[p];
      if (u < 0) u += bins;
      let b0 = Math.floor(u);
      const f = u - b0;
      if (b0 >= bins) b0 -= bins;
      const b1 = b0 + 1 === bins ? 0 : b0 + 1;
      const offsets = this.offsets[p];
      const s = offsets[b0] * (1 - f) + offsets[b1] * f;
      if (Number.isNaN(this.level[p])) {
        this.level[p] = v - s;
        this.learned[p] = 1;
        continue;
      }
      const expected = this.level[p] + s;
      const phaseResidual = this.phaseResidual[p];
      const phaseWeights = this.phaseWeights[p];
      // Each bin's mean miss, shrunk towards the overall one while the bin has seen few points.
      const overall = this.absResidual[p];
      const shrunk = (b: number) =>
        (phaseWeights[b] * phaseResidual[b] + PHASE_PRIOR * overall) / (phaseWeights[b] + PHASE_PRIOR);
      const local = shrunk(b0) * (1 - f) + shrunk(b1) * f;
      const scale = Math.max(
        Math.max(local, LOCAL_SCALE_FLOOR * this.absResidual[p]) * ABS_TO_SIGMA,
        1e-12 * (1 + Math.abs(expected)),
      );
      if (p === a && t - this.learningSince[p] >= period && this.learned[p] * o.scaleAlpha >= 1) {
        reading = bandReading(v, expected, scale);
      }

      // Learn the point.
      const warm = this.learned[p] * o.scaleAlpha >= 1;
      const limit = o.clip * scale;
      const miss = Math.abs(v - expected);
      let r = v - expected;
      if (warm) r = clamp(r, limit);
      this.absResidual[p] += o.scaleAlpha * (Math.abs(r) - this.absResidual[p]);
      this.level[p] += o.levelAlpha * r;
      this.learned[p]++;
      const base = this.baseline[p];
      if (!Number.isNaN(base)) {
        if (Number.isNaN(this.learningSince[p])) this.learningSince[p] = t;
        const x = v - base;
        const weights = this.weights[p];
        const cap = this.weightCap[p];
        const full = cap * o.seasonAlpha; // the weight of one cycle
        for (let k = 0; k < 2; k++) {
          const b = k === 0 ? b0 : b1;
          const w = k === 0 ? 1 - f : f;
          if (w === 0) continue;
          let d = x - offsets[b];
          if (warm && weights[b] >= full) d = clamp(d, limit);
          weights[b] = Math.min(weights[b] + w, cap);
          offsets[b] += (d * w) / weights[b];
          phaseWeights[b] = Math.min(phaseWeights[b] + w, PHASE_MEMORY * cap);
          phaseResidual[b] += ((miss - phaseResidual[b]) * w) / phaseWeights[b];
        }
      }
    }
    return reading ?? { ...NOT_READY };
  }

  /** Fixes the bucket width and the phase bins from the sampling step. */
  private configure(step: number): void {
    this.step = step;
    const hours = BUCKET_HOURS.find((h) => h * HOUR >= 1.5 * step);
    this.bucketMs = hours === undefined ? 0 : hours * HOUR;
    for (let p = 0; p < 2; p++) {
      const period = PERIODS[p];
      const bins = Math.min(MAX_BINS[p], Math.round(period / step));
      this.bins[p] = this.bucketMs > 0 && bins >= MIN_BINS ? bins : 0;
      this.lag[p] = this.bucketMs > 0 ? period / this.bucketMs : 0;
      this.binMs[p] = period / bins;
      this.weightCap[p] = Math.max(1, period / bins / step) / this.options.seasonAlpha;
    }
  }

  /** Adds the point to its history bucket; closing a bucket updates the baselines and may test the periods. */
  private addToHistory(t: number, v: number): void {
    const index = Math.floor(t / this.bucketMs);
    if (Number.isNaN(this.bucket)) this.bucket = index;
    else if (index > this.bucket) {
      this.push(this.bucketSum / this.bucketCount);
      const missing = Math.min(index - this.bucket - 1, HISTORY);
      for (let i = 0; i < missing; i++) this.push(Number.NaN);
      this.bucket = index;
      this.bucketSum = 0;
      this.bucketCount = 0;
      for (let p = 0; p < 2; p++) this.baseline[p] = this.recentMean(this.lag[p]);
      this.sinceCheck += missing + 1;
      if (this.sinceCheck >= this.options.checkEvery) {
        this.sinceCheck = 0;
        this.testPeriods();
      }
    }
    this.bucketSum += v;
    this.bucketCount++;
  }

  private push(value: number): void {
    this.history[this.historyNext] = value;
    this.historyNext = this.historyNext + 1 === HISTORY ? 0 : this.historyNext + 1;
    if (this.historyCount < HISTORY) this.historyCount++;
  }

  /** Mean of the last `lag` buckets, NaN unless three quarters of them have data. */
  private recentMean(lag: number): number {
    if (lag === 0 || this.historyCount < lag) return Number.NaN;
    let sum = 0;
    let count = 0;
    for (let i = 1; i <= lag; i++) {
      const value = this.history[(this.historyNext - i + HISTORY) % HISTORY];
      if (!Number.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    return count * 4 >= lag * 3 ? sum / count : Number.NaN;
  }

  /** Decides which period is active from the autocorrelation of the detrended history. */
  private testPeriods(): void {
    const n = this.historyCount;
    const x = scratchX;
    for (let i = 0; i < n; i++) x[i] = this.history[(this.historyNext - n + i + HISTORY) % HISTORY];
    const threshold = this.options.threshold;
    const lagD = this.lag[0];
    const lagW = this.lag[1];

    let daily = false;
    if (this.bins[0] > 0 && n >= MIN_CYCLES[0] * lagD) {
      detrend(x, n, lagD, scratchD);
      const r = this.correlation(scratchD, n, lagD);
      daily = this.active === 1 ? r >= threshold / 2 : this.starts(r);
    }
    let weekly = false;
    if (this.bins[1] > 0 && n >= MIN_CYCLES[1] * lagW) {
      detrend(x, n, lagW, scratchD);
      const r = this.correlation(scratchD, n, lagW);
      if (this.active === 2) weekly = r >= threshold / 2;
      else if (this.starts(r)) weekly = !daily || r > this.correlation(scratchD, n, lagD) + WEEKLY_MARGIN;
    }
    this.active = weekly ? 2 : daily ? 1 : 0;
  }

  /** Whether an autocorrelation r, over the last `pairs`, is strong and significant enough to activate a period. */
  private starts(r: number): boolean {
    return r >= this.options.threshold && r * Math.sqrt(this.pairs) >= this.options.significance;
  }

  /** Correlation of d[i] with d[i + lag] over the pairs where both exist; sets `pairs`. */
  private correlation(d: Float64Array, n: number, lag: number): number {
    let xy = 0;
    let xx = 0;
    let yy = 0;
    let pairs = 0;
    for (let i = 0; i + lag < n; i++) {
      const a = d[i];
      const b = d[i + lag];
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      xy += a * b;
      xx += a * a;
      yy += b * b;
      pairs++;
    }
    this.pairs = pairs;
    return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
  }

  save(out: StateWriter): void {
    const o = this.options;
    out.u8(TAG);
    out
      .f64(o.threshold)
      .f64(o.significance)
      .f64(o.levelAlpha)
      .f64(o.seasonAlpha)
      .f64(o.scaleAlpha)
      .f64(o.clip);
    out.u32(o.checkEvery);
    out.f64(this.lastT).f64s(this.steps).u32(this.stepCount).f64(this.step);
    out.f64s(this.history).u32(this.historyNext).u32(this.historyCount);
    out.f64(this.bucket).f64(this.bucketSum).u32(this.bucketCount).u32(this.sinceCheck).u8(this.active);
    out
      .f64s(this.baseline)
      .f64s(this.level)
      .f64s(this.absResidual)
      .f64s(this.learned)
      .f64s(this.learningSince);
    for (let p = 0; p < 2; p++) {
      out.f32s(this.offsets[p], this.bins[p]).f32s(this.weights[p], this.bins[p]);
      out.f32s(this.phaseResidual[p], this.bins[p]).f32s(this.phaseWeights[p], this.bins[p]);
    }
  }

  static restore(input: StateReader): SeasonalDetector {
    input.expect(TAG, 'seasonal detector');
    const d = new SeasonalDetector({
      threshold: input.f64(),
      significance: input.f64(),
      levelAlpha: input.f64(),
      seasonAlpha: input.f64(),
      scaleAlpha: input.f64(),
      clip: input.f64(),
      checkEvery: input.u32(),
    });
    d.lastT = input.f64();
    input.f64s(d.steps);
    d.stepCount = input.u32();
    const step = input.f64();
    if (!Number.isNaN(step)) d.configure(step);
    input.f64s(d.history);
    d.historyNext = input.u32();
    d.historyCount = input.u32();
    d.bucket = input.f64();
    d.bucketSum = input.f64();
    d.bucketCount = input.u32();
    d.sinceCheck = input.u32();
    d.active = input.u8();
    for (const array of [d.baseline, d.level, d.absResidual, d.learned, d.learningSince]) input.f64s(array);
    for (let p = 0; p < 2; p++) {
      input.f32s(d.offsets[p]);
      input.f32s(d.weights[p]);
      input.f32s(d.phaseResidual[p]);
      input.f32s(d.phaseWeights[p]);
    }
    return d;
  }
}

function clamp(value: number, limit: number): number {
  return value > limit ? limit : value < -limit ? -limit : value;
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** d[i] = x[i] minus the mean of the `lag` buckets centred on i (NaN near the ends or with too little data). */
function detrend(x: Float64Array, n: number, lag: number, d: Float64Array): void {
  const half = lag >> 1;
  let sum = 0;
  let count = 0;
  for (let j = 0; j < lag && j < n; j++) {
    if (!Number.isNaN(x[j])) {
      sum += x[j];
      count++;
    }
  }
  for (let i = 0; i < n; i++) {
    const start = i - half;
    if (start < 0 || start + lag > n) {
      d[i] = Number.NaN;
      continue;
    }
    if (start > 0) {
      const out = x[start - 1];
      const into = x[start + lag - 1];
      if (!Number.isNaN(out)) {
        sum -= out;
        count--;
      }
      if (!Number.isNaN(into)) {
        sum += into;
        count++;
      }
    }
    d[i] = count * 2 >= lag ? x[i] - sum / count : Number.NaN;
  }
}
