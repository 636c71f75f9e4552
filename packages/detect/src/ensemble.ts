/**
 * The ensemble: runs the five streaming detectors on each point, combines their evidence, turns it into an
 * anomaly score in [0, 1] with a threshold that adapts to each series' own evidence history, reports each
 * anomalous episode once, and explains it.
 *
 * Pipeline per point:
 * 1. The point is validated (finite value and timestamp, time never goes back); a bad point is skipped with the
 *    reason and changes nothing.
 * 2. Every detector gives a Reading. The evidence, in robust σ, is the agreement of the deviation models —
 *    the smallest |deviation| among robust-z and forecast that are ready, so a value that one model finds
 *    normal (a trend, the recent level) is not evidence. A deviation that persists counts more: the evidence is
 *    at least |mean of the last 4 signed deviations from the slow model of normal (the window's median)|·√4.
 *    Added to it: `weights` × how far the isolation forest's and the change-point detector's scores go beyond
 *    0.9. Once the seasonal model has found the season it alone is the model of normal, for the instant and the
 *    persistent evidence, without boosts: a break of the usual daily or weekly shape is what only it can see.
 *    A second, slower kind of evidence is kept apart: the excursion, |mean of the last 32 deviations from the
 *    slow model, each winsorised at ±3σ|·√32 — a moderate departure that lasts hours (a burst, a missing daily
 *    peak, a denser run of spikes), where no single point and no spike counts much.
 * 3. The adaptive threshold (threshold.ts) compares log2(1 + evidence) with this series' own normal extreme, and
 *    the excursion with its own: a series of frequent isolated spikes has a high normal extreme for points, and
 *    that must not hide a lasting departure, which the spikes barely move. The larger excess, in doublings, minus
 *    any false-positive feedback, gives the score 1 − 4^(−excess): 0.5 when 1 + evidence is √2 times the
 *    series' usual extreme, 0.75 at twice.
 * 4. A record (records.ts) — a value beyond the series' whole range so far that is also ≥ 3σ unusual — scores
 *    0.5 plus half of how far it breaks that range, relative to the range's width (1 from a whole width on).
 * 5. A score at or above `threshold` is an anomaly, unless the series reported one less than `cooldown` points
 *    ago and this one is not clearly stronger: an episode is reported once, its later points are damped.
 */
import { type AnomalyKind, type Explanation, explain } from './explain.js';
import { RECORD_BASE, RECORD_MIN_SIGMA, RecordTracker } from './records.js';
import {
  createDetector,
  DETECTOR_KINDS,
  type DetectorOptionsByKind,
  isDetectorKind,
  restoreDetector,
} from './registry.js';
import { StateError, StateReader, StateWriter } from './state.js';
import { RestartableThreshold, type ThresholdOptions } from './threshold.js';
import { type Detector, type DetectorKind, invalidPoint, type Reading } from './types.js';

const MAGIC = 0x41524744; // "ARGD"
const VERSION = 2;
/** Doublings of (1 + evidence) over the series' normal extreme that make a score of 0.5. */
const EXCESS_AT_HALF = 0.5;
/** Detectors whose score adds to the evidence instead of taking part in the agreement of deviations. */
const BOOSTING = new Set<DetectorKind>(['isolation-forest', 'change-point']);
/** Points over which a persisting deviation is averaged. */
const SUSTAIN = 4;
/** Points over which the excursion is averaged (about 2.7 hours at 5-minute steps). */
const EXCURSION = 32;
/** Each deviation is winsorised at ± this many robust σ before it joins the excursion, so spikes barely move it. */
const EXCURSION_CLIP = 3;
/** A boosting detector adds evidence only from this score up, where it starts to be confident. */
const BOOST_FROM = 0.9;
/** Robust σ a full score of a boosting detector adds to the evidence unless `weights` says otherwise. */
const DEFAULT_BOOST = 2;
/** A detector whose own score reaches this agrees that the point is abnormal. */
const AGREE = 0.99;
/** Calm points that close an episode. */
const CLOSE_AFTER = 3;
const DAY = 86_400_000;

export interface FeedbackOptions {
  /** Doublings of evidence each false positive adds to what an alert needs (default 1: twice the deviation). */
  step: number;
  /** The most it can add in all (default 3: eight times the deviation). */
  max: number;
  /** Time for the added amount to halve, in ms of series time (default 7 days). */
  halfLifeMs: number;
}

