/**
 * The detectors `npm run eval:nab` can run: name → factory of a streaming scorer (one fresh instance per file).
 *
 * Adding one is one line. A detector with an `update(t, v)` that returns `{ score }` (the library's
 * `AnomalyDetector`) is wrapped by `fromUpdate`, e.g.
 *   argus: () => fromUpdate(new AnomalyDetector()),
 *   'argus-robust-z': () => fromUpdate(new AnomalyDetector({ detectors: ['robust-z'] })),
 */
import { AnomalyDetector, DETECTOR_KINDS } from '../../src/index.js';
import { nullDetector, type StreamingScorer, windowedGaussian } from './baselines.js';

export type { StreamingScorer } from './baselines.js';

export type DetectorFactory = () => StreamingScorer;

/** Adapts a detector whose `update(t, v)` returns an object with a `score` in [0, 1]. */
export function fromUpdate(detector: { update(t: number, v: number): { score: number } }): StreamingScorer {
  return { score: (t, v) => detector.update(t, v).score };
}

/** Registered detectors, in the order they are run and printed by default. */
export const DETECTORS: Readonly<Record<string, DetectorFactory>> = {
  null: nullDetector,
  windowedGaussian,
  argus: () => fromUpdate(new AnomalyDetector()),
  ...Object.fromEntries(
    DETECTOR_KINDS.map((kind) => [
      `argus-${kind}`,
      () => fromUpdate(new AnomalyDetector({ detectors: [kind] })),
    ]),
  ),
};

/** The detector whose score `--min-standard` checks and whose categories are broken down. */
export const MAIN_DETECTOR = 'argus';

/** `argus` when it is among `names`, else the first that is not the `null` baseline, else the first. */
export function mainDetector(names: readonly string[]): string {
  if (names.includes(MAIN_DETECTOR)) return MAIN_DETECTOR;
  return names.find((name) => name !== 'null') ?? names[0];
}

/** A fresh scorer for one file; throws on an unknown name, listing the known ones. */
export function createScorer(name: string): StreamingScorer {
  const factory = Object.hasOwn(DETECTORS, name) ? DETECTORS[name] : undefined;
  if (!factory) throw new Error(`unknown detector "${name}" (known: ${Object.keys(DETECTORS).join(', ')})`);
  return factory();
}

/**
 * Runs a fresh scorer of `name` over one series in order and returns its scores; throws when a score is not a
 * number in [0, 1], naming the row.
 */
export function runDetector(name: string, times: ArrayLike<number>, values: ArrayLike<number>): Float64Array {
  const scorer = createScorer(name);
  const scores = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const s = scorer.score(times[i], values[i]);
    if (!(s >= 0 && s <= 1)) throw new RangeError(`${name} scored row ${i} ${s}, not a number in [0, 1]`);
    scores[i] = s;
  }
  return scores;
}
