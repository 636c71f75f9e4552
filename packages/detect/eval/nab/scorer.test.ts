/**
 * Validation of the NAB scorer: hand-made cases with known answers, then the real corpus — the null detector
 * scores 0, a perfect detector 100, and NAB's windowed-Gaussian baseline its published scores.
 * The corpus must be at ../shared/datasets/nab next to the repository (or $NAB_DIR); it is there in CI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { WindowedGaussian } from './baselines.js';
import { type CorpusFile, readCorpus, readProfiles, resolveNabDir } from './corpus.js';
import { runDetector } from './detectors.js';
import {
  normalise,
  type Profile,
  prepareCorpus,
  probationaryLength,
  type ScoredFile,
  scaledSigmoid,
  scoreCorpus,
  scoreFiles,
  sweepCorpus,
  sweepScores,
  type WindowRange,
} from './scorer.js';

const standard: Profile = { name: 'standard', tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };
const lowFn: Profile = { name: 'reward_low_FN_rate', tpWeight: 1, fpWeight: 0.11, fnWeight: 2 };

/** A file of n rows scoring 0 except `detections` (row → score). */
function file(n: number, windows: WindowRange[], detections: Record<number, number>): ScoredFile {
  const scores = new Float64Array(n);
  for (const [row, score] of Object.entries(detections)) scores[Number(row)] = score;
  return { name: `synthetic-${n}`, scores, windows };
}

/** The corpus total when rows with score >= threshold are detections, read off the sweep. */
function totalAt(files: ScoredFile[], profile: Profile, threshold: number): number {
  const entry = sweepCorpus(prepareCorpus(files), profile).find((e) => e.threshold === threshold);
  if (!entry) throw new Error(`threshold ${threshold} is not in the sweep`);
  return entry.score;
}

describe('NAB scorer, hand-made cases', () => {
  // 200 rows: rows 0..29 are probationary; one window of 10 rows, 100..109.
  const window = [{ start: 100, end: 109 }];

  it('computes the scaled sigmoid', () => {
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(-1)).toBeCloseTo(2 / (1 + Math.exp(-5)) - 1, 15);
    expect(scaledSigmoid(3)).toBeCloseTo(2 / (1 + Math.exp(15)) - 1, 15);
    expect(scaledSigmoid(3.0001)).toBe(-1);
    expect(probationaryLength(200)).toBe(30);
    expect(probationaryLength(10_000)).toBe(750);
  });

  it('rewards a detection at the left edge of a window with A_TP, less later in the window', () => {
    const [result] = scoreCorpus([file(200, window, { 100: 1 })], [standard]);
    expect(result.best.threshold).toBe(1);
    expect(result.best.score).toBeCloseTo(standard.tpWeight, 12);
    expect(result.normalised).toBeCloseTo(100, 9);
    const late = scoreCorpus([file(200, window, { 105: 1 })], [standard])[0].best.score;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(standard.tpWeight);
  });

  it('charges a detection far from any window −A_FP, on top of the missed window', () => {
    const files = [file(200, window, { 40: 1 })];
    expect(totalAt(files, standard, 1)).toBeCloseTo(-standard.fnWeight - standard.fpWeight, 12);
    // Far after the window (beyond 3 window widths) it costs the full A_FP too.
    expect(totalAt([file(200, window, { 190: 1 })], standard, 1)).toBeCloseTo(-1 - 0.11, 12);
    // Not detecting at all is better, so the sweep keeps the no-detection threshold.
    const [result] = scoreCorpus(files, [standard]);
    expect(result.best.threshold).toBe(1.1);
    expect(result.best.score).toBe(-standard.fnWeight);
    expect(result.normalised).toBe(0);
  });

  it('charges a detection just after a window less than one far away', () => {
    const sweep = sweepScores(200, window, standard);
    expect(sweep[109]).toBeGreaterThan(0);
    expect(sweep[110]).toBeLessThan(0);
    expect(sweep[110]).toBeGreaterThan(-standard.fpWeight / 2);
    expect(sweep[110]).toBeGreaterThan(sweep[115]);
    expect(sweep[115]).toBeGreaterThan(sweep[125]);
    expect(sweep[199]).toBe(-standard.fpWeight);
    expect(sweep[50]).toBe(-standard.fpWeight);
    const near = totalAt([file(200, window, { 110: 1 })], standard, 1);
    const far = totalAt([file(200, window, { 190: 1 })], standard, 1);
    expect(near).toBeGreaterThan(far);
    expect(near).toBeCloseTo(-1 + sweep[110], 12);
  });

  it('ignores probationary rows, detections and windows alike', () => {
    const probationary = [file(200, window, { 10: 1, 29: 1 })];
    const [result] = scoreCorpus(probationary, [standard]);
    expect(result.best.score).toBe(-1);
    expect(sweepCorpus(prepareCorpus(probationary), standard).map((e) => e.threshold)).toEqual([1.1, 0]);
    // A window wholly inside the probationary period counts as missed and cannot be detected.
    const early = scoreCorpus([file(200, [{ start: 5, end: 14 }], { 5: 1 })], [standard])[0];
    expect(early.best.score).toBe(-1);
  });

  it('chooses the best threshold of the sweep, and the sweep agrees with per-file scoring', () => {
    // Window detected at 0.8; a false positive at 0.9; many false positives at 0.5.
    const detections: Record<number, number> = { 100: 0.8, 40: 0.9 };
    for (let row = 150; row < 190; row++) detections[row] = 0.5;
    const files = [
      file(200, window, detections),
      file(300, [{ start: 200, end: 229 }], { 60: 0.5, 210: 0.8 }),
    ];
    const corpus = prepareCorpus(files);
    for (const profile of [standard, lowFn]) {
      const sweep = sweepCorpus(corpus, profile);
      expect(sweep.map((e) => e.threshold)).toEqual([1.1, 0.9, 0.8, 0.5, 0]);
      for (const entry of sweep) {
        const perFile = scoreFiles(corpus, profile, entry.threshold).reduce((sum, f) => sum + f.raw, 0);
        expect(entry.score).toBeCloseTo(perFile, 12);
      }
      const [result] = scoreCorpus(files, [profile]);
      expect(result.best.threshold).toBe(0.8);
      expect(result.best.score).toBe(Math.max(...sweep.map((e) => e.score)));
      // Both windows detected at threshold 0.8: one at its left edge, one 11 rows in; one false positive.
      const second = sweepScores(300, files[1].windows, profile)[210];
      expect(result.best.score).toBeCloseTo(1 + second - 0.11, 12);
      expect(result.best).toMatchObject({ tp: 2, fp: 1 });
      expect(result.files.map((f) => f.detected)).toEqual([1, 1]);
    }
  });

  it('normalises between never detecting (0) and detecting every window at its left edge (100)', () => {
    expect(normalise(-116, 116, standard)).toBe(0);
    expect(normalise(116, 116, standard)).toBe(100);
    expect(normalise(-232, 116, lowFn)).toBe(0);
    expect(normalise(0, 116, lowFn)).toBeCloseTo(200 / 3, 12);
  });
});

