/**
 * Robust z-score detector: how far is the value from the median of the last `window` values, in robust standard
 * deviations?
 *
 *   expected = median(window)    scale = max(1.4826 · MAD, 1e-9 · |median|, 1e-12)
 *   deviation = (v − expected) / scale    score = deviationScore(deviation)    band = expected ± 3 · scale
 *
 * MAD = median |x − median| over the window (Rousseeuw & Croux, "Alternatives to the median absolute deviation",
 * JASA 88(424), 1993; 1.4826 makes it a standard deviation for normal data). When more than half the window holds
 * the same value the MAD is 0; then the scale is 1.2533 (√(π/2)) × the mean absolute deviation from the median
 * (the fallback of Iglewicz & Hoaglin's modified z-score), and for a constant window the small floors above, so a
 * change after a constant stretch gives a very large but finite deviation, never NaN or Infinity.
 *
 * Data structures: a ring buffer of the window in arrival order plus the same values sorted (Float64Arrays of
 * `window` entries). A new value replaces the oldest one in the sorted copy with two binary searches and one
 * memmove of the entries between their positions. The median is read off the sorted copy; the MAD is computed
 * EXACTLY on every point in O(log n): the absolute deviations below and above the median are two sorted sequences
 * (read off the sorted window from the middle outward), and the MAD is the middle of their union, found by the
 * classical binary search for the k-th smallest element of two sorted arrays. Cost per point: O(log window) plus
 * the memmove (on average a third of the window); the mean-absolute-deviation fallback scans only the values that
 * differ from the median (fewer than half the window), and only when the MAD is 0. Memory: 2 × `window` doubles.
 */
import { ABS_TO_SIGMA, flooredScale, lowerBound, MAD_TO_SIGMA } from '../math.js';
import { StateError, type StateReader, type StateWriter } from '../state.js';
import {
  bandReading,
  type Detector,
  invalidPoint,
  NOT_READY,
  type Reading,
  skippedReading,
} from '../types.js';

const TAG = 0x52;
const MAX_WINDOW = 1_000_000;

export interface RobustZOptions {
  /** Number of most recent values the median and MAD are taken over (default 288: one day at 5 minutes). */
  window: number;
  /** Values learned before the detector gives readings (default 30; at most `window`). */
  minPoints: number;
}

export const DEFAULT_ROBUST_Z: RobustZOptions = { window: 288, minPoints: 30 };

export class RobustZDetector implements Detector {
  readonly kind = 'robust-z' as const;
  readonly options: RobustZOptions;

  private lastT = Number.NaN;
  /** The window in arrival order; `next` is where the next value goes (the oldest one once full). */
  private readonly ring: Float64Array;
  /** The same values sorted ascending in sorted[0..count). */
  private readonly sorted: Float64Array;
  private next = 0;
  private count = 0;

  constructor(options: Partial<RobustZOptions> = {}) {
    const o = { ...DEFAULT_ROBUST_Z, ...options };
    if (!(Number.isInteger(o.window) && o.window >= 3 && o.window <= MAX_WINDOW)) {
      throw new RangeError(`robustZ.window must be an integer from 3 to ${MAX_WINDOW} (got ${o.window})`);
    }
    if (!(Number.isInteger(o.minPoints) && o.minPoints >= 1 && o.minPoints <= o.window)) {
      throw new RangeError(
        `robustZ.minPoints must be an integer from 1 to window (${o.window}) (got ${o.minPoints})`,
      );
    }
    this.options = o;
    this.ring = new Float64Array(o.window);
    this.sorted = new Float64Array(o.window);
  }

  update(t: number, v: number): Reading {
    const reason = invalidPoint(t, v, this.lastT);
    if (reason) return skippedReading(reason);
    this.lastT = t;
    let reading: Reading;
    if (this.count >= this.options.minPoints) {
      const expected = this.median();
      const scale = this.scale(expected);
      reading = bandReading(v, expected, scale);
    } else reading = { ...NOT_READY };
    this.learn(v);
    return reading;
  }

