/** Constructed series with known answers for the detectors' tests (not part of the library's exports). */
import { SeededRandom } from '../random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface SeriesSpec {
  /** Number of points. */
  n: number;
  /** Milliseconds between points (default 5 minutes). */
  stepMs?: number;
  /** Timestamp of the first point (default Monday 2024-01-01 00:00 UTC). */
  start?: number;
  /** Level of the series (default 100). */
  base?: number;
  /** Standard deviation of the Gaussian noise (default 1). */
  noise?: number;
  /** Seed of the noise (default 1). */
  seed?: number;
  /** Amplitude of a sine with a period of one day (default 0). */
  daily?: number;
  /** Amplitude of a sine with a period of one week (default 0). */
  weekly?: number;
  /** Change of level per point (default 0). */
  trend?: number;
  /** One-point changes: value += size at index `at`. */
  spikes?: Array<{ at: number; size: number }>;
  /** Lasting changes: value += size from index `at` on. */
  shifts?: Array<{ at: number; size: number }>;
  /** Index ranges [from, to) that are left out of the series (missing points: the timestamps jump). */
  gaps?: Array<[number, number]>;
  /** Adds a random jitter of up to ± this fraction of a step to every timestamp (irregular sampling). */
  jitter?: number;
}

export interface Series {
  t: number[];
  v: number[];
  /** Index in the output arrays of each spike and shift, in the order given (-1 when it fell in a gap). */
  spikeIndex: number[];
  shiftIndex: number[];
}

function gaussian(random: SeededRandom): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

export function makeSeries(spec: SeriesSpec): Series {
  const step = spec.stepMs ?? 5 * MINUTE;
  const start = spec.start ?? Date.UTC(2024, 0, 1);
  const random = new SeededRandom(spec.seed ?? 1);
  const out: Series = { t: [], v: [], spikeIndex: [], shiftIndex: [] };
  const indexOf = new Map<number, number>();
  for (let i = 0; i < spec.n; i++) {
    const noise = gaussian(random) * (spec.noise ?? 1);
    const jitter = spec.jitter ? (random.next() * 2 - 1) * spec.jitter * step : 0;
    if (spec.gaps?.some(([from, to]) => i >= from && i < to)) continue;
    const t = start + i * step + jitter;
    let v = (spec.base ?? 100) + noise + (spec.trend ?? 0) * i;
    if (spec.daily) v += spec.daily * Math.sin((2 * Math.PI * (t - start)) / DAY);
    if (spec.weekly) v += spec.weekly * Math.sin((2 * Math.PI * (t - start)) / (7 * DAY));
    for (const spike of spec.spikes ?? []) if (spike.at === i) v += spike.size;
    for (const shift of spec.shifts ?? []) if (i >= shift.at) v += shift.size;
    indexOf.set(i, out.t.length);
    out.t.push(t);
    out.v.push(v);
  }
  out.spikeIndex = (spec.spikes ?? []).map((s) => indexOf.get(s.at) ?? -1);
  out.shiftIndex = (spec.shifts ?? []).map((s) => indexOf.get(s.at) ?? -1);
  return out;
}
