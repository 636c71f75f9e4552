/**
 * Reading the NAB corpus (data, labels and profiles; see the corpus's README.md): the data files, their rows,
 * their anomaly windows as row ranges, and the scoring profiles.
 *
 * The corpus lives outside the repository, at `<repo>/../shared/datasets/nab`; `NAB_DIR` (or the runner's
 * `--nab-dir`) points elsewhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile, WindowRange } from './scorer.js';

/** The repository root (this file is packages/detect/eval/nab/corpus.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where the corpus is unless told otherwise: `../shared/datasets/nab` next to the repository. */
export const DEFAULT_NAB_DIR = resolve(REPO_ROOT, '../shared/datasets/nab');

/** One data file with its rows and windows. */
export interface CorpusFile {
  /** Path relative to `data/`, e.g. `realKnownCause/nyc_taxi.csv` (the key of the labels). */
  path: string;
  /** The folder, e.g. `realKnownCause`. */
  category: string;
  /** Timestamps as written (`YYYY-MM-DD HH:MM:SS`), milliseconds since the epoch (read as UTC), values. */
  timestamps: string[];
  times: Float64Array;
  values: Float64Array;
  /** Anomaly windows as row ranges, both ends inclusive, in time order. */
  windows: WindowRange[];
}

/** Labels of the corpus: file path → windows as `[start, end]` timestamps (`YYYY-MM-DD HH:MM:SS.ffffff`). */
export type WindowLabels = Record<string, [string, string][]>;

/**
 * The corpus directory: `flag`, else `$NAB_DIR`, else the default. Throws a readable error when it does not look
 * like the NAB corpus.
 */
export function resolveNabDir(flag?: string): string {
  const dir = resolve(flag ?? process.env.NAB_DIR ?? DEFAULT_NAB_DIR);
  const needed = ['data', 'labels/combined_windows.json', 'config/profiles.json'];
  const missing = needed.filter((p) => !existsSync(join(dir, p)));
  if (missing.length > 0) {
    throw new Error(
      `NAB corpus not found at ${dir} (missing ${missing.join(', ')}). Put the NAB data, labels and config there ` +
        '(see packages/detect/eval/nab/corpus.ts), or point to it with NAB_DIR=<dir> or --nab-dir <dir>.',
    );
  }
  return dir;
}

/** The data files' paths relative to `data/`, sorted (58 for NAB v1.1). */
export function listFiles(nabDir: string): string[] {
  const dataDir = join(nabDir, 'data');
  const out: string[] = [];
  for (const category of readdirSync(dataDir).sort()) {
    if (!statSync(join(dataDir, category)).isDirectory()) continue;
    for (const name of readdirSync(join(dataDir, category)).sort()) {
      if (name.endsWith('.csv')) out.push(`${category}/${name}`);
    }
  }
  return out;
}

/** `labels/combined_windows.json`. */
export function readWindowLabels(nabDir: string): WindowLabels {
  return JSON.parse(readFileSync(join(nabDir, 'labels/combined_windows.json'), 'utf8')) as WindowLabels;
}

/** The profiles of `config/profiles.json`, in file order (standard, reward_low_FP_rate, reward_low_FN_rate). */
export function readProfiles(nabDir: string): Profile[] {
  type Raw = Record<string, { CostMatrix: { tpWeight: number; fpWeight: number; fnWeight: number } }>;
  const raw = JSON.parse(readFileSync(join(nabDir, 'config/profiles.json'), 'utf8')) as Raw;
  return Object.entries(raw).map(([name, { CostMatrix: m }]) => {
    for (const key of ['tpWeight', 'fpWeight', 'fnWeight'] as const) {
      if (!(typeof m[key] === 'number' && m[key] >= 0))
        throw new Error(`profiles.json: ${name}.${key} is not a weight`);
    }
    return { name, tpWeight: m.tpWeight, fpWeight: m.fpWeight, fnWeight: m.fnWeight };
  });
}

/** `YYYY-MM-DD HH:MM:SS` (anything after the seconds, e.g. `.000000`, is dropped). */
export function normaliseTimestamp(text: string): string {
  return text.slice(0, 19);
}

/** Milliseconds since the epoch of `YYYY-MM-DD HH:MM:SS`, read as UTC; NaN when malformed. */
export function parseNabTimestamp(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(text)) return Number.NaN;
  const n = (from: number, to: number) => Number(text.slice(from, to));
  return Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19));
}

/** The rows of a `timestamp,value` data file, in file order. */
export function readRows(nabDir: string, path: string): Pick<CorpusFile, 'timestamps' | 'times' | 'values'> {
  const lines = readFileSync(join(nabDir, 'data', path), 'utf8').split(/\r?\n/);
  if (lines[0]?.trim() !== 'timestamp,value') throw new Error(`${path}: the header is not "timestamp,value"`);
  while (lines.length > 1 && lines[lines.length - 1].trim() === '') lines.pop();
  const n = lines.length - 1;
  const timestamps: string[] = new Array(n);
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i + 1];
    const comma = line.indexOf(',');
    timestamps[i] = normaliseTimestamp(line.slice(0, comma));
    times[i] = parseNabTimestamp(timestamps[i]);
    values[i] = comma < 0 ? Number.NaN : Number(line.slice(comma + 1));
    if (!Number.isFinite(times[i]) || !Number.isFinite(values[i])) {
      throw new Error(`${path}: line ${i + 2} is not "timestamp,value": ${JSON.stringify(line)}`);
    }
  }
  return { timestamps, times, values };
}

/**
 * Turns labelled windows into row ranges: the start is the first row with the start timestamp, the end the first
 * row at or after it with the end timestamp (both must exist).
 */
export function windowRows(path: string, timestamps: readonly string[], labels: WindowLabels): WindowRange[] {
  const windows = labels[path];
  if (windows === undefined) throw new Error(`${path} has no entry in combined_windows.json`);
  return windows.map(([startText, endText]) => {
    const start = timestamps.indexOf(normaliseTimestamp(startText));
    const end = start < 0 ? -1 : timestamps.indexOf(normaliseTimestamp(endText), start);
    if (start < 0 || end < 0)
      throw new Error(`${path}: window [${startText}, ${endText}] does not fall on rows`);
    return { start, end };
  });
}

/** Reads one data file with its windows. */
export function readCorpusFile(nabDir: string, path: string, labels: WindowLabels): CorpusFile {
  const rows = readRows(nabDir, path);
  return { path, category: path.split('/')[0], ...rows, windows: windowRows(path, rows.timestamps, labels) };
}

/** Reads every data file (or those whose path contains `filter`) with its windows. */
export function readCorpus(nabDir: string, filter?: string): CorpusFile[] {
  const labels = readWindowLabels(nabDir);
  return listFiles(nabDir)
    .filter((path) => filter === undefined || path.includes(filter))
    .map((path) => readCorpusFile(nabDir, path, labels));
}