  private learn(v: number): void {
    const sorted = this.sorted;
    const window = this.ring.length;
    if (this.count < window) {
      const at = lowerBound(sorted, this.count, v);
      sorted.copyWithin(at + 1, at, this.count);
      sorted[at] = v;
      this.count++;
    } else {
      // Replace the oldest value by v in one move: shift the entries between the two positions by one.
      const from = lowerBound(sorted, window, this.ring[this.next]);
      const to = lowerBound(sorted, window, v);
      if (to > from) {
        sorted.copyWithin(from, from + 1, to);
        sorted[to - 1] = v;
      } else {
        sorted.copyWithin(to + 1, to, from);
        sorted[to] = v;
      }
    }
    this.ring[this.next] = v;
    this.next = this.next + 1 === window ? 0 : this.next + 1;
  }

  private median(): number {
    const n = this.count;
    const half = n >> 1;
    return n & 1 ? this.sorted[half] : 0.5 * (this.sorted[half - 1] + this.sorted[half]);
  }

  /** 1.4826 · MAD, or the fallbacks described in the header when the MAD is 0. */
  private scale(median: number): number {
    const s = this.sorted;
    const n = this.count;
    const p = n >> 1;
    // Deviations below the median: A(i) = median − s[p − 1 − i], i < p; above: B(j) = s[p + j] − median, j < n − p.
    // Both ascend; the MAD is the middle of their union. k: index (0-based) of the lower middle element.
    const k = (n - 1) >> 1;
    const b = n - p;
    let lo = Math.max(0, k + 1 - b);
    let hi = Math.min(k + 1, p);
    // Smallest i (taken from A among the k + 1 smallest) with B(k − i) <= A(i).
    while (lo < hi) {
      const i = (lo + hi) >>> 1;
      if (s[p + k - i] - median <= median - s[p - 1 - i]) hi = i;
      else lo = i + 1;
    }
    const j = k + 1 - lo;
    const lastA = lo > 0 ? median - s[p - lo] : Number.NEGATIVE_INFINITY;
    const lastB = j > 0 ? s[p + j - 1] - median : Number.NEGATIVE_INFINITY;
    let mad = Math.max(lastA, lastB);
    if ((n & 1) === 0) {
      // Even count: the MAD is the mean of the k-th and (k + 1)-th smallest deviations.
      const nextA = lo < p ? median - s[p - 1 - lo] : Number.POSITIVE_INFINITY;
      const nextB = j < b ? s[p + j] - median : Number.POSITIVE_INFINITY;
      mad = 0.5 * (mad + Math.min(nextA, nextB));
    }
    let scale = MAD_TO_SIGMA * mad;
    if (!(scale > 0)) {
      let sum = 0;
      for (let i = 0; i < n && s[i] < median; i++) sum += median - s[i];
      for (let i = n - 1; i >= 0 && s[i] > median; i--) sum += s[i] - median;
      scale = (ABS_TO_SIGMA * sum) / n;
    }
    return flooredScale(scale, median);
  }

  save(out: StateWriter): void {
    out.u8(TAG).u32(this.options.window).u32(this.options.minPoints);
    out.f64(this.lastT).u32(this.next).u32(this.count);
    out.f64s(this.ring, this.count).f64s(this.sorted, this.count);
  }

  static restore(input: StateReader): RobustZDetector {
    input.expect(TAG, 'robust-z detector');
    const detector = new RobustZDetector({ window: input.u32(), minPoints: input.u32() });
    detector.lastT = input.f64();
    detector.next = input.u32();
    detector.count = input.u32();
    const window = detector.ring.length;
    if (detector.next >= window || detector.count > window)
      throw new StateError('state is corrupt: robust-z window');
    input.f64s(detector.ring);
    input.f64s(detector.sorted);
    return detector;
  }
}
