/**
 * The ensemble: runs the five streaming detectors on each point, combines their evidence, turns it into an
 * anomaly score in [0, 1] with a threshold that adapts to each series' own score history, reports each anomalous
 * episode once, and explains it.
 *
 * Pipeline per point:
 * 1. The point is validated (finite value and timestamp, time never goes back); a bad point is skipped with the
 *    reason and changes nothing.
 * 2. Every detector gives a Reading. Each ready detector's score becomes a surprise u = −log10(1 − score)
 *    (3σ ≈ 2.6, 5σ ≈ 6.2); the raw evidence is the weighted mean of those surprises.
 * 3. The adaptive threshold (likelihood.ts) asks how unusual that raw evidence is for this series; the answer's
 *    improbability in decades, minus any false-positive feedback, divided by 10, is the score (0.5 ⇔ 1 in 100,000).
 * 4. A score at or above `threshold` is an anomaly, unless the series reported one less than `cooldown` points ago
 *    and this one is not much stronger: an episode is reported once, its later points are damped.
 */
import { type AnomalyKind, type Explanation, explain } from './explain.js';
import {
  createDetector,
  DETECTOR_KINDS,
  type DetectorOptionsByKind,
  isDetectorKind,
  restoreDetector,
} from './registry.js';
import { StateError, StateReader, StateWriter } from './state.js';
import { AdaptiveThreshold, type ThresholdOptions } from './threshold.js';
import { type Detector, type DetectorKind, invalidPoint, type Reading } from './types.js';

const MAGIC = 0x41524744; // "ARGD"
const VERSION = 1;
/** Decades of excess over the series' normal extreme that make a score of 0.5. */
const EXCESS_AT_HALF = 2;
/** A detector whose own score reaches this agrees that the point is abnormal. */
const AGREE = 0.99;
/** Calm points that close an episode. */
const CLOSE_AFTER = 3;
const DAY = 86_400_000;

export interface FeedbackOptions {
  /** Decades of improbability each false positive adds to what an alert needs (default 1: ten times rarer). */
  step: number;
  /** The most it can add in all (default 3: a thousand times rarer). */
  max: number;
  /** Time for the added amount to halve, in ms of series time (default 7 days). */
  halfLifeMs: number;
}

export interface EnsembleOptions {
  /** Detectors to run (default all five). */
  detectors: DetectorKind[];
  /** Weight of each detector's evidence (default 1 each). */
  weights: Partial<Record<DetectorKind, number>>;
  /** Score at or above which a point is an anomaly (default 0.5). */
  threshold: number;
  /** Points after a reported anomaly during which weaker ones are damped instead of reported (default 60). */
  cooldown: number;
  /** Factor applied to the score of damped points (default 0.5). */
  damping: number;
  /** Adaptive threshold settings. */
  adaptive: Partial<ThresholdOptions>;
  /** Time zone of the times named in explanations (IANA name, default UTC). */
  timeZone: string;
  /** False-positive feedback bounds. */
  feedback: FeedbackOptions;
  /** Options passed to each detector. */
  detectorOptions: Partial<DetectorOptionsByKind>;
}

export const DEFAULT_OPTIONS: EnsembleOptions = {
  detectors: [...DETECTOR_KINDS],
  weights: {},
  threshold: 0.5,
  cooldown: 60,
  damping: 0.5,
  adaptive: {},
  timeZone: 'UTC',
  feedback: { step: 1, max: 3, halfLifeMs: 7 * DAY },
  detectorOptions: {},
};

export interface Assessment {
  t: number;
  value: number;
  /** Anomaly score in [0, 1]. */
  score: number;
  /** True on the point that reports an anomaly (score ≥ threshold and not damped). */
  anomaly: boolean;
  /** Combined detector evidence before the adaptive threshold (mean surprise in decades). */
  raw: number;
  /** What each detector said. */
  readings: Partial<Record<DetectorKind, Reading>>;
  /** Present on every point of a reported episode: what is happening, in numbers and in one sentence. */
  explanation?: Explanation;
  /** Why the point was not used (bad value or timestamp); nothing else is set then. */
  skipped?: string;
}

export interface FeedbackResult {
  /** Decades of improbability now added to what an alert needs. */
  penalty: number;
  message: string;
}