export interface EnsembleOptions {
  /** Detectors to run (default all five). */
  detectors: DetectorKind[];
  /**
   * Robust σ that a full score of the isolation forest or the change-point detector adds to the evidence
   * (default 2 each; the deviation detectors take part through their agreement and have no weight).
   */
  weights: Partial<Record<DetectorKind, number>>;
  /** Score at or above which a point is an anomaly (default 0.5). */
  threshold: number;
  /** Points after a reported anomaly (counted from its latest strong point) during which weaker ones are damped instead of reported (default 120). */
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
  cooldown: 120,
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
  /** The instant evidence (detectors' agreement, persistence and boosts) before the adaptive threshold, in robust σ. */
  raw: number;
  /**
   * The slower evidence, before its own adaptive threshold: |mean of the last 32 deviations from the slow model,
   * each clipped at ±3σ|·√32. An alert can come from either.
   */
  excursion: number;
  /** What each detector said. */
  readings: Partial<Record<DetectorKind, Reading>>;
  /** Set when the score comes from a record: the value is beyond the series' whole range so far. */
  record?: 'high' | 'low';
  /** Present on every point of a reported episode: what is happening, in numbers and in one sentence. */
  explanation?: Explanation;
  /** Why the point was not used (bad value or timestamp); nothing else is set then. */
  skipped?: string;
}

