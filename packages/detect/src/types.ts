import { deviationScore } from './math.js';

/** The five streaming detectors of the ensemble. */
export type DetectorKind = 'robust-z' | 'seasonal' | 'forecast' | 'isolation-forest' | 'change-point';

/**
 * What one detector says about one point. It is computed from the state built on the points before this one,
 * then the detector learns the point.
 */
export interface Reading {
  /** Evidence that the point is abnormal, in [0, 1]: 0 normal, 1 certainly abnormal. 0 while not ready. */
  score: number;
  /** Signed distance of the value from what the detector expected, in robust standard deviations (0 when not ready). */
  deviation: number;
  /** The value the detector expected here (NaN when it has no point forecast, e.g. the isolation forest). */
  expected: number;
  /** Lower and upper edge of the normal band around `expected` (NaN when none). */
  lower: number;
  upper: number;
  /** False while the detector is still learning the series (warm-up); a detector that is not ready does not vote. */
  ready: boolean;
  /** Set when the point was not used: why (a value that is not a finite number, a timestamp that goes back). */
  skipped?: string;
}

/** A streaming detector of one series: bounded memory, scores each point from the points before it. */
export interface Detector {
  readonly kind: DetectorKind;
  /**
   * Scores the point from the state before it, then learns it.
   * `t` is milliseconds since the epoch and never decreases between calls (equal timestamps are allowed);
   * `v` is finite. The ensemble guarantees both: a detector may assume them.
   */
  update(t: number, v: number): Reading;
  /** Writes the complete state, so that the restored detector gives bit-identical readings. */
  save(out: import('./state.js').StateWriter): void;
}

export const NOT_READY: Readonly<Reading> = Object.freeze({
  score: 0,
  deviation: 0,
  expected: Number.NaN,
  lower: Number.NaN,
  upper: Number.NaN,
  ready: false,
});

/** The reading of a point that was skipped, with the reason; the detector's state is unchanged. */
export function skippedReading(reason: string): Reading {
  return { ...NOT_READY, skipped: reason };
}

/**
 * Why a point cannot be used, or undefined when it can: the value and timestamp must be finite numbers and the
 * timestamp must not be earlier than the previous point's (`lastT`, NaN before the first point).
 */
export function invalidPoint(t: number, v: number, lastT: number): string | undefined {
  if (!Number.isFinite(v)) return `value ${v} is not a finite number`;
  if (!Number.isFinite(t)) return `timestamp ${t} is not a finite number`;
  if (t < lastT) return `timestamp ${new Date(t).toISOString()} is earlier than the previous point's`;
  return undefined;
}

/**
 * The reading of a model that expected `expected` with a normal spread of `scale` (one robust σ): the deviation in
 * σ, its score, and the ±3σ band.
 */
export function bandReading(value: number, expected: number, scale: number): Reading {
  const deviation = (value - expected) / scale;
  return {
    score: deviationScore(deviation),
    deviation,
    expected,
    lower: expected - 3 * scale,
    upper: expected + 3 * scale,
    ready: true,
  };
}
