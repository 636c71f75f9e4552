/**
 * Isolation-forest detector, after Liu, Ting & Zhou, "Isolation Forest", ICDM 2008: points that random axis-parallel
 * splits isolate in few steps are anomalies. The forest is grown on the feature vectors of recent points and
 * rebuilt every `retrainEvery` points, so it follows the series.
 *
 * Features of a point, in units of a running robust scale σ (1.2533 × the EW mean absolute value of v − EWMA,
 * clipped at ±4σ once warm), so a forest grown last week reads today's volatility the same way:
 *   0. (v − slow EWMA, α = 0.005) / σ   the value against its long-run level
 *   1. (v − previous value) / σ         the step
 *   2. (v − EWMA, α = 2/21) / σ         the departure from the last ~20 points
 *   3. (mean of the last 5 values − EWMA) / σ   a short burst or a new level
 * Stored as f32 in a ring of the last `sampleWindow` vectors. Each tree is grown on `subsample` vectors drawn
 * without replacement with the seeded generator, to the depth limit ⌈log2 subsample⌉; a node splits a feature
 * picked at random (the next one when it is constant in the node) at a uniform point between its minimum and
 * maximum there.
 * Trees are stored as heaps (children of node i at 2i+1, 2i+2) in flat typed arrays: feature Int8Array (−1 for a
 * leaf) and value Float32Array (the split, or the leaf's size). Saved in pre-order, only the nodes that exist.
 *
 * Beyond the sample's range. A plain isolation tree cannot tell a point just past the largest sampled value from
 * one far past it: both follow the same branches to the leaf of the largest values. So, as if x had been in the
 * sample, at each node on its path whose feature f has x outside the node's box (the range of f over the ring
 * when the forest was grown, narrowed by the splits above), x is taken as isolated there with the probability that
 * a uniform split over the range stretched to x falls between the box and x: excess / (excess + box width).
 * A leaf of more than two vectors counts as one more such node, its feature at random (a forest grown on a
 * constant series is a single leaf, yet a jump must stand out). E[h] sums depth + 1 weighted by these
 * probabilities, and depth + c(leaf size) for the rest; for points within the range this is exactly Liu et al.'s
 * h(x). It lifts 10σ spikes from s ≈ 0.72 to s ≈ 0.84 in unit noise while ordinary points barely move.
 *
 * Score. s = 2^(−E[h(x)] / c(ψ)) of the current point, scored before it joins the sample, with c(n) = 2H(n−1) −
 * 2(n−1)/n. With these features the median ordinary point has s ≈ 0.44, the 99th percentile 0.65–0.70 (white
 * noise, jitter, gaps, a slow sine), 10σ spikes and level shifts 0.82–0.87. Reading score =
 * clamp((s − 0.65) / 0.2, 0, 1): ordinary points read 0 up to their 97th–99th percentile and at most ≈ 0.27 at
 * the 99th; those anomalies read 0.85–1. The ensemble's likelihood layer calibrates it further per series.
 * deviation = (v − EWMA) / σ gives the direction, expected = EWMA, no band (lower/upper NaN). Ready once the
 * first forest is grown (`minPoints` feature vectors).
 *
 * Cost: O(trees · depth) to score a point, O(trees · subsample · depth) per retraining, amortised over
 * `retrainEvery` points: ≈ 3 µs a point with the defaults. State with the defaults: at most ≈ 24.6 KB (every tree
 * full), typically 11–14 KB.
 */

import { ABS_TO_SIGMA } from '../math.js';
import { SeededRandom } from '../random.js';
import type { StateReader, StateWriter } from '../state.js';
import { type Detector, invalidPoint, NOT_READY, type Reading, skippedReading } from '../types.js';

const TAG = 0x49;
const FEATURES = 4;
const FAST_ALPHA = 2 / 21;
const SLOW_ALPHA = 0.005;
const SCALE_ALPHA = 0.02;
const SCALE_CLIP = 4;
/** Raw isolation score that reads 0, and the span above it that reads 1 (see the header). */
const RAW_ZERO = 0.65;
const RAW_SPAN = 0.2;
/** Values kept for the 5-point rolling mean, besides the current one. */
const RECENT = 4;

export interface IsolationForestOptions {
  /** Number of trees (default 32, at most 128). */
  trees: number;
  /** Feature vectors each tree is grown on, ψ (default 64, 4 to 256). */
  subsample: number;
  /** Recent feature vectors the subsamples are drawn from (default 256, subsample to 4,096). */
  sampleWindow: number;
  /** Points between two rebuilds of the forest (default 128). */
  retrainEvery: number;
  /** Feature vectors needed before the first forest is grown (default 64, 4 to sampleWindow). */
  minPoints: number;
  /** Seed of the generator that draws the subsamples and the splits (default 1, a 32-bit unsigned integer). */
  seed: number;
}