function validateOptions(o: EnsembleOptions): void {
  if (!Array.isArray(o.detectors) || o.detectors.length === 0) {
    throw new RangeError('detectors must list at least one detector');
  }
  for (const kind of o.detectors) {
    if (!isDetectorKind(kind))
      throw new RangeError(`detectors: unknown detector "${kind}" (known: ${DETECTOR_KINDS.join(', ')})`);
  }
  if (new Set(o.detectors).size !== o.detectors.length)
    throw new RangeError('detectors must not repeat a detector');
  for (const [kind, weight] of Object.entries(o.weights)) {
    if (!isDetectorKind(kind)) throw new RangeError(`weights: unknown detector "${kind}"`);
    if (!(typeof weight === 'number' && Number.isFinite(weight) && weight >= 0)) {
      throw new RangeError(`weights.${kind} must be a number >= 0`);
    }
  }
  if (!(o.threshold > 0 && o.threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  if (!(Number.isInteger(o.cooldown) && o.cooldown >= 0))
    throw new RangeError('cooldown must be an integer >= 0');
  if (!(o.damping >= 0 && o.damping <= 1)) throw new RangeError('damping must be in [0, 1]');
  const f = o.feedback;
  if (!(f.step > 0 && f.max >= f.step && f.halfLifeMs > 0)) {
    throw new RangeError('feedback needs step > 0, max >= step and halfLifeMs > 0');
  }
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: o.timeZone });
  } catch {
    throw new RangeError(`timeZone "${o.timeZone}" is not a known IANA time zone`);
  }
}

/** Streaming anomaly detection for one series. */
export class AnomalyDetector {
  readonly options: EnsembleOptions;
  private readonly detectors: Detector[];
  private readonly weights: Float64Array;
  private adaptive: AdaptiveThreshold;
  private lastT = Number.NaN;
  private count = 0;
  // Reporting and episodes.
  private lastAlertAt = -1;
  private lastAlertSurprise = 0;
  private episodeOpen = false;
  private episodeStart = 0;
  private episodePoints = 0;
  private episodeCalm = 0;
  private episodeKind: AnomalyKind = 'spike';
  private episodeBasis: DetectorKind = 'robust-z';
  private episodeAgreeing = 0;
  private episodeLevelBefore = Number.NaN;
  private episodeFirstDeviation = 0;
  // Feedback.
  private penalty = 0;
  private penaltyAt = 0;
  private falsePositives = 0;

  constructor(options: Partial<EnsembleOptions> = {}) {
    const merged: EnsembleOptions = {
      ...DEFAULT_OPTIONS,
      ...options,
      feedback: { ...DEFAULT_OPTIONS.feedback, ...options.feedback },
    };
    validateOptions(merged);
    this.options = merged;
    this.detectors = merged.detectors.map((kind) => createDetector(kind, merged.detectorOptions[kind]));
    this.weights = Float64Array.from(merged.detectors, (kind) => merged.weights[kind] ?? 1);
    this.adaptive = new AdaptiveThreshold(merged.adaptive);
  }

  /** Points learned so far. */
  get points(): number {
    return this.count;
  }

  /** Scores one point (t in ms since the epoch) from the points before it, then learns it. */
  update(t: number, value: number): Assessment {
    const reason = invalidPoint(t, value, this.lastT);
    if (reason) return { t, value, score: 0, anomaly: false, raw: 0, readings: {}, skipped: reason };
    this.lastT = t;
    this.count++;

    const readings: Partial<Record<DetectorKind, Reading>> = {};
    let weighted = 0;
    let totalWeight = 0;
    for (let i = 0; i < this.detectors.length; i++) {
      const detector = this.detectors[i];
      const reading = detector.update(t, value);
      readings[detector.kind] = reading;
      if (!reading.ready) continue;
      weighted += this.weights[i] * surprise(reading.score);
      totalWeight += this.weights[i];
    }
    const raw = totalWeight > 0 ? weighted / totalWeight : 0;
    const decades = Math.max(0, this.adaptive.update(raw) - this.currentPenalty(t));
    let score = 1 - 2 ** (-decades / EXCESS_AT_HALF);

    let anomaly = false;
    if (score >= this.options.threshold) {
      const recent = this.lastAlertAt >= 0 && this.count - this.lastAlertAt <= this.options.cooldown;
      if (recent && decades < this.lastAlertSurprise + 2) {
        score *= this.options.damping;
      } else {
        anomaly = true;
        this.lastAlertAt = this.count;
        this.lastAlertSurprise = decades;
      }
    }

    const explanation = this.followEpisode(t, value, readings, anomaly);
    const assessment: Assessment = { t, value, score, anomaly, raw, readings };
    if (explanation) assessment.explanation = explanation;
    return assessment;
  }

