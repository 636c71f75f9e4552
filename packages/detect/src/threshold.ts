/**
 * Adaptive threshold: how far beyond its own usual extremes is this series' evidence right now?
 *
 * The ensemble's evidence arrives as log2(1 + robust σ). Each series keeps an exponentially decaying
 * histogram of its own evidence (bins of 0.1, half-life `halfLife` points) and reads from it the level that
 * only a fraction `quantile` of recent points exceeded — this series' "normal extreme". The excess of the current
 * evidence over that level, in doublings, is what an alert is about: a series that is always noisy has a high
 * normal extreme and needs a stronger deviation than a quiet one, with no per-series tuning. The idea follows the
 * anomaly likelihood of Ahmad et al. (Neurocomputing 262, 2017), with an empirical quantile in place of their
 * normal model, because evidence distributions are heavy-tailed.
 *
 * Cost: O(1) to learn a point, O(bins) = 200 steps to read the quantile. Memory: 200 doubles.
 */
import type { StateReader, StateWriter } from './state.js';

const TAG = 0x54;
const BIN_WIDTH = 0.1;
const BINS = 200;
/** Weights grow instead of old counts decaying; they are rescaled before they can overflow. */
const RESCALE_AT = 1e150;

export interface ThresholdOptions {
  /** Points for the weight of past evidence to halve (default 2,000: about a week at 5 minutes). */
  halfLife: number;
  /** Share of recent points allowed above the normal extreme (default 0.005: one in 200). */
  quantile: number;
  /** Points needed before any excess is reported (default 300). */
  minHistory: number;
}

export const DEFAULT_THRESHOLD: ThresholdOptions = { halfLife: 2000, quantile: 0.005, minHistory: 300 };

export class AdaptiveThreshold {
  readonly options: ThresholdOptions;
  private readonly bins = new Float64Array(BINS);
  private readonly growth: number;
  private weight = 1;
  private total = 0;
  private count = 0;

  constructor(options: Partial<ThresholdOptions> = {}) {
    const o = { ...DEFAULT_THRESHOLD, ...options };
    if (!(Number.isFinite(o.halfLife) && o.halfLife >= 10))
      throw new RangeError('threshold.halfLife must be >= 10 points');
    if (!(o.quantile > 0 && o.quantile < 0.5)) throw new RangeError('threshold.quantile must be in (0, 0.5)');
    if (!(Number.isInteger(o.minHistory) && o.minHistory >= 1)) {
      throw new RangeError('threshold.minHistory must be a positive integer');
    }
    this.options = o;
    this.growth = 2 ** (1 / o.halfLife);
  }

  /** This series' normal extreme: the evidence level only `quantile` of recent points exceeded (NaN early on). */
  level(): number {
    if (this.count < this.options.minHistory) return Number.NaN;
    const above = this.options.quantile * this.total;
    let sum = 0;
    for (let b = BINS - 1; b >= 0; b--) {
      const next = sum + this.bins[b];
      if (next >= above && this.bins[b] > 0) {
        // Linear interpolation inside the bin: the level sits where the remaining share is reached.
        const inside = (above - sum) / this.bins[b];
        return (b + 1 - inside) * BIN_WIDTH;
      }
      sum = next;
    }
    return 0;
  }

  /** The excess of `evidence` over the normal extreme (0 when below it or too early), then learns it. */
  update(evidence: number): number {
    const level = this.level();
    this.learn(evidence);
    return Number.isNaN(level) ? 0 : Math.max(0, evidence - level);
  }

  /** Adds `evidence` to the history. */
  learn(evidence: number): void {
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(evidence / BIN_WIDTH)));
    this.bins[bin] += this.weight;
    this.total += this.weight;
    this.count++;
    this.weight *= this.growth;
    if (this.weight > RESCALE_AT) {
      const scale = 1 / this.weight;
      for (let b = 0; b < BINS; b++) this.bins[b] *= scale;
      this.total *= scale;
      this.weight = 1;
    }
  }

  save(out: StateWriter): void {
    const o = this.options;
    out.u8(TAG).f64(o.halfLife).f64(o.quantile).u32(o.minHistory);
    out.f64s(this.bins).f64(this.weight).f64(this.total).u32(this.count);
  }

  static restore(input: StateReader): AdaptiveThreshold {
    input.expect(TAG, 'adaptive threshold');
    const threshold = new AdaptiveThreshold({
      halfLife: input.f64(),
      quantile: input.f64(),
      minHistory: input.u32(),
    });
    input.f64s(threshold.bins);
    threshold.weight = input.f64();
    threshold.total = input.f64();
    threshold.count = input.u32();
    return threshold;
  }
}

/**
 * An adaptive threshold that starts over when what its evidence measures changes (the ensemble's model of normal),
 * while the previous history stands in until the new one has `minHistory` points to say what is usual.
 */
export class RestartableThreshold {
  private current: AdaptiveThreshold;
  private previous: AdaptiveThreshold | undefined;

  constructor(options: Partial<ThresholdOptions> = {}) {
    this.current = new AdaptiveThreshold(options);
  }

  /** Starts a new history; the current one stands in until the new one is long enough. */
  restart(): void {
    this.previous = this.current;
    this.current = new AdaptiveThreshold(this.current.options);
  }

  /** The normal extreme before `evidence` (the previous history's while the new one is young; NaN early), then learns it. */
  levelThenLearn(evidence: number): number {
    let level = this.current.level();
    if (Number.isNaN(level) && this.previous) level = this.previous.level();
    else this.previous = undefined;
    this.current.learn(evidence);
    return level;
  }

  save(out: StateWriter): void {
    this.current.save(out);
    out.bool(this.previous !== undefined);
    this.previous?.save(out);
  }

  static restore(input: StateReader): RestartableThreshold {
    const current = AdaptiveThreshold.restore(input);
    const threshold = new RestartableThreshold(current.options);
    threshold.current = current;
    if (input.bool()) threshold.previous = AdaptiveThreshold.restore(input);
    return threshold;
  }
}
