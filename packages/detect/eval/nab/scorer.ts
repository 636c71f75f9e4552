/**
 * The Numenta Anomaly Benchmark's scoring, written from NAB's published description (pure functions, no I/O).
 *
 * - Every row of a file gets a *sweep score*: inside an anomaly window it is the reward a detection there would
 *   earn (A_TP at the window's left edge, falling towards 0 at its right edge along a scaled sigmoid); outside,
 *   it is the cost of a false positive (−A_FP far from windows, less just after a window's right edge).
 * - The first `min(floor(0.15·n), 750)` rows of a file are a probationary period and are not scored at all.
 * - One threshold per profile is chosen for the whole corpus by a sweep: rows of every file sorted by anomaly
 *   score, highest first; at each distinct score the corpus total is recorded, where a window counts its best
 *   detection (or −A_FN when it has none) and every detection outside windows adds its (negative) sweep score.
 * - The best total is normalised: 100·(raw − null)/(perfect − null), with null = −A_FN·windows (never detect)
 *   and perfect = A_TP·windows (every window detected at its left edge, nothing else).
 *
 * Anomaly scores must lie in [0, 1]; a row is a detection when its score is >= the threshold.
 */

/** The cost weights of one scoring profile (`config/profiles.json`, `CostMatrix`). */
export interface Profile {
  /** Profile name: `standard`, `reward_low_FP_rate`, `reward_low_FN_rate`. */
  name: string;
  /** A_TP: reward of a window detected at its left edge. */
  tpWeight: number;
  /** A_FP: cost of a detection far from any window (a positive number; it is subtracted). */
  fpWeight: number;
  /** A_FN: cost of a window that is never detected (a positive number; it is subtracted). */
  fnWeight: number;
}

/** An anomaly window as row indexes of its file, both ends inclusive. */
export interface WindowRange {
  start: number;
  end: number;
}

/** A detector's output on one file: one anomaly score per row, in file order, and the file's windows. */
export interface ScoredFile {
  /** The file's path relative to NAB's `data/`, e.g. `realKnownCause/nyc_taxi.csv`. */
  name: string;
  scores: ArrayLike<number>;
  /** Windows in time order, not overlapping. */
  windows: readonly WindowRange[];
}

/** The corpus total when every row with anomaly score >= `threshold` is a detection. */
export interface ThresholdScore {
  threshold: number;
  /** Raw score: sum of the windows' parts (best detection or −A_FN) and of the false positives' costs. */
  score: number;
  /** Scorable rows: detections inside windows (tp), outside (fp), and the rest (fn inside, tn outside). */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** One file's contribution at a given threshold. */
export interface FileScore {
  name: string;
  /** Raw score of the file: its windows' parts plus the cost of its false positives. */
  raw: number;
  windows: number;
  /** Windows with at least one detection. */
  detected: number;
  /** Detections outside windows (rows), and their summed cost (<= 0). */
  falsePositives: number;
  falsePositiveCost: number;
}

/** A profile's result over the corpus. */
export interface ProfileResult {
  profile: Profile;
  /** The corpus-optimal threshold and the raw total and row counts there. */
  best: ThresholdScore;
  /** 100·(raw − null)/(perfect − null); NaN when there are no windows. */
  normalised: number;
  nullScore: number;
  perfectScore: number;
  /** Per-file scores at the optimal threshold (they sum to `best.score`, up to rounding). */
  files: FileScore[];
}

/** The share of a file that is probationary, and the file length at which the period stops growing. */
export const PROBATIONARY_PERCENT = 0.15;
export const PROBATIONARY_CAP_ROWS = 5000;
/** The threshold above every score: nothing is detected (the "never detect" candidate of the sweep). */
export const NO_DETECTION_THRESHOLD = 1.1;

/** NAB's scaled sigmoid: +1 far before 0, about 0 at 0, −1 beyond 3. */
export function scaledSigmoid(x: number): number {
  if (x > 3) return -1;
  return 2 / (1 + Math.exp(5 * x)) - 1;
}

/** Rows at the start of a file of `n` rows that are excluded from scoring: min(floor(0.15·n), 750). */
export function probationaryLength(n: number): number {
  return Math.min(Math.floor(PROBATIONARY_PERCENT * n), PROBATIONARY_PERCENT * PROBATIONARY_CAP_ROWS);
}

/**
 * The profile-independent part of every row's sweep score, and the window it belongs to.
 * Inside window w (index into `windows`): `unit[i]` = scaledSigmoid(−(R − i + 1)/W) / scaledSigmoid(−1), so that
 * the weighted score is unit·A_TP (exactly A_TP at the left edge). Outside: `unit[i]` is −1 before the first
 * window's end and scaledSigmoid(|Rp − i|/(Wp − 1)) after a window, so that the weighted score is unit·A_FP.
 * `window[i]` is the window's index, or −1 outside windows.
 */
export function unitSweepScores(
  n: number,
  windows: readonly WindowRange[],
): { unit: Float64Array; window: Int32Array } {
  checkWindows(n, windows);
  const unit = new Float64Array(n);
  const window = new Int32Array(n).fill(-1);
  const maxTp = scaledSigmoid(-1);
  let next = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    const w = windows[next];
    if (w !== undefined && i >= w.start) {
      const width = w.end - w.start + 1;
      unit[i] = scaledSigmoid(-(w.end - i + 1) / width) / maxTp;
      window[i] = next;
      if (i === w.end) {
        prevRight = w.end;
        prevWidth = width;
        next++;
      }
    } else if (prevRight < 0) {
      unit[i] = -1;
    } else {
      // A one-row window would divide by zero; NAB's windows are far wider. Treat it as width 2.
      unit[i] = scaledSigmoid(Math.abs(prevRight - i) / Math.max(prevWidth - 1, 1));
    }
  }
  return { unit, window };
}