  /** Opens, extends or closes the current anomalous episode and explains it while it lasts. */
  private followEpisode(
    t: number,
    value: number,
    readings: Partial<Record<DetectorKind, Reading>>,
    anomaly: boolean,
  ): Explanation | undefined {
    const agreeing = this.options.detectors.filter((kind) => {
      const reading = readings[kind];
      return reading?.ready === true && reading.score >= AGREE;
    });
    if (anomaly && !this.episodeOpen) {
      const basis = pickBasis(readings, agreeing);
      if (!basis) return undefined;
      this.episodeOpen = true;
      this.episodeStart = t;
      this.episodePoints = 1;
      this.episodeCalm = 0;
      this.episodeBasis = basis;
      this.episodeAgreeing = toMask(this.options.detectors, agreeing);
      const reading = readings[basis]!;
      this.episodeLevelBefore = reading.expected;
      this.episodeFirstDeviation = reading.deviation;
      this.episodeKind = onsetKind(readings, agreeing, reading.deviation);
    } else if (this.episodeOpen) {
      const reading = readings[this.episodeBasis];
      const outside = agreeing.length > 0 || (reading?.ready === true && Math.abs(reading.deviation) >= 3);
      if (outside) {
        this.episodeCalm = 0;
        this.episodePoints++;
        this.episodeAgreeing |= toMask(this.options.detectors, agreeing);
      } else if (++this.episodeCalm >= CLOSE_AFTER) {
        this.episodeOpen = false;
        return undefined;
      }
      if (this.episodePoints >= 6 && this.episodeKind !== 'seasonality-break' && reading?.ready) {
        const growing = Math.abs(reading.deviation) > 1.5 * Math.abs(this.episodeFirstDeviation);
        const sameSide = Math.sign(reading.deviation) === Math.sign(this.episodeFirstDeviation);
        if (sameSide) this.episodeKind = growing ? 'trend-change' : 'level-shift';
      }
    } else return undefined;

    const basisReading = readings[this.episodeBasis];
    if (!basisReading?.ready) return undefined;
    return explain({
      t,
      value,
      kind: this.episodeKind,
      readings,
      agreeing: fromMask(this.options.detectors, this.episodeAgreeing),
      basis: this.episodeBasis,
      startedAt: this.episodeStart,
      points: this.episodePoints,
      season: seasonOf(this.detectors),
      levelBefore: this.episodeLevelBefore,
      timeZone: this.options.timeZone,
    });
  }

  private currentPenalty(t: number): number {
    if (this.penalty === 0) return 0;
    const elapsed = Math.max(0, t - this.penaltyAt);
    return this.penalty * 0.5 ** (elapsed / this.options.feedback.halfLifeMs);
  }

  /**
   * Marks the last reported anomaly (or one at time `t`) a false positive: alerts on this series then need an
   * improbability `feedback.step` decades higher, at most `feedback.max` in all, halving every
   * `feedback.halfLifeMs` of series time so the series is not muted for ever.
   */
  markFalsePositive(t: number = Number.isNaN(this.lastT) ? 0 : this.lastT): FeedbackResult {
    if (!Number.isFinite(t)) throw new RangeError('t must be a finite timestamp in ms');
    const f = this.options.feedback;
    const now = Math.max(t, this.penaltyAt);
    this.penalty = Math.min(f.max, this.currentPenalty(now) + f.step);
    this.penaltyAt = now;
    this.falsePositives++;
    const rarer = 10 ** this.penalty;
    return {
      penalty: this.penalty,
      message:
        `Sensitivity lowered after ${this.falsePositives} false positive${this.falsePositives === 1 ? '' : 's'}: ` +
        `an alert now needs a deviation about ${rarer >= 100 ? Math.round(rarer) : rarer.toFixed(1)} times rarer than before ` +
        `(the adjustment halves every ${Math.round(f.halfLifeMs / 3_600_000)} hours of data; at most ${10 ** f.max} times).`,
    };
  }

