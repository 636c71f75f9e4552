/** Numeric helpers shared by the detectors. */

/** Scale that turns a median absolute deviation into a standard deviation for normal data. */
export const MAD_TO_SIGMA = 1.4826;
/** E|X| = σ·√(2/π) for a normal X: a mean absolute deviation times this is a standard deviation. */
export const ABS_TO_SIGMA = Math.sqrt(Math.PI / 2);

/**
 * A scale (σ) never below 1e-9 of the level it is measured around, nor below 1e-12: a constant series never divides
 * by zero, and a large level's rounding noise is not read as a deviation.
 */
export function flooredScale(sigma: number, level: number): number {
  return Math.max(sigma, 1e-9 * Math.abs(level), 1e-12);
}

const ERFC_COEFFICIENTS = [
  -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
  3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6,
  1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10,
  9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15,
  -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

/**
 * Complementary error function, erfc(x) = 1 - erf(x), with relative error below 1.2e-7 everywhere
 * (Chebyshev fit, Numerical Recipes 3rd ed. §6.2.2).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COEFFICIENTS.length - 1; j > 0; j--) {
    const previous = d;
    d = ty * d - dd + ERFC_COEFFICIENTS[j];
    dd = previous;
  }
  const result = t * Math.exp(-z * z + 0.5 * (ERFC_COEFFICIENTS[0] + ty * d) - dd);
  return x >= 0 ? result : 2 - result;
}

/** Probability that a standard normal variable exceeds |z| in either direction: 2·Q(|z|). */
export function twoSidedTail(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** Upper-tail probability Q(z) of the standard normal distribution. */
export function upperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * The usual way a detector turns a deviation in standard deviations into a score in [0, 1]: the probability mass
 * of a normal distribution within ±|z|, so 1σ → 0.68, 3σ → 0.997.
 */
export function deviationScore(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 0 : 1;
  return 1 - twoSidedTail(z);
}

/** Index of the first entry of sorted[0..count) that is >= value (binary search). */
export function lowerBound(sorted: Float64Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts value into sorted[0..count) keeping it sorted; the caller guarantees room for one more. */
export function sortedInsert(sorted: Float64Array, count: number, value: number): void {
  const at = lowerBound(sorted, count, value);
  sorted.copyWithin(at + 1, at, count);
  sorted[at] = value;
}

/** Removes one occurrence of value from sorted[0..count); returns false when it is not there. */
export function sortedRemove(sorted: Float64Array, count: number, value: number): boolean {
  const at = lowerBound(sorted, count, value);
  if (at >= count || sorted[at] !== value) return false;
  sorted.copyWithin(at, at + 1, count);
  return true;
}

/** Quantile (0..1, linear interpolation) of sorted[0..count). */
export function sortedQuantile(sorted: Float64Array, count: number, q: number): number {
  if (count === 0) return Number.NaN;
  const position = q * (count - 1);
  const below = Math.floor(position);
  const above = Math.min(count - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
