/**
 * Plain-language explanations of anomalies: what kind of anomaly, which detectors agreed, actual against expected,
 * and one sentence a person can read in a chat message.
 */
import type { DetectorKind, Reading } from './types.js';

export type AnomalyKind = 'spike' | 'dip' | 'level-shift' | 'trend-change' | 'seasonality-break';

export interface Explanation {
  kind: AnomalyKind;
  direction: 'up' | 'down';
  /** The detectors whose own reading called the point abnormal. */
  detectors: DetectorKind[];
  actual: number;
  /** What the most specific agreeing model expected, with its normal band. */
  expected: number;
  lower: number;
  upper: number;
  /** The model that gave `expected`. */
  basis: DetectorKind;
  /** Deviation from `expected` in robust standard deviations (signed). */
  deviation: number;
  /** actual / expected when both are positive, else NaN. */
  ratio: number;
  /** When the anomalous episode started and how long it has lasted so far (ms; 0 for a single point). */
  startedAt: number;
  durationMs: number;
  /** Points in the episode so far. */
  points: number;
  /** The usual period the expectation follows ('' when the series has no seasonality). */
  season: '' | 'daily' | 'weekly';
  /** Set when the episode began with a value beyond the series' whole range so far. */
  record?: 'high' | 'low';
  sentence: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "14:00" or "Tuesday 14:00" in the given time zone, for the usual level at that time. */
export function seasonLabel(t: number, season: Explanation['season'], timeZone: string): string {
  if (season === '') return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(t));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const clock = `${part('hour')}:${part('minute')}`;
  return season === 'weekly' ? `${part('weekday') || WEEKDAYS[new Date(t).getUTCDay()]} ${clock}` : clock;
}

/** "10 minutes", "2 hours", "3 days"; a single point is "one point". */
export function formatDuration(ms: number, points: number): string {
  if (points <= 1 || ms <= 0) return 'one point';
  const minutes = ms / 60_000;
  const unit = (value: number, name: string) => {
    const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
    return `${rounded} ${name}${rounded === 1 ? '' : 's'}`;
  };
  if (minutes < 1) return unit(ms / 1000, 'second');
  if (minutes < 120) return unit(minutes, 'minute');
  if (minutes < 48 * 60) return unit(minutes / 60, 'hour');
  return unit(minutes / 1440, 'day');
}

/** A number shown with about three significant digits, without exponent noise for everyday magnitudes. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || (magnitude > 0 && magnitude < 1e-3)) return value.toPrecision(3);
  if (magnitude >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

function ratioPhrase(ratio: number): string {
  if (!Number.isFinite(ratio)) return '';
  if (ratio >= 1.5) return `${Number(ratio.toFixed(1))}×`;
  if (ratio <= 0.67 && ratio > 0) return `${Math.round(ratio * 100)}% of`;
  return '';
}

export interface ExplanationInput {
  t: number;
  value: number;
  kind: AnomalyKind;
  readings: Partial<Record<DetectorKind, Reading>>;
  agreeing: DetectorKind[];
  basis: DetectorKind;
  startedAt: number;
  points: number;
  season: Explanation['season'];
  /** The level before a level shift (the expectation when the episode began). */
  levelBefore: number;
  /** The episode began with a new high or low of the whole series. */
  record?: 'high' | 'low';
  /** For a lasting departure: the mean value over the episode so far, told instead of the one point's value. */
  levelNow?: number;
  /** Timestamp of the series' first point. */
  seriesStart?: number;
  timeZone: string;
}

export function explain(input: ExplanationInput): Explanation {
  const reading = input.readings[input.basis]!;
  const { value: actual, kind } = input;
  const expected = reading.expected;
  // What the episode is told by: the mean over a lasting departure, else this point's value.
  const told = input.levelNow ?? actual;
  // A level shift is told against the level before it; everything else against the current expectation.
  const reference =
    kind === 'level-shift' && Number.isFinite(input.levelBefore) ? input.levelBefore : expected;
  const direction = told >= reference ? 'up' : 'down';
  const ratio = actual > 0 && expected > 0 ? actual / expected : Number.NaN;
  const durationMs = Math.max(0, input.t - input.startedAt);
  const when = seasonLabel(input.t, input.season, input.timeZone);
  const usual = when ? `the usual ${when} level` : 'the usual level';
  const sigma = Math.abs(reading.deviation);
  const sigmaText = `${sigma >= 10 ? Math.round(sigma) : sigma.toFixed(1)}σ`;
  const lasting = input.points > 1 ? ` for ${formatDuration(durationMs, input.points)}` : '';
  const verb = direction === 'up' ? 'rose' : 'fell';
  const side = direction === 'up' ? 'above' : 'below';
  const multiple = ratioPhrase(ratio);

  let sentence: string;
  switch (kind) {
    case 'level-shift': {
      const before = Number.isFinite(input.levelBefore) ? input.levelBefore : expected;
      const change =
        before !== 0
          ? ` (${told >= before ? '+' : ''}${Math.round(((told - before) / Math.abs(before)) * 100)}%)`
          : '';
      sentence = `Level shifted ${direction} from about ${formatValue(before)} to ${input.levelNow === undefined ? '' : 'about '}${formatValue(told)}${change} and has stayed there${lasting || ' since this point'}.`;
      break;
    }
    case 'trend-change':
      sentence = `Value has been ${direction === 'up' ? 'climbing' : 'falling'} away from ${usual}${lasting}: now ${formatValue(actual)}, ${sigmaText} ${side} the expected ${formatValue(expected)}.`;
      break;
    case 'seasonality-break':
      sentence =
        input.levelNow !== undefined
          ? `Value has run ${side} ${usual} of ${formatValue(expected)}${lasting}, at ${formatValue(told)} on average.`
          : `Value ${verb} to ${formatValue(actual)}, ordinary for this series overall but ${sigmaText} ${side} ${usual} of ${formatValue(expected)}${lasting}.`;
      break;
    default:
      sentence = multiple
        ? `Value ${verb} to ${multiple} ${usual}${lasting} (${formatValue(actual)} against ${formatValue(expected)}, ${sigmaText} ${side}).`
        : `Value ${verb} to ${formatValue(actual)}, ${sigmaText} ${side} ${usual} of ${formatValue(expected)} (normal ${formatValue(reading.lower)} to ${formatValue(reading.upper)})${lasting}.`;
  }

  if (input.record && input.seriesStart !== undefined && input.startedAt > input.seriesStart) {
    const span = formatDuration(input.startedAt - input.seriesStart, 2);
    sentence += ` ${input.record === 'high' ? 'The highest' : 'The lowest'} value in ${span} of data.`;
  }

  const explanation: Explanation = {
    kind,
    direction,
    detectors: input.agreeing,
    actual,
    expected,
    lower: reading.lower,
    upper: reading.upper,
    basis: input.basis,
    deviation: reading.deviation,
    ratio,
    startedAt: input.startedAt,
    durationMs,
    points: input.points,
    season: input.season,
    sentence,
  };
  if (input.record) explanation.record = input.record;
  return explanation;
}