describe('NAB scorer on the corpus', () => {
  let corpus: CorpusFile[];
  let profiles: Profile[];

  beforeAll(() => {
    let dir: string;
    try {
      dir = resolveNabDir();
    } catch (error) {
      throw new Error(`The NAB scorer tests need the corpus. ${(error as Error).message}`);
    }
    corpus = readCorpus(dir);
    profiles = readProfiles(dir);
  });

  const scored = (scores: (f: CorpusFile) => Float64Array): ScoredFile[] =>
    corpus.map((f) => ({ name: f.path, scores: scores(f), windows: f.windows }));

  it('reads 58 files, 365,558 rows, 116 windows and three profiles', () => {
    expect(corpus).toHaveLength(58);
    expect(corpus.reduce((n, f) => n + f.values.length, 0)).toBe(365_558);
    expect(corpus.reduce((n, f) => n + f.windows.length, 0)).toBe(116);
    expect(profiles.map((p) => [p.name, p.tpWeight, p.fpWeight, p.fnWeight])).toEqual([
      ['standard', 1, 0.11, 1],
      ['reward_low_FP_rate', 1, 0.22, 1],
      ['reward_low_FN_rate', 1, 0.11, 2],
    ]);
  });

  it('scores the null detector 0 on every profile', () => {
    const results = scoreCorpus(
      scored((f) => runDetector('null', f.times, f.values)),
      profiles,
    );
    expect(results.map((r) => r.normalised)).toEqual([0, 0, 0]);
  });

  it('scores a perfect detector 100 on every profile', () => {
    const perfect = scored((f) => {
      const scores = new Float64Array(f.values.length);
      const firstScorable = probationaryLength(f.values.length);
      for (const w of f.windows) if (w.end >= firstScorable) scores[Math.max(w.start, firstScorable)] = 1;
      return scores;
    });
    for (const result of scoreCorpus(perfect, profiles)) {
      expect(Math.abs(result.normalised - 100)).toBeLessThan(1e-9);
      expect(result.best.threshold).toBe(1);
    }
  });

  it("reproduces NAB's published scores of the windowed-Gaussian baseline", () => {
    const published = { standard: 39.6, reward_low_FP_rate: 20.9, reward_low_FN_rate: 47.4 };
    const results = scoreCorpus(
      scored((f) => runDetector('windowedGaussian', f.times, f.values)),
      profiles,
    );
    const exact = scoreCorpus(
      scored((f) => {
        const detector = new WindowedGaussian({ significantDigits: null });
        return f.values.map((v, i) => detector.score(f.times[i], v));
      }),
      profiles,
    );
    console.log(
      'windowedGaussian on NAB:',
      results
        .map((r) => `${r.profile.name} ${r.normalised.toFixed(2)} (threshold ${r.best.threshold})`)
        .join(', '),
      '— with unrounded scores:',
      exact.map((r) => `${r.profile.name} ${r.normalised.toFixed(2)}`).join(', '),
    );
    for (const result of results) {
      const expected = published[result.profile.name as keyof typeof published];
      expect(Math.abs(result.normalised - expected)).toBeLessThanOrEqual(1.5);
    }
  });
});