export const DEFAULT_ISOLATION_FOREST: IsolationForestOptions = {
  trees: 32,
  subsample: 64,
  sampleWindow: 256,
  retrainEvery: 128,
  minPoints: 64,
  seed: 1,
};

export class IsolationForestDetector implements Detector {
  readonly kind = 'isolation-forest' as const;
  readonly options: IsolationForestOptions;

  private lastT = Number.NaN;
  private count = 0;
  private sinceTrain = 0;
  private previous = Number.NaN;
  private fast = Number.NaN;
  private slow = Number.NaN;
  private absDeviation = 0;
  private readonly recent = new Float64Array(RECENT);
  private recentNext = 0;

  private readonly ring: Float32Array;
  private ringNext = 0;
  private ringCount = 0;

  private readonly random: SeededRandom;
  /** Subsample size of the current forest, 0 before the first one. */
  private psi = 0;
  /** Range of each feature over the ring when the forest was grown. */
  private readonly low = new Float32Array(FEATURES);
  private readonly high = new Float32Array(FEATURES);
  private readonly nodesPerTree: number;
  private readonly feature: Int8Array;
  private readonly value: Float32Array;

  // Scratch (not state): the current point's features, sample indices, c(n) by n.
  private readonly point = new Float32Array(FEATURES);
  private readonly boxLow = new Float64Array(FEATURES);
  private readonly boxHigh = new Float64Array(FEATURES);
  private readonly order: Uint16Array;
  private readonly sample: Uint16Array;
  private readonly average: Float64Array;

