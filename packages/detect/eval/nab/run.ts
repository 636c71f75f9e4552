/**
 * npm run eval:nab — the Numenta Anomaly Benchmark for the registered detectors (./detectors.ts).
 *
 * Runs every detector over every corpus file in streaming mode on a pool of worker threads, writes NAB result
 * files (`<out>/<detector>/<category>/<detector>_<file>.csv`: timestamp,value,anomaly_score,label), scores each
 * detector with the three NAB profiles (./scorer.ts), prints a table and a per-category breakdown of the main
 * detector, and writes `<out>/summary.json`. Exit codes: 0 done, 1 the main detector's standard score is below
 * `--min-standard` (or a detector failed), 2 bad flags or no corpus.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { type CorpusFile, REPO_ROOT, readCorpus, readProfiles, resolveNabDir } from './corpus.js';
import { DETECTORS, mainDetector } from './detectors.js';
import { normalise, type ProfileResult, type ScoredFile, scoreCorpus } from './scorer.js';
import type { Task, TaskResult, WorkerSetup } from './worker.js';

const USAGE = `Usage: npm run eval:nab -- [options]
  --detectors a,b,c   detectors to run (default all registered: ${Object.keys(DETECTORS).join(', ')})
  --files TEXT        only the corpus files whose path contains TEXT (a quick local run; scores are a subset's)
  --nab-dir DIR       the NAB corpus (default $NAB_DIR, else ../shared/datasets/nab next to the repository)
  --out DIR           where result files and summary.json go (default eval-output/nab in the repository)
  --workers N         worker threads (default the available cores, ${availableParallelism()} here)
  --min-standard X    exit with code 1 when the main detector's standard score is below X
  --help              this text
The main detector is argus when it runs, else the first one run other than null.`;

const print = (line = '') => process.stdout.write(`${line}\n`);

/** Prints a usage error naming the flag and exits with code 2. */
function usageError(message: string): never {
  console.error(`eval:nab: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        detectors: { type: 'string' },
        files: { type: 'string' },
        'nab-dir': { type: 'string' },
        out: { type: 'string' },
        workers: { type: 'string' },
        'min-standard': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    print(USAGE);
    process.exit(0);
  }
  const text = (name: string) => values[name] as string | undefined;
  const detectors =
    text('detectors')
      ?.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '') ?? Object.keys(DETECTORS);
  if (detectors.length === 0) usageError('--detectors lists no detector');
  for (const name of detectors) {
    if (!Object.hasOwn(DETECTORS, name)) {
      usageError(`--detectors: unknown detector "${name}" (known: ${Object.keys(DETECTORS).join(', ')})`);
    }
  }
  const workersText = text('workers');
  const workers = workersText === undefined ? availableParallelism() : Number(workersText);
  if (!Number.isInteger(workers) || workers < 1)
    usageError(`--workers must be a positive integer, not "${workersText}"`);
  const minText = text('min-standard');
  const minStandard = minText === undefined ? undefined : Number(minText);
  if (minStandard !== undefined && (minText?.trim() === '' || !Number.isFinite(minStandard))) {
    usageError(`--min-standard must be a number, not "${minText}"`);
  }
  const files = text('files');
  if (files === '') usageError('--files needs a non-empty substring');
  return {
    detectors: [...new Set(detectors)],
    files,
    nabDir: text('nab-dir'),
    out: resolve(REPO_ROOT, text('out') ?? 'eval-output/nab'),
    workers,
    minStandard,
  };
}

/**
 * A worker thread running ./worker.ts. Node 20 does not pass a worker's own `.ts` entry through tsx's loader
 * (neither inherited nor with `execArgv: ['--import', 'tsx']`: ERR_UNKNOWN_FILE_EXTENSION), so the worker starts
 * from a one-line script that imports worker.ts through tsx's API.
 */
function startWorker(setup: WorkerSetup): Worker {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const boot = `import(${api}).then(({ tsImport }) => tsImport(${entry}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(boot, { eval: true, workerData: setup });
}

/** Runs every task on a pool of worker threads; resolves with the scores of each task, by task id. */
async function runPool(tasks: Task[], size: number, setup: WorkerSetup): Promise<Map<number, TaskResult>> {
  const results = new Map<number, TaskResult>();
  const queue = [...tasks];
  const workers = Array.from({ length: Math.min(size, tasks.length) }, () => startWorker(setup));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((done, fail) => {
            const next = () => {
              const task = queue.shift();
              if (task) worker.postMessage(task);
              else done();
            };
            worker.on('message', (result: TaskResult) => {
              results.set(result.id, result);
              next();
            });
            worker.on('error', fail);
            worker.on('exit', (code) => fail(new Error(`a worker stopped early (exit code ${code})`)));
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

const pad = (text: string, width: number) => text.padEnd(width);
const fixed = (value: number, digits = 1) => (Number.isNaN(value) ? 'n/a' : value.toFixed(digits));

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => pad(cell, widths[c])).join(' | ')} |`;
  print(line(header));
  print(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) print(line(row));
}

interface CategoryRow {
  category: string;
  files: number;
  windows: number;
  detected: number;
  falsePositives: number;
  raw: number;
  /** The standard score normalised within the category (NaN without windows). */
  score: number;
}

/** The main detector's standard-profile result split by category (at the corpus-optimal threshold). */
function byCategory(corpus: CorpusFile[], result: ProfileResult): CategoryRow[] {
  const rows = new Map<string, CategoryRow>();
  result.files.forEach((file, i) => {
    const category = corpus[i].category;
    const row = rows.get(category) ?? {
      category,
      files: 0,
      windows: 0,
      detected: 0,
      falsePositives: 0,
      raw: 0,
      score: 0,
    };
    row.files++;
    row.windows += file.windows;
    row.detected += file.detected;
    row.falsePositives += file.falsePositives;
    row.raw += file.raw;
    rows.set(category, row);
  });
  return [...rows.values()].map((row) => ({
    ...row,
    score: normalise(row.raw, row.windows, result.profile),
  }));
}

async function main(): Promise<void> {
  const options = parseOptions();
  let nabDir: string;
  try {
    nabDir = resolveNabDir(options.nabDir);
  } catch (error) {
    console.error(`eval:nab: ${(error as Error).message}`);
    process.exit(2);
  }
  const started = performance.now();
  const corpus = readCorpus(nabDir, options.files);
  if (corpus.length === 0) usageError(`--files: no corpus file path contains "${options.files}"`);
  const profiles = readProfiles(nabDir);
  const windowCount = corpus.reduce((sum, f) => sum + f.windows.length, 0);
  const rowCount = corpus.reduce((sum, f) => sum + f.values.length, 0);
  const subset = options.files !== undefined;
  const scope = subset
    ? `SUBSET: ${corpus.length} files matching "${options.files}", ${rowCount} rows, ${windowCount} windows`
    : `${corpus.length} files, ${rowCount} rows, ${windowCount} windows`;
  print(`eval:nab — ${options.detectors.join(', ')} on NAB (${scope}), ${options.workers} workers`);

  // Task d·files + f is detector d on file f; they run largest file first, so the pool ends evenly.
  const tasks: Task[] = options.detectors.flatMap((detector, d) =>
    corpus.map((file, f) => ({
      id: d * corpus.length + f,
      detector,
      path: file.path,
      windows: file.windows,
    })),
  );
  const sizeOf = new Map(corpus.map((file) => [file.path, file.values.length]));
  const ordered = [...tasks].sort((a, b) => (sizeOf.get(b.path) ?? 0) - (sizeOf.get(a.path) ?? 0));
  mkdirSync(options.out, { recursive: true });
  const results = await runPool(ordered, options.workers, { nabDir, outDir: options.out });
  const failures = [...results.values()].filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error));
  if (failures.length > 0) {
    for (const failure of failures) console.error(`eval:nab: ${failure}`);
    process.exit(1);
  }

  const main = mainDetector(options.detectors);
  const summaries = options.detectors.map((detector, d) => {
    const files: ScoredFile[] = [];
    let seconds = 0;
    corpus.forEach((file, f) => {
      const result = results.get(d * corpus.length + f);
      if (!result?.ok) throw new Error(`no result for ${detector} on ${file.path}`);
      files.push({ name: file.path, scores: result.scores, windows: file.windows });
      seconds += result.seconds;
    });
    return { detector, seconds, profiles: scoreCorpus(files, profiles) };
  });
  const wallSeconds = (performance.now() - started) / 1000;

  const profileNames = profiles.map((p) => p.name.replace(/_rate$/, ''));
  print();
  table(
    ['detector', ...profileNames, `threshold(${profileNames[0]})`, 'seconds'],
    summaries.map((s) => [
      s.detector + (s.detector === main ? ' *' : ''),
      ...s.profiles.map((p) => fixed(p.normalised)),
      String(s.profiles[0].best.threshold),
      s.seconds.toFixed(1),
    ]),
  );
  print(
    `* main detector. Seconds: the detector's own time summed over files (on ${options.workers} threads);` +
      ` wall time of the whole run ${wallSeconds.toFixed(1)} s.`,
  );
  if (subset) print('NOTE: scores of a SUBSET of the corpus, not comparable with published NAB scores.');

  const mainSummary = summaries.find((s) => s.detector === main)!;
  const standard = mainSummary.profiles[0];
  const categories = byCategory(corpus, standard);
  print();
  print(`${main}, ${standard.profile.name} profile at threshold ${standard.best.threshold}, by category:`);
  table(
    ['category', 'files', 'detected/windows', 'FP rows', 'raw', 'score'],
    categories.map((c) => [
      c.category,
      String(c.files),
      `${c.detected}/${c.windows}`,
      String(c.falsePositives),
      c.raw.toFixed(2),
      fixed(c.score),
    ]),
  );

  const summaryPath = join(options.out, 'summary.json');
  const summary = {
    generatedAt: new Date().toISOString(),
    nabDir,
    subset: subset ? options.files : null,
    files: corpus.length,
    rows: rowCount,
    windows: windowCount,
    workers: options.workers,
    wallSeconds,
    mainDetector: main,
    detectors: summaries.map((s) => ({
      name: s.detector,
      seconds: s.seconds,
      profiles: Object.fromEntries(
        s.profiles.map((p) => [
          p.profile.name,
          {
            score: p.normalised,
            raw: p.best.score,
            threshold: p.best.threshold,
            tp: p.best.tp,
            fp: p.best.fp,
            fn: p.best.fn,
            tn: p.best.tn,
            null: p.nullScore,
            perfect: p.perfectScore,
          },
        ]),
      ),
      categories: s.detector === main ? categories : undefined,
      files: s.profiles[0].files,
    })),
  };
  writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  print();
  print(`Result files in ${options.out}/<detector>/, summary in ${summaryPath}`);

  if (options.minStandard !== undefined) {
    const score = standard.normalised;
    if (!(score >= options.minStandard)) {
      console.error(
        `eval:nab: FAIL — ${main}'s standard score ${fixed(score, 2)} is below --min-standard ${options.minStandard}` +
          (subset ? ' (on a subset of the corpus)' : ''),
      );
      process.exit(1);
    }
    print(`${main}'s standard score ${fixed(score, 2)} >= --min-standard ${options.minStandard}: ok`);
  }
}

await main();