/** Every row's weighted sweep score under `profile` (probationary rows included; the sweep skips them). */
export function sweepScores(n: number, windows: readonly WindowRange[], profile: Profile): Float64Array {
  const { unit, window } = unitSweepScores(n, windows);
  return unit.map((u, i) => u * (window[i] >= 0 ? profile.tpWeight : profile.fpWeight));
}

/** The scorable rows of a whole corpus, sorted once by anomaly score (descending) for every profile's sweep. */
export interface PreparedCorpus {
  files: readonly ScoredFile[];
  /** Number of windows in the corpus (including any lying wholly in a probationary period). */
  windowCount: number;
  /** Per scorable row, in corpus order: anomaly score, unit sweep score, global window index (−1 outside). */
  scores: Float64Array;
  unit: Float64Array;
  window: Int32Array;
  /** Scorable-row indexes sorted by anomaly score, highest first. */
  order: Uint32Array;
  /** Scorable rows inside / outside windows. */
  windowRows: number;
  outsideRows: number;
  /** For each file, the range [first, end) of its rows in the arrays above, and its first global window index. */
  fileRows: { first: number; end: number; firstWindow: number }[];
}

/** Gathers the scorable rows of every file and sorts them by anomaly score (once, for all profiles). */
export function prepareCorpus(files: readonly ScoredFile[]): PreparedCorpus {
  let total = 0;
  for (const f of files) total += f.scores.length - probationaryLength(f.scores.length);
  const scores = new Float64Array(total);
  const unit = new Float64Array(total);
  const window = new Int32Array(total);
  const fileRows: PreparedCorpus['fileRows'] = [];
  let at = 0;
  let windowCount = 0;
  let windowRows = 0;
  for (const f of files) {
    const n = f.scores.length;
    const sweep = unitSweepScores(n, f.windows);
    const first = at;
    for (let i = probationaryLength(n); i < n; i++, at++) {
      const s = f.scores[i];
      if (!(s >= 0 && s <= 1)) {
        throw new RangeError(`${f.name}: anomaly score ${s} at row ${i} is not a number in [0, 1]`);
      }
      scores[at] = s;
      unit[at] = sweep.unit[i];
      window[at] = sweep.window[i] >= 0 ? windowCount + sweep.window[i] : -1;
      if (sweep.window[i] >= 0) windowRows++;
    }
    fileRows.push({ first, end: at, firstWindow: windowCount });
    windowCount += f.windows.length;
  }
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  // Ties keep corpus order (stable sort); the order inside a tie does not change any recorded total.
  order.sort((a, b) => scores[b] - scores[a]);
  return {
    files,
    windowCount,
    scores,
    unit,
    window,
    order,
    windowRows,
    outsideRows: total - windowRows,
    fileRows,
  };
}

/**
 * The threshold sweep of one profile: the corpus total at every distinct anomaly score, highest threshold first,
 * starting with the no-detection candidate 1.1. Each entry counts the rows with score >= its threshold as
 * detections.
 */