  constructor(options: Partial<IsolationForestOptions> = {}) {
    const o = { ...DEFAULT_ISOLATION_FOREST, ...options };
    const integer = (key: keyof IsolationForestOptions, min: number, max: number) => {
      const value = o[key];
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(
          `isolationForest.${key} must be an integer from ${min} to ${max} (got ${value})`,
        );
      }
    };
    integer('trees', 1, 128);
    integer('subsample', 4, 256);
    integer('sampleWindow', o.subsample, 4096);
    integer('retrainEvery', 1, 1_000_000);
    integer('minPoints', 4, o.sampleWindow);
    integer('seed', 0, 0xffffffff);
    this.options = o;
    this.ring = new Float32Array(o.sampleWindow * FEATURES);
    this.random = new SeededRandom(o.seed);
    this.nodesPerTree = 2 ** (Math.ceil(Math.log2(o.subsample)) + 1) - 1;
    this.feature = new Int8Array(o.trees * this.nodesPerTree);
    this.value = new Float32Array(o.trees * this.nodesPerTree);
    this.order = new Uint16Array(o.sampleWindow);
    this.sample = new Uint16Array(o.subsample);
    this.average = new Float64Array(o.subsample + 1);
    let harmonic = 0; // H(n − 1)
    for (let n = 2; n <= o.subsample; n++) {
      harmonic += 1 / (n - 1);
      this.average[n] = 2 * harmonic - (2 * (n - 1)) / n;
    }
  }

  update(t: number, v: number): Reading {
    const reason = invalidPoint(t, v, this.lastT);
    if (reason) return skippedReading(reason);
    this.lastT = t;
    if (this.count === 0) {
      this.previous = this.fast = this.slow = v;
      this.recent[this.recentNext] = v;
      this.recentNext = (this.recentNext + 1) % RECENT;
      this.count = 1;
      return { ...NOT_READY };
    }

    const scale = Math.max(this.absDeviation * ABS_TO_SIGMA, 1e-12 * (1 + Math.abs(this.fast)));
    const filled = Math.min(this.count, RECENT);
    let sum = v;
    for (let i = 0; i < filled; i++) sum += this.recent[i];
    const departure = v - this.fast;
    const x = this.point;
    x[0] = bounded((v - this.slow) / scale);
    x[1] = bounded((v - this.previous) / scale);
    x[2] = bounded(departure / scale);
    x[3] = bounded((sum / (filled + 1) - this.fast) / scale);

    let reading: Reading = { ...NOT_READY };
    if (this.psi > 0) {
      const s = this.rawScore(x);
      reading = {
        score: Math.min(Math.max((s - RAW_ZERO) / RAW_SPAN, 0), 1),
        deviation: departure / scale,
        expected: this.fast,
        lower: Number.NaN,
        upper: Number.NaN,
        ready: true,
      };
    }

    // Learn the point.
    const at = this.ringNext * FEATURES;
    for (let f = 0; f < FEATURES; f++) this.ring[at + f] = x[f];
    this.ringNext = this.ringNext + 1 === this.options.sampleWindow ? 0 : this.ringNext + 1;
    if (this.ringCount < this.options.sampleWindow) this.ringCount++;
    const size = this.count > 20 ? Math.min(Math.abs(departure), SCALE_CLIP * scale) : Math.abs(departure);
    this.absDeviation += SCALE_ALPHA * (size - this.absDeviation);
    this.fast += FAST_ALPHA * departure;
    this.slow += SLOW_ALPHA * (v - this.slow);
    this.previous = v;
    this.recent[this.recentNext] = v;
    this.recentNext = (this.recentNext + 1) % RECENT;
    this.count++;
    this.sinceTrain++;
    if (
      this.psi === 0 ? this.ringCount >= this.options.minPoints : this.sinceTrain >= this.options.retrainEvery
    ) {
      this.train();
    }
    return reading;
  }

  /**
   * The isolation score 2^(−E[h(x)] / c(ψ)) of a feature vector under the current forest, with path lengths
   * extended beyond the sample's range (see the header).
   */
  private rawScore(x: Float32Array): number {
    const { feature, value, nodesPerTree, low, high, boxLow, boxHigh } = this;
    let total = 0;
    for (let tree = 0; tree < this.options.trees; tree++) {
      const root = tree * nodesPerTree;
      for (let f = 0; f < FEATURES; f++) {
        boxLow[f] = low[f];
        boxHigh[f] = high[f];
      }
      let node = 0;
      let depth = 0;
      let alive = 1; // probability that x is not isolated above this node
      let path = 0;
      for (let f = feature[root]; f >= 0; f = feature[root + node]) {
        const split = value[root + node];
        const xf = x[f];
        const excess = xf > boxHigh[f] ? xf - boxHigh[f] : xf < boxLow[f] ? boxLow[f] - xf : 0;
        if (excess > 0) {
          const isolated = excess / (excess + boxHigh[f] - boxLow[f]);
          path += alive * isolated * (depth + 1);
          alive *= 1 - isolated;
        }
        if (xf < split) {
          node = 2 * node + 1;
          if (split < boxHigh[f]) boxHigh[f] = split;
        } else {
          node = 2 * node + 2;
          if (split > boxLow[f]) boxLow[f] = split;
        }
        depth++;
      }
      // A leaf of more than two vectors would be split further: x outside its box would likely be cut off next.
      const size = value[root + node] | 0;
      if (size > 2) {
        let isolated = 0;
        for (let f = 0; f < FEATURES; f++) {
          const xf = x[f];
          const excess = xf > boxHigh[f] ? xf - boxHigh[f] : xf < boxLow[f] ? boxLow[f] - xf : 0;
          if (excess > 0) isolated += excess / (excess + boxHigh[f] - boxLow[f]) / FEATURES;
        }
        path += alive * isolated * (depth + 1);
        alive *= 1 - isolated;
      }
      total += path + alive * (depth + this.average[size]);
    }
    return 2 ** (-total / this.options.trees / this.average[this.psi]);
  }

  /** Grows a new forest on subsamples of the ring. */
  private train(): void {
    this.sinceTrain = 0;
    const n = this.ringCount;
    const psi = Math.min(this.options.subsample, n);
    this.psi = psi;
    this.low.fill(Number.POSITIVE_INFINITY);
    this.high.fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < n * FEATURES; i++) {
      const f = i % FEATURES;
      if (this.ring[i] < this.low[f]) this.low[f] = this.ring[i];
      if (this.ring[i] > this.high[f]) this.high[f] = this.ring[i];
    }
    const limit = Math.ceil(Math.log2(psi));
    const order = this.order;
    for (let i = 0; i < n; i++) order[i] = i;
    for (let tree = 0; tree < this.options.trees; tree++) {
      // A partial Fisher–Yates shuffle draws psi distinct vectors (any permutation is a fine starting point).
      for (let i = 0; i < psi; i++) {
        const j = i + this.random.int(n - i);
        const chosen = order[j];
        order[j] = order[i];
        order[i] = chosen;
        this.sample[i] = chosen;
      }
      this.grow(tree * this.nodesPerTree, 0, 0, psi, 0, limit);
    }
  }

  private grow(root: number, node: number, lo: number, hi: number, depth: number, limit: number): void {
    const at = root + node;
    const size = hi - lo;
    const { ring, sample } = this;
    if (depth < limit && size > 1) {
      // A feature at random; when it is constant in this node, the next one that varies.
      const first = this.random.int(FEATURES);
      for (let k = 0; k < FEATURES; k++) {
        const f = (first + k) % FEATURES;
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        for (let i = lo; i < hi; i++) {
          const x = ring[sample[i] * FEATURES + f];
          if (x < min) min = x;
          if (x > max) max = x;
        }
        if (!(max > min)) continue;
        let split = Math.fround(min + this.random.next() * (max - min));
        if (!(split > min)) split = max;
        // Partition: values below the split first.
        let mid = lo;
        for (let i = lo; i < hi; i++) {
          if (ring[sample[i] * FEATURES + f] < split) {
            const swap = sample[i];
            sample[i] = sample[mid];
            sample[mid++] = swap;
          }
        }
        this.feature[at] = f;
        this.value[at] = split;
        this.grow(root, 2 * node + 1, lo, mid, depth + 1, limit);
        this.grow(root, 2 * node + 2, mid, hi, depth + 1, limit);
        return;
      }
    }
    this.feature[at] = -1;
    this.value[at] = size;
  }

  save(out: StateWriter): void {
    const o = this.options;
    out.u8(TAG);
    out.u32(o.trees).u32(o.subsample).u32(o.sampleWindow).u32(o.retrainEvery).u32(o.minPoints).u32(o.seed);
    out.f64(this.lastT).f64(this.count).u32(this.sinceTrain);
    out.f64(this.previous).f64(this.fast).f64(this.slow).f64(this.absDeviation);
    out.f64s(this.recent).u32(this.recentNext);
    out
      .f32s(this.ring, this.ringCount * FEATURES)
      .u32(this.ringNext)
      .u32(this.ringCount);
    out.u32(this.random.state).u32(this.psi).f32s(this.low).f32s(this.high);
    if (this.psi === 0) return;
    // The trees in pre-order, only the nodes that exist: the features (+1, so a leaf is 0), then the values.
    const values = new Float32Array(this.feature.length);
    let count = 0;
    const walk = (root: number, node: number): void => {
      const f = this.feature[root + node];
      out.u8(f + 1);
      values[count++] = this.value[root + node];
      if (f >= 0) {
        walk(root, 2 * node + 1);
        walk(root, 2 * node + 2);
      }
    };
    for (let tree = 0; tree < o.trees; tree++) walk(tree * this.nodesPerTree, 0);
    out.f32s(values, count);
  }

  static restore(input: StateReader): IsolationForestDetector {
    input.expect(TAG, 'isolation-forest detector');
    const d = new IsolationForestDetector({
      trees: input.u32(),
      subsample: input.u32(),
      sampleWindow: input.u32(),
      retrainEvery: input.u32(),
      minPoints: input.u32(),
      seed: input.u32(),
    });
    d.lastT = input.f64();
    d.count = input.f64();
    d.sinceTrain = input.u32();
    d.previous = input.f64();
    d.fast = input.f64();
    d.slow = input.f64();
    d.absDeviation = input.f64();
    input.f64s(d.recent);
    d.recentNext = input.u32();
    input.f32s(d.ring);
    d.ringNext = input.u32();
    d.ringCount = input.u32();
    d.random.state = input.u32();
    d.psi = input.u32();
    input.f32s(d.low);
    input.f32s(d.high);
    if (d.psi === 0) return d;
    const features = new Int8Array(d.feature.length);
    let nodes = 0;
    const mark = (): void => {
      const f = input.u8() - 1;
      features[nodes++] = f;
      if (f >= 0) {
        mark();
        mark();
      }
    };
    for (let tree = 0; tree < d.options.trees; tree++) mark();
    const values = input.f32s(new Float32Array(nodes));
    let next = 0;
    const place = (root: number, node: number): void => {
      const f = features[next];
      d.feature[root + node] = f;
      d.value[root + node] = values[next++];
      if (f >= 0) {
        place(root, 2 * node + 1);
        place(root, 2 * node + 2);
      }
    };
    for (let tree = 0; tree < d.options.trees; tree++) place(tree * d.nodesPerTree, 0);
    return d;
  }
}

/** Features are kept within ±1e9 σ, so they stay finite as f32 (a jump in a constant series is still far out). */
function bounded(z: number): number {
  return z > 1e9 ? 1e9 : z < -1e9 ? -1e9 : z;
}