export interface FeedbackResult {
  /** Doublings of evidence now added to what an alert needs. */
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
  /** The instant evidence's normal extreme, and the excursion's own. */
  private instantThreshold: RestartableThreshold;
  private excursionThreshold: RestartableThreshold;
  private lastT = Number.NaN;
  private count = 0;
  // Reporting and episodes.
  private lastAlertAt = -1;
  private lastAlertExcess = 0;
  private records = new RecordTracker();
  private seasonalModel = false;
  private readonly recent = new Float64Array(SUSTAIN);
  private recentNext = 0;
  private recentSum = 0;
  /** The last EXCURSION winsorised deviations from the slow model and their sum. */
  private readonly excursion = new Float64Array(EXCURSION);
  private excursionNext = 0;
  private excursionSum = 0;
  /** The values and times of those points, to tell the level the series moved to and since when. */
  private readonly excursionValues = new Float64Array(EXCURSION);
  private readonly excursionTimes = new Float64Array(EXCURSION);
  private excursionValueSum = 0;
  private episodeOpen = false;
  private episodeStart = 0;
  private episodePoints = 0;
  private episodeCalm = 0;
  private episodeKind: AnomalyKind = 'spike';
  private episodeBasis: DetectorKind = 'robust-z';
  private episodeAgreeing = 0;
  private episodeLevelBefore = Number.NaN;
  private episodeFirstDeviation = 0;
  /** 1 when the episode began with a new high, −1 with a new low, 0 otherwise. */
  private episodeRecord = 0;
  private firstT = Number.NaN;
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
    this.weights = Float64Array.from(merged.detectors, (kind) => merged.weights[kind] ?? DEFAULT_BOOST);
    this.instantThreshold = new RestartableThreshold(merged.adaptive);
    this.excursionThreshold = new RestartableThreshold(merged.adaptive);
  }

  /** Points learned so far. */
  get points(): number {
    return this.count;
  }

  /** Scores one point (t in ms since the epoch) from the points before it, then learns it. */
  update(t: number, value: number): Assessment {
    const reason = invalidPoint(t, value, this.lastT);
    if (reason)
      return { t, value, score: 0, anomaly: false, raw: 0, excursion: 0, readings: {}, skipped: reason };
    this.lastT = t;
    if (this.count === 0) this.firstT = t;
    this.count++;

    const readings: Partial<Record<DetectorKind, Reading>> = {};
    let agreement = Number.POSITIVE_INFINITY;
    let signed = 0;
    let boost = 0;
    let largest = 0;
    for (let i = 0; i < this.detectors.length; i++) {
      const detector = this.detectors[i];
      readings[detector.kind] = detector.update(t, value);
    }
    // Once the seasonal model knows the series' season it replaces the window's median as the model of normal.
    const seasonal = readings.seasonal?.ready === true;
    if (seasonal !== this.seasonalModel) {
      // The evidence now comes from another model of normal: its history starts over, and the old history
      // stands in until the new one is long enough to say what is usual.
      this.seasonalModel = seasonal;
      this.instantThreshold.restart();
      this.excursionThreshold.restart();
    }
    for (let i = 0; i < this.detectors.length; i++) {
      const kind = this.detectors[i].kind;
      const reading = readings[kind]!;
      if (!reading.ready) continue;
      if (BOOSTING.has(kind)) {
        // Neither the forest nor the CUSUM models a season: on a seasonal cycle the forest takes the usual
        // daily ramps for odd shapes and the CUSUM keeps crossing its limit. Once the season is known, the
        // seasonal model speaks for normal alone.
        if (!seasonal) {
          boost += this.weights[i] * Math.max(0, (reading.score - BOOST_FROM) / (1 - BOOST_FROM));
        }
      } else {
        const size = Math.abs(reading.deviation);
        largest = Math.max(largest, size);
        if (!(seasonal && kind !== 'seasonal') && size < agreement) {
          agreement = size;
          signed = reading.deviation;
        }
      }
    }
    // A deviation that persists is stronger evidence than one point of the same size: the mean of the last
    // SUSTAIN signed deviations, times √SUSTAIN (its z-score were they independent).
    // Persistence is judged against the slow model of normal (the window's median, or the season), which a
    // gradual rise does not drag along the way the forecast's trend does.
    const slow = seasonal ? readings.seasonal : readings['robust-z'];
    if (slow?.ready) signed = slow.deviation;
    this.recentSum -= this.recent[this.recentNext];
    this.recent[this.recentNext] = signed;
    this.recentSum += signed;
    this.recentNext = (this.recentNext + 1) % SUSTAIN;
    const sustained = Math.abs(this.recentSum) / Math.sqrt(SUSTAIN);
    // The excursion: the same persistence over a longer span, each deviation winsorised so that a spike adds at
    // most EXCURSION_CLIP / √EXCURSION. The oldest slot holds 0 until the ring is full.
    const winsorised = Math.max(-EXCURSION_CLIP, Math.min(EXCURSION_CLIP, signed));
    this.excursionSum += winsorised - this.excursion[this.excursionNext];
    this.excursion[this.excursionNext] = winsorised;
    this.excursionValueSum += value - this.excursionValues[this.excursionNext];
    this.excursionValues[this.excursionNext] = value;
    this.excursionTimes[this.excursionNext] = t;
    this.excursionNext = (this.excursionNext + 1) % EXCURSION;
    const excursionSigma = Math.abs(this.excursionSum) / Math.sqrt(EXCURSION);
    const excursion = Math.log2(1 + excursionSigma);
    const instant = agreement === Number.POSITIVE_INFINITY ? 0 : agreement;
    const raw = Math.max(instant, sustained) + boost;
    const evidence = Math.log2(1 + raw);
    const level = this.instantThreshold.levelThenLearn(evidence);
    const excursionLevel = this.excursionThreshold.levelThenLearn(excursion);
    const instantOver = Number.isNaN(level) ? 0 : Math.max(0, evidence - level);
    const excursionOver = Number.isNaN(excursionLevel) ? 0 : excursion - excursionLevel;
    const over = Math.max(instantOver, excursionOver);
    const excess = Math.max(0, over - this.currentPenalty(t));
    let score = 1 - 2 ** (-excess / EXCESS_AT_HALF);
    let damped = false;
    if (score >= this.options.threshold) {
      const recent = this.lastAlertAt >= 0 && this.count - this.lastAlertAt <= this.options.cooldown;
      if (recent && excess < this.lastAlertExcess + 1) {
        score *= this.options.damping;
        damped = true;
        // Still the same episode: the quiet time runs from its latest strong point.
        this.lastAlertAt = this.count;
      }
    }

    // A new record: beyond every value of the series so far, and unusual for the models too.
    const size = readings['robust-z']?.ready ? Math.abs(readings['robust-z'].deviation) : largest;
    const record = this.records.update(value, size >= RECORD_MIN_SIGMA, this.count);
    let recordKind: 'high' | 'low' | undefined;
    if (record > score) {
      score = record;
      damped = record < RECORD_BASE;
      recordKind = this.records.direction > 0 ? 'high' : 'low';
    }

    let anomaly = false;
    if (score >= this.options.threshold && !damped) {
      anomaly = true;
      this.lastAlertAt = this.count;
      this.lastAlertExcess = excess;
    }

    // An alert that only the excursion raised is told as a lasting departure, over the span the excursion covers.
    const lasting = excursionOver > instantOver && !recordKind ? this.excursionSpan() : undefined;
    const explanation = this.followEpisode(t, value, readings, anomaly, recordKind, lasting);
    const assessment: Assessment = { t, value, score, anomaly, raw, excursion: excursionSigma, readings };
    if (recordKind) assessment.record = recordKind;
    if (explanation) assessment.explanation = explanation;
    return assessment;
  }

  /** Opens, extends or closes the current anomalous episode and explains it while it lasts. */
  private followEpisode(
    t: number,
    value: number,
    readings: Partial<Record<DetectorKind, Reading>>,
    anomaly: boolean,
    record: 'high' | 'low' | undefined,
    lasting?: LastingDeparture,
  ): Explanation | undefined {
    const agreeing = this.options.detectors.filter((kind) => {
      const reading = readings[kind];
      return reading?.ready === true && reading.score >= AGREE;
    });
    if (anomaly && !this.episodeOpen) {
      // A lasting departure is measured from the slow model of normal, which the departure has not dragged along.
      const slow: DetectorKind = this.seasonalModel ? 'seasonal' : 'robust-z';
      const basis = lasting && readings[slow]?.ready ? slow : pickBasis(readings, agreeing);
      if (!basis) return undefined;
      this.episodeOpen = true;
      this.episodeStart = lasting?.since ?? t;
      this.episodePoints = lasting?.points ?? 1;
      this.episodeCalm = 0;
      this.episodeBasis = basis;
      this.episodeAgreeing = toMask(this.options.detectors, agreeing);
      const reading = readings[basis]!;
      this.episodeLevelBefore = reading.expected;
      this.episodeFirstDeviation = reading.deviation;
      this.episodeKind = lasting
        ? this.seasonalModel
          ? 'seasonality-break'
          : 'level-shift'
        : onsetKind(agreeing, reading.deviation);
      this.episodeRecord = record === 'high' ? 1 : record === 'low' ? -1 : 0;
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
      const plain = readings['robust-z'];
      if (
        this.episodePoints >= 3 &&
        agreeing.includes('seasonal') &&
        plain?.ready &&
        Math.abs(plain.deviation) < 2.5
      ) {
        // Unusual for the time of day or week, ordinary for the series as a whole.
        this.episodeKind = 'seasonality-break';
      } else if (this.episodePoints >= 6 && this.episodeKind !== 'seasonality-break' && reading?.ready) {
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
      record: this.episodeRecord > 0 ? 'high' : this.episodeRecord < 0 ? 'low' : undefined,
      levelNow: lasting?.mean,
      seriesStart: this.firstT,
      timeZone: this.options.timeZone,
    });
  }

  /**
   * Where the lasting departure began within the excursion's span: the most recent k points (k ≥ SUSTAIN) whose
   * winsorised deviations have the largest |sum|/√k on the excursion's side, the likeliest start of a shift in the
   * mean. Returns since when, over how many points, and the mean value over them.
   */
  private excursionSpan(): LastingDeparture {
    const filled = Math.min(this.count, EXCURSION);
    const side = Math.sign(this.excursionSum) || 1;
    let deviations = 0;
    let values = 0;
    let best = { strength: Number.NEGATIVE_INFINITY, points: filled, valueSum: this.excursionValueSum };
    for (let k = 1; k <= filled; k++) {
      const slot = (this.excursionNext - k + EXCURSION) % EXCURSION;
      deviations += this.excursion[slot];
      values += this.excursionValues[slot];
      const strength = (side * deviations) / Math.sqrt(k);
      if (k >= SUSTAIN && strength > best.strength) best = { strength, points: k, valueSum: values };
    }
    const oldest = (this.excursionNext - best.points + EXCURSION) % EXCURSION;
    return { since: this.excursionTimes[oldest], points: best.points, mean: best.valueSum / best.points };
  }

  private currentPenalty(t: number): number {
    if (this.penalty === 0) return 0;
    const elapsed = Math.max(0, t - this.penaltyAt);
    return this.penalty * 0.5 ** (elapsed / this.options.feedback.halfLifeMs);
  }

  /**
   * Marks the last reported anomaly (or one at time `t`) a false positive: alerts on this series then need an
   * evidence `feedback.step` doublings larger, at most `feedback.max` in all, halving every
   * `feedback.halfLifeMs` of series time so the series is not muted for ever.
   */
  markFalsePositive(t: number = Number.isNaN(this.lastT) ? 0 : this.lastT): FeedbackResult {
    if (!Number.isFinite(t)) throw new RangeError('t must be a finite timestamp in ms');
    const f = this.options.feedback;
    const now = Math.max(t, this.penaltyAt);
    this.penalty = Math.min(f.max, this.currentPenalty(now) + f.step);
    this.penaltyAt = now;
    this.falsePositives++;
    const larger = 2 ** this.penalty;
    return {
      penalty: this.penalty,
      message:
        `Sensitivity lowered after ${this.falsePositives} false positive${this.falsePositives === 1 ? '' : 's'}: ` +
        `an alert now needs a deviation about ${larger.toFixed(1)} times as large as before ` +
        `(the adjustment halves every ${Math.round(f.halfLifeMs / 3_600_000)} hours of data; at most ${2 ** f.max} times).`,
    };
  }

  /** The whole state as a compact versioned blob; `AnomalyDetector.restore` continues exactly where this left off. */
  save(): Uint8Array {
    const out = new StateWriter();
    out.u32(MAGIC).u8(VERSION).text(JSON.stringify(this.options));
    out.f64(this.lastT).u32(this.count);
    out.f64(this.lastAlertAt).f64(this.lastAlertExcess);
    this.records.save(out);
    out.f64s(this.recent).u32(this.recentNext).f64(this.recentSum).bool(this.seasonalModel);
    out.f64s(this.excursion).u32(this.excursionNext).f64(this.excursionSum);
    out.f64s(this.excursionValues).f64s(this.excursionTimes).f64(this.excursionValueSum);
    out.bool(this.episodeOpen).f64(this.episodeStart).u32(this.episodePoints).u32(this.episodeCalm);
    out.text(this.episodeKind).text(this.episodeBasis).u32(this.episodeAgreeing);
    out.f64(this.episodeLevelBefore).f64(this.episodeFirstDeviation).f64(this.episodeRecord).f64(this.firstT);
    out.f64(this.penalty).f64(this.penaltyAt).u32(this.falsePositives);
    for (const detector of this.detectors) detector.save(out);
    this.instantThreshold.save(out);
    this.excursionThreshold.save(out);
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
    detector.lastAlertExcess = input.f64();
    detector.records = RecordTracker.restore(input);
    input.f64s(detector.recent);
    detector.recentNext = input.u32();
    detector.recentSum = input.f64();
    detector.seasonalModel = input.bool();
    input.f64s(detector.excursion);
    detector.excursionNext = input.u32();
    detector.excursionSum = input.f64();
    input.f64s(detector.excursionValues);
    input.f64s(detector.excursionTimes);
    detector.excursionValueSum = input.f64();
    if (detector.excursionNext >= EXCURSION) throw new StateError('state is corrupt: excursion ring');
    detector.episodeOpen = input.bool();
    detector.episodeStart = input.f64();
    detector.episodePoints = input.u32();
    detector.episodeCalm = input.u32();
    detector.episodeKind = input.text() as AnomalyKind;
    detector.episodeBasis = input.text() as DetectorKind;
    detector.episodeAgreeing = input.u32();
    detector.episodeLevelBefore = input.f64();
    detector.episodeFirstDeviation = input.f64();
    detector.episodeRecord = input.f64();
    detector.firstT = input.f64();
    detector.penalty = input.f64();
    detector.penaltyAt = input.f64();
    detector.falsePositives = input.u32();
    for (let i = 0; i < detector.detectors.length; i++) {
      detector.detectors[i] = restoreDetector(options.detectors[i], input);
    }
    detector.instantThreshold = RestartableThreshold.restore(input);
    detector.excursionThreshold = RestartableThreshold.restore(input);
    if (!input.done) throw new StateError('state has trailing bytes');
    return detector;
  }
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

/** A departure the excursion found: it covers `points` points since `since`, whose values average `mean`. */
interface LastingDeparture {
  since: number;
  points: number;
  mean: number;
}

function onsetKind(agreeing: DetectorKind[], deviation: number): AnomalyKind {
  return agreeing.includes('change-point') ? 'level-shift' : deviation >= 0 ? 'spike' : 'dip';
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