export function sweepCorpus(corpus: PreparedCorpus, profile: Profile): ThresholdScore[] {
  const { scores, unit, window, order } = corpus;
  const parts = new Float64Array(corpus.windowCount).fill(-profile.fnWeight);
  let windowSum = -profile.fnWeight * corpus.windowCount;
  let fpSum = 0;
  let tp = 0;
  let fp = 0;
  let threshold = NO_DETECTION_THRESHOLD;
  const out: ThresholdScore[] = [];
  const record = () =>
    out.push({
      threshold,
      score: windowSum + fpSum,
      tp,
      fp,
      fn: corpus.windowRows - tp,
      tn: corpus.outsideRows - fp,
    });
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    const s = scores[row];
    if (s !== threshold) {
      record();
      threshold = s;
    }
    const w = window[row];
    if (w >= 0) {
      const value = unit[row] * profile.tpWeight;
      if (value > parts[w]) {
        windowSum += value - parts[w];
        parts[w] = value;
      }
      tp++;
    } else {
      fpSum += unit[row] * profile.fpWeight;
      fp++;
    }
  }
  record();
  return out;
}

/** The entry with the highest total; among equal totals, the highest threshold (the first met). */
export function bestThreshold(sweep: readonly ThresholdScore[]): ThresholdScore {
  let best = sweep[0];
  for (const entry of sweep) if (entry.score > best.score) best = entry;
  return best;
}

/** Score of a detector that never detects: every window missed. */
export function nullScore(windowCount: number, profile: Profile): number {
  return -profile.fnWeight * windowCount;
}

/** Score of a detector that detects every window at its left edge and nothing else. */
export function perfectScore(windowCount: number, profile: Profile): number {
  return profile.tpWeight * windowCount;
}

/** 100·(raw − null)/(perfect − null): 0 for never detecting, 100 for perfect; NaN without windows. */
export function normalise(raw: number, windowCount: number, profile: Profile): number {
  if (windowCount === 0) return Number.NaN;
  const low = nullScore(windowCount, profile);
  return (100 * (raw - low)) / (perfectScore(windowCount, profile) - low);
}

/**
 * Each file's score when rows with anomaly score >= `threshold` are detections: a window earns its best
 * detection's reward (its earliest detection, as rewards fall across a window) or −A_FN; detections outside
 * windows add their cost.
 */
export function scoreFiles(corpus: PreparedCorpus, profile: Profile, threshold: number): FileScore[] {
  return corpus.files.map((file, f) => {
    const { first, end, firstWindow } = corpus.fileRows[f];
    const parts = new Float64Array(file.windows.length).fill(-profile.fnWeight);
    const hit = new Uint8Array(file.windows.length);
    let falsePositives = 0;
    let falsePositiveCost = 0;
    for (let row = first; row < end; row++) {
      if (corpus.scores[row] < threshold) continue;
      const w = corpus.window[row];
      if (w >= 0) {
        const local = w - firstWindow;
        parts[local] = Math.max(parts[local], corpus.unit[row] * profile.tpWeight);
        hit[local] = 1;
      } else {
        falsePositives++;
        falsePositiveCost += corpus.unit[row] * profile.fpWeight;
      }
    }
    const windowSum = parts.reduce((a, b) => a + b, 0);
    return {
      name: file.name,
      raw: windowSum + falsePositiveCost,
      windows: file.windows.length,
      detected: hit.reduce((a, b) => a + b, 0),
      falsePositives,
      falsePositiveCost,
    };
  });
}

/** Scores a prepared corpus with one profile: best threshold, normalised score and per-file breakdown. */
export function scoreProfile(corpus: PreparedCorpus, profile: Profile): ProfileResult {
  const best = bestThreshold(sweepCorpus(corpus, profile));
  return {
    profile,
    best,
    normalised: normalise(best.score, corpus.windowCount, profile),
    nullScore: nullScore(corpus.windowCount, profile),
    perfectScore: perfectScore(corpus.windowCount, profile),
    files: scoreFiles(corpus, profile, best.threshold),
  };
}

/** Scores a detector's output on a corpus with every profile (the rows are sorted once). */
export function scoreCorpus(files: readonly ScoredFile[], profiles: readonly Profile[]): ProfileResult[] {
  const corpus = prepareCorpus(files);
  return profiles.map((profile) => scoreProfile(corpus, profile));
}

function checkWindows(n: number, windows: readonly WindowRange[]): void {
  let previousEnd = -1;
  for (const w of windows) {
    if (!Number.isInteger(w.start) || !Number.isInteger(w.end) || w.start > w.end || w.end >= n) {
      throw new RangeError(`window [${w.start}, ${w.end}] is not a row range of a file of ${n} rows`);
    }
    if (w.start <= previousEnd)
      throw new RangeError(`window [${w.start}, ${w.end}] overlaps the previous one`);
    previousEnd = w.end;
  }
}