  /** The whole state as a compact versioned blob; `AnomalyDetector.restore` continues exactly where this left off. */
  save(): Uint8Array {
    const out = new StateWriter();
    out.u32(MAGIC).u8(VERSION).text(JSON.stringify(this.options));
    out.f64(this.lastT).u32(this.count);
    out.f64(this.lastAlertAt).f64(this.lastAlertSurprise);
    out.bool(this.episodeOpen).f64(this.episodeStart).u32(this.episodePoints).u32(this.episodeCalm);
    out.text(this.episodeKind).text(this.episodeBasis).u32(this.episodeAgreeing);
    out.f64(this.episodeLevelBefore).f64(this.episodeFirstDeviation);
    out.f64(this.penalty).f64(this.penaltyAt).u32(this.falsePositives);
    for (const detector of this.detectors) detector.save(out);
    this.adaptive.save(out);
    return out.bytes();
  }

  static restore(blob: Uint8Array): AnomalyDetector {
    const input = new StateReader(blob);
    if (blob.byteLength < 5 || input.u32() !== MAGIC) throw new StateError('not an Argus detector state');
    const version = input.u8();
    if (version !== VERSION)
      throw new StateError(`state version ${version} is not supported (this library reads ${VERSION})`);
    const options = JSON.parse(input.text()) as EnsembleOptions;
    const detector = new AnomalyDetector(options);
    detector.lastT = input.f64();
    detector.count = input.u32();
    detector.lastAlertAt = input.f64();
    detector.lastAlertSurprise = input.f64();
    detector.episodeOpen = input.bool();
    detector.episodeStart = input.f64();
    detector.episodePoints = input.u32();
    detector.episodeCalm = input.u32();
    detector.episodeKind = input.text() as AnomalyKind;
    detector.episodeBasis = input.text() as DetectorKind;
    detector.episodeAgreeing = input.u32();
    detector.episodeLevelBefore = input.f64();
    detector.episodeFirstDeviation = input.f64();
    detector.penalty = input.f64();
    detector.penaltyAt = input.f64();
    detector.falsePositives = input.u32();
    for (let i = 0; i < detector.detectors.length; i++) {
      detector.detectors[i] = restoreDetector(options.detectors[i], input);
    }
    detector.adaptive = AdaptiveThreshold.restore(input);
    if (!input.done) throw new StateError('state has trailing bytes');
    return detector;
  }
}

/** Decades of improbability of a detector score: −log10(1 − score), capped at 12. */
export function surprise(score: number): number {
  return -Math.log10(Math.max(1 - score, 1e-12));
}

const BASIS_ORDER: DetectorKind[] = ['seasonal', 'forecast', 'robust-z', 'change-point', 'isolation-forest'];

/** The detector whose expectation explains the anomaly best: the most specific agreeing model with a forecast. */
function pickBasis(
  readings: Partial<Record<DetectorKind, Reading>>,
  agreeing: DetectorKind[],
): DetectorKind | undefined {
  const usable = (kind: DetectorKind) =>
    readings[kind]?.ready === true && Number.isFinite(readings[kind]!.expected);
  return BASIS_ORDER.find((kind) => agreeing.includes(kind) && usable(kind)) ?? BASIS_ORDER.find(usable);
}

function onsetKind(
  readings: Partial<Record<DetectorKind, Reading>>,
  agreeing: DetectorKind[],
  deviation: number,
): AnomalyKind {
  if (agreeing.includes('change-point')) return 'level-shift';
  const plain = readings['robust-z'];
  if (agreeing.includes('seasonal') && plain?.ready && Math.abs(plain.deviation) < 2.5)
    return 'seasonality-break';
  return deviation >= 0 ? 'spike' : 'dip';
}

function seasonOf(detectors: Detector[]): Explanation['season'] {
  const seasonal = detectors.find((d) => d.kind === 'seasonal') as
    | (Detector & { period?: number })
    | undefined;
  const period = seasonal?.period ?? 0;
  if (period >= 6 * DAY) return 'weekly';
  if (period > 0) return 'daily';
  return '';
}

function toMask(order: DetectorKind[], kinds: DetectorKind[]): number {
  let mask = 0;
  for (const kind of kinds) mask |= 1 << order.indexOf(kind);
  return mask;
}

function fromMask(order: DetectorKind[], mask: number): DetectorKind[] {
  return order.filter((_, i) => (mask & (1 << i)) !== 0);
}
